// The inbox's look: a light theme in the colours agents know from WhatsApp-centred inboxes, scaled for HiDPI.
#pragma once

namespace inbox::ui {

// Resets ImGui's style to the inbox theme and scales every size by pixel_ratio (devicePixelRatio on the web).
void apply_theme(float pixel_ratio);

}  // namespace inbox::ui

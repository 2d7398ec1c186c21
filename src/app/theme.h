// The inbox's look: a light theme in the colours agents know from WhatsApp-centred inboxes, scaled for HiDPI.
#pragma once
#include <imgui.h>

namespace inbox::ui {

// Text that warns before an action (a window closed by then, a value that is no date).
constexpr ImVec4 kWarningColor(0.75f, 0.35f, 0.0f, 1);

// Resets ImGui's style to the inbox theme and scales every size by pixel_ratio (devicePixelRatio on the web).
void apply_theme(float pixel_ratio);

}  // namespace inbox::ui

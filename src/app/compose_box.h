// The compose box under the chat: a reply or an internal note, Enter sends and Shift+Enter breaks the line,
// the 4096-character count, and the WhatsApp window's countdown (closed: free text is refused).
#pragma once
#include "app/shell.h"

namespace inbox::ui {

void draw_compose_box(ShellState& ui, sync::Engine& engine, const LocalClock& clock, const Conversation& c);

}  // namespace inbox::ui

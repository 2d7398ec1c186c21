// The compose box under the chat: a reply or an internal note, Enter sends and Shift+Enter breaks the line,
// the 4096-character count, and the WhatsApp window's countdown. When the window is closed free text is
// disabled, the reason is shown and the template picker is offered instead (notes are still allowed).
#pragma once
#include "app/shell.h"

namespace inbox::ui {

// The height the box takes: the same with the text box or the template picker in its place, so nothing
// moves under the pointer when the window closes.
float compose_box_height();

void draw_compose_box(ShellState& ui, sync::Engine& engine, const LocalClock& clock, const Conversation& c);

}  // namespace inbox::ui

// Column 3: the open conversation. Its header (contact, details, actions), the messages, the compose box,
// and the contact panel beside them.
#pragma once
#include "app/shell.h"

namespace inbox::ui {

void draw_chat_column(ShellState& ui, sync::Engine& engine, const LocalClock& clock);

}  // namespace inbox::ui

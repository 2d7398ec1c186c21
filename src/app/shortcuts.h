// Keyboard shortcuts: next / previous conversation (Alt+Down, Alt+Up, also Alt+J, Alt+K, while typing
// too), focus the search box (/), close a dialog or menu (Escape), and the overlay that lists them all (?).
// Keys are read once per frame, before the columns draw, and handed to them as requests.
#pragma once

namespace inbox::ui {

struct ShortcutRequests {
  int list_step = 0;          // +1 next conversation, -1 previous
  bool focus_search = false;  // the search box takes the keyboard
};

struct ShortcutsState {
  bool overlay_open = false;
};

ShortcutRequests read_shortcuts(ShortcutsState& state);

// The "?" overlay, when open.
void draw_shortcuts_overlay(ShortcutsState& state);

}  // namespace inbox::ui

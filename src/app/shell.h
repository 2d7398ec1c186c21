// The three-column inbox shell: sections | conversation list | chat. Immediate mode: it reads the inbox it is
// given and keeps only transient UI state (selection, text being typed) in ShellState.
#pragma once
#include "app/sample_inbox.h"

#include <string>

namespace inbox::ui {

constexpr int kMessageMaxCodePoints = 4096;

struct ShellState {
  Section section = Section::Mine;
  StatusTab tab = StatusTab::Open;
  char search[256] = "";
  int selected = -1;  // index into SampleInbox::conversations
  std::string compose;
};

// Draws one frame of the shell filling the whole display. Sending appends to `inbox` (the sample stands in for
// the core until the engine seam exists).
void draw_shell(ShellState& state, SampleInbox& inbox);

}  // namespace inbox::ui

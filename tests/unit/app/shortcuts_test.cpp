#include "app/shortcuts.h"

#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

void press(ShellFixture& f, ImGuiKey key, bool alt = false, bool shift = false) {
  ImGuiIO& io = ImGui::GetIO();
  if (alt) io.AddKeyEvent(ImGuiMod_Alt, true);
  if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
  io.AddKeyEvent(key, true);
  f.frame();
  io.AddKeyEvent(key, false);
  if (alt) io.AddKeyEvent(ImGuiMod_Alt, false);
  if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
  f.frame();
  f.frame();
}

}  // namespace

TEST_CASE("Alt+Down and Alt+Up walk the conversation list, Alt+J and Alt+K too") {
  ShellFixture f;
  f.shell.viewer = UserId(2);  // the supervisor sees All
  f.shell.section = Section::all;
  f.shell.order = SortOrder::oldest_first;
  f.frame();
  f.click("Pending");
  f.click("Open");
  REQUIRE(!f.shell.selected.valid());
  press(f, ImGuiKey_DownArrow, true);
  CHECK(f.shell.selected == ConversationId(0));  // Lucía, the oldest open
  press(f, ImGuiKey_J, true);
  CHECK(f.shell.selected == ConversationId(2));  // Zoë
  press(f, ImGuiKey_DownArrow, true);
  CHECK(f.shell.selected == ConversationId(2));  // the last stays
  press(f, ImGuiKey_K, true);
  CHECK(f.shell.selected == ConversationId(0));
  press(f, ImGuiKey_J);  // without Alt: nothing
  CHECK(f.shell.selected == ConversationId(0));
}

TEST_CASE("/ puts the keyboard in the search box; ? opens the shortcuts overlay and Escape closes it") {
  ShellFixture f;
  press(f, ImGuiKey_Slash);
  CHECK(ImGui::GetIO().WantTextInput);
  f.type("lucia");
  CHECK(f.shell.search == "lucia");
  press(f, ImGuiKey_Escape);
  CHECK_FALSE(f.shell.shortcuts.overlay_open);

  f.click("Mine");  // out of the search box
  press(f, ImGuiKey_Slash, false, true);
  CHECK(f.shell.shortcuts.overlay_open);
  CHECK(f.shows("Close##shortcuts"));
  press(f, ImGuiKey_Escape);
  CHECK_FALSE(f.shell.shortcuts.overlay_open);
  f.click("Keyboard shortcuts (?)");
  CHECK(f.shell.shortcuts.overlay_open);
  f.click("Close##shortcuts");
  CHECK_FALSE(f.shell.shortcuts.overlay_open);
}

TEST_CASE("Escape closes an open menu") {
  ShellFixture f;
  f.click("##sign_in_as");
  f.frame();
  REQUIRE(f.find_prefix("Ana Souza") != nullptr);
  press(f, ImGuiKey_Escape);
  CHECK(f.find_prefix("Ana Souza") == nullptr);
}

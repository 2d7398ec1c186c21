#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

void right_click(ShellFixture& f, const ui::LocatedItem* item) {
  REQUIRE(item != nullptr);
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent((item->min.x + item->max.x) / 2, (item->min.y + item->max.y) / 2);
  f.frame();
  io.AddMouseButtonEvent(ImGuiMouseButton_Right, true);
  f.frame();
  io.AddMouseButtonEvent(ImGuiMouseButton_Right, false);
  f.frame();
  f.frame();
}

}  // namespace

TEST_CASE("a row's menu: Assign to me takes an unassigned conversation") {
  ShellFixture f;
  f.click("Unassigned");
  f.click("Pending");
  right_click(f, f.row("Françoise Lefèvre"));
  f.click("Assign to me");
  CHECK(f.conversation(1).assignee == UserId(0));
  CHECK(f.shell.selected == ConversationId(1));
}

TEST_CASE("a row's menu opens the chat's Close and Remind popups on that conversation, and its contact") {
  ShellFixture f;
  f.frame();
  right_click(f, f.row("Lucía Fernández"));
  f.click("Close…");
  f.frame();
  CHECK(f.shell.selected == ConversationId(0));
  CHECK(f.shows("Close conversation"));

  right_click(f, f.row("Lucía Fernández"));
  f.click("Remind…");
  f.frame();
  CHECK(f.shows("Set reminder"));

  right_click(f, f.row("Lucía Fernández"));
  f.click("View contact");
  CHECK(f.shell.contact.open);
}

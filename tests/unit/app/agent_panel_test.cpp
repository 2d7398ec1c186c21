#include "app/agent_panel.h"

#include <doctest/doctest.h>

#include "core/state.h"
#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

TEST_CASE("signing in as a supervisor shows All, Teammates and the team view") {
  ShellFixture f;
  CHECK_FALSE(f.shows("Team"));
  f.click("##sign_in_as");
  f.click(f.find_prefix("Sofía Supervisora"));
  CHECK(f.shell.viewer == UserId(2));
  CHECK(f.shows("All"));
  CHECK(f.shows("Teammates"));
  CHECK(f.shows("Team"));
}

TEST_CASE("the team view lists each agent with their status and active chats") {
  ShellFixture f;
  f.engine.submit(Command{UserId(1), SetUserStatus{UserId(1), UserStatus::available}}, f.clock.now_ms);
  const std::vector<ui::TeamRow> rows = ui::team_rows(f.engine.state());
  REQUIRE(rows.size() == 3);  // Ana, Marc, Sofía
  CHECK(rows[0].user == UserId(0));
  CHECK(rows[0].active_chats == 1);  // Lucía
  CHECK(rows[0].status == UserStatus::unavailable);
  CHECK(rows[1].active_chats == 1);  // Zoë
  CHECK(rows[1].status == UserStatus::available);
  CHECK(rows[2].active_chats == 0);
}

TEST_CASE("an agent sets themselves available, then idle") {
  ShellFixture f;
  f.click("##status");
  f.click("Available");
  CHECK(f.engine.state().users[0].status == UserStatus::available);
  f.click("##status");
  f.click("Idle");
  CHECK(f.engine.state().users[0].status == UserStatus::idle);
}

TEST_CASE("an agent in RONA sees why and becomes available again with one click") {
  ShellFixture f;
  f.engine.submit(Command{UserId(), SetUserStatus{UserId(0), UserStatus::rona}}, f.clock.now_ms);  // the system's doing
  REQUIRE(f.engine.state().users[0].status == UserStatus::rona);
  f.frame();
  CHECK_FALSE(f.shows("##status"));
  f.click("Become available");
  CHECK(f.engine.state().users[0].status == UserStatus::available);
}

#include "app/settings_view.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "core/state.h"
#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

const UserId kAna(0), kMarc(1), kSofia(2);  // agent, agent, supervisor (workspace_script)

bool toast_says(const ShellFixture& f, const std::string& text) {
  return std::any_of(f.shell.toasts.shown.begin(), f.shell.toasts.shown.end(),
                     [&](const ui::Toast& toast) { return toast.text == text; });
}

// The supervisor with the settings screen open on `tab`.
void open_as_supervisor(ShellFixture& f, const char* tab = "General") {
  f.shell.viewer = kSofia;
  f.frame();
  f.click("Settings");
  REQUIRE(f.shell.settings.open);
  f.frame();  // the tab bar places its tabs from its second frame
  f.click(tab);
}

// Types a number into a settings field and presses its Save button.
void save_number(ShellFixture& f, const std::string& id, const std::string& text) {
  f.click("##" + id);
  f.type(text);
  f.click("Save##" + id);
}

template <class T>
bool contains(const std::vector<T>& items, const T& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

TEST_CASE("an agent opening Settings is refused by the core: the toast says why, no screen opens, nothing changes") {
  ShellFixture f;
  const uint64_t revision = f.engine.revision();
  REQUIRE(f.shows("Settings"));  // listed for everyone
  f.click("Settings");
  CHECK_FALSE(f.shell.settings.open);
  CHECK(toast_says(f, "Not allowed for an agent: open the workspace settings."));
  CHECK(f.shows("Not allowed for an agent: open the workspace settings."));  // the toast is drawn (and located)
  CHECK_FALSE(f.shows("General"));
  CHECK_FALSE(f.shows("Automatic assignment"));
  CHECK(f.shows("##search"));  // the inbox columns stay
  CHECK(f.engine.revision() == revision);
}

TEST_CASE("a supervisor's settings screen replaces the list and the chat; Back and a section return to the inbox") {
  ShellFixture f;
  open_as_supervisor(f);
  CHECK(f.shows("Automatic assignment"));
  CHECK(f.shows("Teams"));
  CHECK(f.shows("Exclusions"));
  CHECK(f.shows("Closing reasons"));
  CHECK_FALSE(f.shows("##search"));
  f.click("Back to the inbox");
  CHECK_FALSE(f.shell.settings.open);
  CHECK(f.shows("##search"));
  f.click("Settings");
  f.click("Mine");
  CHECK_FALSE(f.shell.settings.open);
  CHECK(f.shows("##search"));
}

TEST_CASE("signing in as an agent closes an open settings screen") {
  ShellFixture f;
  open_as_supervisor(f);
  f.shell.viewer = kAna;
  f.frame();
  f.frame();
  CHECK_FALSE(f.shell.settings.open);
  CHECK_FALSE(f.shows("Automatic assignment"));
}

TEST_CASE("General: a supervisor switches automatic assignment and the closing-reason rule, and sets the inactivity period") {
  ShellFixture f;
  open_as_supervisor(f);
  REQUIRE_FALSE(f.engine.state().settings.automatic_assignment);
  f.click("Automatic assignment");
  CHECK(f.engine.state().settings.automatic_assignment);
  f.click("Automatic assignment");
  CHECK_FALSE(f.engine.state().settings.automatic_assignment);

  f.click("A closing reason is required to close");
  CHECK(f.engine.state().settings.closing_reason_required);

  CHECK_FALSE(f.find("Save##inactivity_minutes")->enabled);  // nothing typed yet
  save_number(f, "inactivity_minutes", "90");
  CHECK(f.engine.state().settings.inactivity_close_after_ms == 90 * kMinute);
  CHECK_FALSE(f.find("Save##inactivity_minutes")->enabled);  // saved: the field is the state's value again
  CHECK(f.shell.toasts.shown.empty());
}

TEST_CASE("General: a supervisor shares the Teammates section with agents and picks the default team") {
  ShellFixture f;
  open_as_supervisor(f);
  f.click("Agents see the Teammates section (read only)");
  CHECK(f.engine.state().settings.teammates_shared);
  f.click("##default_team");
  f.click("Support##default_team_team0");
  CHECK(f.engine.state().settings.default_team == TeamId(0));
  CHECK(f.shell.toasts.shown.empty());
}

TEST_CASE("General: a refused value comes back as the core's toast and nothing changes") {
  ShellFixture f;
  open_as_supervisor(f);
  save_number(f, "inactivity_minutes", "-5");
  CHECK(f.engine.state().settings.inactivity_close_after_ms == 0);
  CHECK(toast_says(f, "The inactivity period cannot be negative."));
}

TEST_CASE("Teams: a supervisor changes the strategy, offer timeout, reply timer, capacity and members") {
  ShellFixture f;
  open_as_supervisor(f, "Teams");
  const auto routing = [&] { return f.engine.state().teams.at(0).routing; };
  REQUIRE(routing().strategy == AssignmentStrategy::least_busy);
  f.click("Round robin##strategy");
  CHECK(routing().strategy == AssignmentStrategy::round_robin);

  save_number(f, "offer_seconds0", "45");
  CHECK(routing().offer_timeout_ms == 45'000);
  save_number(f, "reply_minutes0", "10");
  CHECK(routing().reply_timeout_ms == 10 * kMinute);
  save_number(f, "reassign_max0", "3");
  CHECK(routing().reassign_max == 3);
  save_number(f, "team_capacity0", "4");
  CHECK(routing().capacity_max == 4);

  f.click("Sofía Supervisora##member2");
  CHECK(f.engine.state().teams.at(0).members == std::vector<UserId>{kAna, kMarc, kSofia});
  f.click("Marc Dubois##member1");
  CHECK(f.engine.state().teams.at(0).members == std::vector<UserId>{kAna, kSofia});

  save_number(f, "user_capacity0", "2");  // Ana's own capacity, over the team's
  CHECK(f.engine.state().users.at(0).capacity_max == 2);

  f.click("Default user##strategy");  // the first member, and no reply timer (that is for the other two)
  CHECK(routing().strategy == AssignmentStrategy::default_user);
  CHECK(routing().default_user == kAna);
  CHECK(routing().reply_timeout_ms == 0);
  CHECK(f.shell.toasts.shown.empty());
}

TEST_CASE("Teams: a channel feeds a team, and a new team is created and selected") {
  ShellFixture f;
  open_as_supervisor(f, "Teams");
  f.click("##channel_team0");
  f.click("Support##channel_team0_team0");
  CHECK(f.engine.state().channels.at(0).team == TeamId(0));

  f.click("##new_team");
  f.type("Ventas");
  f.click("Create team");
  REQUIRE(f.engine.state().teams.size() == 2);
  CHECK(f.engine.state().teams.at(1).name == "Ventas");
  CHECK(f.shell.settings.team == TeamId(1));
  f.click("Marc Dubois##member1");
  CHECK(f.engine.state().teams.at(1).members == std::vector<UserId>{kMarc});
}

TEST_CASE("Teams: a supervisor renames a team and deletes it; the screen shows the team still there") {
  ShellFixture f;
  open_as_supervisor(f, "Teams");
  f.click("##new_team");
  f.type("Ventas");
  f.click("Create team");
  REQUIRE(f.shell.settings.team == TeamId(1));
  f.click("##rename_team");
  f.type("Vendas");
  f.click("Rename");
  CHECK(f.engine.state().teams.at(1).name == "Vendas");
  f.click("Delete team");
  CHECK(f.engine.state().teams.at(1).deleted);
  f.frame();
  CHECK(f.shell.settings.team == TeamId(0));
  CHECK_FALSE(f.shows("Vendas##pick_team1"));
  CHECK(f.shell.toasts.shown.empty());
}

TEST_CASE("Exclusions: a supervisor excludes a role and a user from automatic assignment, and lets them back") {
  ShellFixture f;
  open_as_supervisor(f, "Exclusions");
  f.click("Operator##exclude_role");
  CHECK(f.engine.state().assignment.excluded_roles == std::vector<Role>{Role::operator_});
  f.click("Marc Dubois · Agent##exclude_user1");
  CHECK(f.engine.state().assignment.excluded_users == std::vector<UserId>{kMarc});
  f.click("Operator##exclude_role");
  CHECK(f.engine.state().assignment.excluded_roles.empty());
  CHECK(contains(f.engine.state().assignment.excluded_users, kMarc));
  save_number(f, "disconnect_grace_minutes", "5");
  CHECK(f.engine.state().assignment.disconnect_grace_ms == 5 * kMinute);
}

TEST_CASE("Closing reasons: a supervisor adds one; a duplicate is refused with the core's toast") {
  ShellFixture f;
  open_as_supervisor(f, "Closing reasons");
  f.click("##new_reason");
  f.type("Sem estoque");
  f.click("Add reason");
  REQUIRE(f.engine.state().closing_reasons.size() == 4);
  CHECK(f.engine.state().closing_reasons.back().name == "Sem estoque");

  f.click("##new_reason");
  f.type("spam");
  f.click("Add reason");
  CHECK(f.engine.state().closing_reasons.size() == 4);
  CHECK(toast_says(f, "There is already a closing reason 'Spam'."));
}

TEST_CASE("a reminder falling due while the settings screen is open still reaches its owner as a toast") {
  ShellFixture f;
  f.engine.submit(Command{kSofia, AssignConversation{ConversationId(1), kSofia}}, f.clock.now_ms);
  f.engine.submit(Command{kSofia, SetReminder{ConversationId(1), ReminderPreset::in_30_minutes, 0, true}}, f.clock.now_ms);
  REQUIRE(f.engine.take_rejections().empty());
  open_as_supervisor(f);
  f.clock.now_ms += 30 * kMinute;
  f.engine.advance(f.clock.now_ms);
  f.frame();
  CHECK(f.shell.settings.open);
  CHECK(toast_says(f, "Reminder due: Françoise Lefèvre"));
}

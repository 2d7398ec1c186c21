#include "app/explanation_view.h"

#include <doctest/doctest.h>

#include "core/state.h"
#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

const UserId kAna(0), kMarc(1), kSofia(2);  // agent, agent, supervisor (workspace_script)

// The engine assigns a new customer's conversation: WhatsApp feeds Support, automatic assignment on, Ana
// available, Marc not (the seeded users start unavailable). Returns the conversation.
ConversationId auto_assigned(ShellFixture& f) {
  const int64_t now = f.clock.now_ms;
  f.engine.submit(Command{UserId(), SetChannelTeam{ChannelId(0), TeamId(0)}}, now);
  Settings settings = f.engine.state().settings;
  settings.automatic_assignment = true;
  f.engine.submit(Command{UserId(), UpdateSettings{settings}}, now);
  f.engine.submit(Command{kAna, SetUserStatus{kAna, UserStatus::available}}, now);
  ReceiveMessage message;
  message.channel = ChannelId(0);
  message.from = "+5511987654321";
  message.profile_name = "João Silva";
  message.text = "Oi, meu boleto venceu";
  f.engine.submit(Command{UserId(), message}, now);
  REQUIRE(f.engine.take_rejections().empty());
  const ConversationId id = f.engine.state().messages.back().conversation;
  REQUIRE(f.conversation(id.index()).assignee == kAna);
  return id;
}

}  // namespace

TEST_CASE("the explanation names when, the strategy and trigger, who got it, the candidates and who was passed over") {
  ShellFixture f;
  const ConversationId id = auto_assigned(f);
  const std::vector<LoggedExplanation> log = assignment_history(f.engine.state(), kSofia, id);
  REQUIRE(log.size() == 1);
  const ui::ExplanationText text = ui::explanation_text(f.engine.state(), log[0], f.clock);
  CHECK(text.heading == "2024-05-29 16:36 · Least busy · Waiting in the queue");
  CHECK(text.outcome == "Assigned to Ana Souza");
  CHECK(text.team == "Team Support: 2 members, 1 could take it");
  REQUIRE(text.candidates.size() == 1);
  CHECK(text.candidates[0].rfind("Ana Souza: 1 active chat, idle ", 0) == 0);  // Lucía's chat
  REQUIRE(text.skipped.size() == 1);
  CHECK(text.skipped[0] == "Marc Dubois: Not available");
}

TEST_CASE("an offer and a conversation nobody could take are worded as such") {
  ShellFixture f;
  const ConversationId id = auto_assigned(f);
  LoggedExplanation logged = assignment_history(f.engine.state(), kSofia, id).at(0);
  logged.explanation.offered = true;
  CHECK(ui::explanation_text(f.engine.state(), logged, f.clock).outcome == "Offered to Ana Souza");
  logged.explanation.chosen = UserId();
  logged.explanation.skipped_unlisted = 3;
  const ui::ExplanationText nobody = ui::explanation_text(f.engine.state(), logged, f.clock);
  CHECK(nobody.outcome == "Nobody could take it: it waits in Unassigned");
  CHECK(nobody.skipped.back() == "and 3 more passed over");
}

TEST_CASE("a supervisor opens 'Why this agent?' in the chat header and reads the conversation's explanation log") {
  ShellFixture f;
  const ConversationId id = auto_assigned(f);
  f.shell.viewer = kSofia;
  f.shell.section = Section::all;
  f.shell.selected = id;
  f.frame();
  f.click("Why this agent?");
  CHECK(f.shows("Assigned to Ana Souza"));
  CHECK(f.find_prefix("Ana Souza: 1 active chat") != nullptr);
  CHECK(f.shows("Marc Dubois: Not available"));
  CHECK(f.shows("Team Support: 2 members, 1 could take it"));
}

TEST_CASE("a conversation picked up by hand has an empty log, said in words") {
  ShellFixture f;
  f.shell.viewer = kSofia;
  f.shell.section = Section::all;
  f.shell.selected = ConversationId(0);  // Ana assigned Lucía's to herself
  f.frame();
  f.click("Why this agent?");
  CHECK(f.find_prefix("The engine has not assigned this conversation") != nullptr);
}

TEST_CASE("agents get no 'Why this agent?' button") {
  ShellFixture f;
  const ConversationId id = auto_assigned(f);
  f.shell.selected = id;  // Ana's own, assigned by the engine
  f.frame();
  CHECK(f.shows("##compose"));
  CHECK_FALSE(f.shows("Why this agent?"));
}

#include "app/offer_popup.h"

#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

// Support offers its chats to Ana and Marc for a minute; a customer writes on WhatsApp.
ConversationId offered_chat(ShellFixture& f) {
  const UserId system;
  Settings settings;
  settings.automatic_assignment = true;
  f.engine.submit(Command{system, UpdateSettings{settings}}, f.clock.now_ms);
  TeamRouting routing;
  routing.offer_timeout_ms = 60'000;
  f.engine.submit(Command{system, SetTeamRouting{TeamId(0), routing}}, f.clock.now_ms);
  f.engine.submit(Command{system, SetChannelTeam{ChannelId(0), TeamId(0)}}, f.clock.now_ms);
  f.engine.submit(Command{UserId(0), SetUserStatus{UserId(0), UserStatus::available}}, f.clock.now_ms);
  ReceiveMessage m;
  m.channel = ChannelId(0);
  m.from = "+5511955554444";
  m.profile_name = "Conceição Araújo";
  m.text = "Olá, vocês entregam em Belém?";
  f.engine.submit(Command{system, m}, f.clock.now_ms);
  for (const sync::Rejection& rejection : f.engine.take_rejections()) FAIL(rejection.error.message);
  const ConversationId id(static_cast<uint32_t>(f.engine.state().conversations.size() - 1));
  REQUIRE(f.conversation(id.value).offered_to == UserId(0));
  return id;
}

}  // namespace

TEST_CASE("the offer popup shows the agent's offer with a ticking timer; Accept takes the chat and opens it") {
  ShellFixture f;
  f.shell.section = Section::unassigned;
  const ConversationId id = offered_chat(f);
  const std::string accept = "Accept##offer" + std::to_string(id.value);
  f.clock.now_ms += 12'000;
  f.frame();
  f.frame();
  REQUIRE(f.shows(accept));
  CHECK(f.wake_at_ms > f.clock.now_ms);  // the countdown wants its next second
  CHECK(f.wake_at_ms <= f.clock.now_ms + 1000);

  f.click(accept);
  CHECK(f.conversation(id.value).assignee == UserId(0));
  CHECK(f.conversation(id.value).status == ConversationStatus::open);
  CHECK(f.shell.selected == id);
  CHECK(f.shell.section == Section::mine);
  f.frame();
  CHECK_FALSE(f.shows(accept));
}

TEST_CASE("another agent sees no popup for an offer that is not theirs") {
  ShellFixture f;
  const ConversationId id = offered_chat(f);
  f.shell.viewer = UserId(1);
  f.frame();
  CHECK_FALSE(f.shows("Accept##offer" + std::to_string(id.value)));
}

TEST_CASE("an offer left to expire goes away with the agent in RONA") {
  ShellFixture f;
  const ConversationId id = offered_chat(f);
  f.frame();
  f.frame();
  REQUIRE(f.shows("Accept##offer" + std::to_string(id.value)));
  f.clock.now_ms += 61'000;
  f.engine.advance(f.clock.now_ms);
  f.frame();
  CHECK_FALSE(f.shows("Accept##offer" + std::to_string(id.value)));
  CHECK(f.engine.state().users[0].status == UserStatus::rona);
  CHECK(f.shows("Become available"));
}

TEST_CASE("Decline withdraws the offer without RONA, the chat goes to the next agent and the card goes") {
  ShellFixture f;
  const ConversationId id = offered_chat(f);
  f.engine.submit(Command{UserId(1), SetUserStatus{UserId(1), UserStatus::available}}, f.clock.now_ms);
  f.frame();
  f.frame();
  f.click("Decline##offer" + std::to_string(id.value));
  CHECK(f.conversation(id.value).offered_to == UserId(1));
  CHECK(f.engine.state().users[0].status == UserStatus::available);
  f.frame();
  CHECK_FALSE(f.shows("Accept##offer" + std::to_string(id.value)));
}

TEST_CASE("a transfer request shows who asks; Accept takes the chat over, Decline leaves it with its owner") {
  ShellFixture f;
  f.engine.submit(Command{UserId(1), SetUserStatus{UserId(1), UserStatus::available}}, f.clock.now_ms);
  // Ana asks Marc to take Lucía's conversation over.
  f.engine.submit(Command{UserId(0), TransferConversation{ConversationId(0), TeamId(), UserId(1), {}}}, f.clock.now_ms);
  for (const sync::Rejection& rejection : f.engine.take_rejections()) FAIL(rejection.error.message);
  CHECK(f.conversation(0).assignee == UserId(0));
  f.shell.viewer = UserId(1);
  f.frame();
  f.frame();
  CHECK(f.shows("Transfer request from Ana Souza"));
  f.click("Decline##offer0");
  CHECK(f.conversation(0).assignee == UserId(0));
  CHECK_FALSE(f.conversation(0).transfer.to.valid());

  f.engine.submit(Command{UserId(0), TransferConversation{ConversationId(0), TeamId(), UserId(1), {}}}, f.clock.now_ms);
  f.frame();
  f.frame();
  f.click("Accept##offer0");
  CHECK(f.conversation(0).status == ConversationStatus::closed);
  const ConversationId next = f.conversation(0).next;
  CHECK(f.conversation(next.value).assignee == UserId(1));
}

TEST_CASE("countdowns read minutes and seconds, rounded up, never below zero") {
  CHECK(ui::format_countdown(0) == "0:00");
  CHECK(ui::format_countdown(1) == "0:01");
  CHECK(ui::format_countdown(59'000) == "0:59");
  CHECK(ui::format_countdown(60'000) == "1:00");
  CHECK(ui::format_countdown(61'500) == "1:02");
  CHECK(ui::format_countdown(-5'000) == "0:00");
}

#include "sync/local_engine.h"

#include <doctest/doctest.h>

#include "core/routing_model.h"
#include "core/timers.h"

using namespace inbox;
using namespace inbox::sync;

namespace {

constexpr int64_t kStart = 1'717'000'000'000;
constexpr int64_t kSecond = 1000;

// Support = Ana and Marc, offers with a 30 s timeout, automatic assignment on; both available.
LocalEngine desk() {
  const UserId system;
  std::vector<TimedCommand> script;
  auto at = [&](UserId actor, CommandBody body) { script.push_back({kStart, Command{actor, std::move(body)}}); };
  at(system, CreateUser{"Ana Souza", "", Role::agent});
  at(system, CreateUser{"Marc Dubois", "", Role::agent});
  at(system, CreateUser{"Sofía Supervisora", "", Role::supervisor});
  at(system, CreateTeam{"Support"});
  at(system, SetTeamMembers{TeamId(0), {UserId(0), UserId(1)}});
  at(system, CreateChannel{ChannelKind::whatsapp, "WhatsApp", "+5511400000000"});
  at(system, SetChannelTeam{ChannelId(0), TeamId(0)});
  TeamRouting routing;
  routing.offer_timeout_ms = 30 * kSecond;
  at(UserId(2), SetTeamRouting{TeamId(0), routing});
  at(UserId(0), SetUserStatus{UserId(0), UserStatus::available});
  at(UserId(1), SetUserStatus{UserId(1), UserStatus::available});
  Settings settings;
  settings.automatic_assignment = true;
  at(UserId(2), UpdateSettings{settings});
  return LocalEngine::from_script(script).value();
}

void customer_writes(LocalEngine& engine, int64_t now_ms) {
  ReceiveMessage message;
  message.channel = ChannelId(0);
  message.from = "+34612345678";
  message.profile_name = "Lucía";
  message.text = "Hola 👋";
  engine.submit(Command{UserId(), message}, now_ms);
}

}  // namespace

TEST_CASE("the demo engine offers a new conversation the moment it arrives") {
  LocalEngine engine = desk();
  customer_writes(engine, kStart + kSecond);
  const Conversation& c = engine.state().conversations.at(0);
  CHECK(c.offered_to.valid());
  CHECK(engine.next_deadline() == kStart + 31 * kSecond);  // the offer's timeout
}

TEST_CASE("time passing in the demo engine fires the offer timeout: RONA, and the chat is offered to the next agent") {
  LocalEngine engine = desk();
  customer_writes(engine, kStart + kSecond);
  const UserId first = engine.state().conversations.at(0).offered_to;
  const uint64_t revision = engine.revision();
  engine.advance(kStart + 30 * kSecond);  // one millisecond early: nothing happens
  CHECK(engine.revision() == revision);
  engine.advance(kStart + 31 * kSecond);
  CHECK(engine.revision() > revision);
  CHECK(engine.state().users.at(first.index()).status == UserStatus::rona);
  const UserId second = engine.state().conversations.at(0).offered_to;
  CHECK(second.valid());
  CHECK(second != first);
}

TEST_CASE("the event log records what the timers did, so reloading it gives the same state") {
  LocalEngine engine = desk();
  customer_writes(engine, kStart + kSecond);
  engine.advance(kStart + 31 * kSecond);
  const LocalEngine reloaded = LocalEngine::from_events(engine.log());
  CHECK(reloaded.state().conversations.at(0).offered_to == engine.state().conversations.at(0).offered_to);
  CHECK(reloaded.state().users.at(0).status == engine.state().users.at(0).status);
  CHECK(reloaded.next_deadline() == engine.next_deadline());
}

TEST_CASE("nothing scheduled: the engine's next deadline says so") {
  LocalEngine engine = desk();
  CHECK(engine.next_deadline() == kNoDeadline);
}

TEST_CASE("through the Engine seam a refusal carries its submitter: the user's and a simulated person's are told apart") {
  LocalEngine local = desk();
  Engine& engine = local;
  const Command nobody_closes{UserId(0), CloseConversation{ConversationId(99), {}}};  // no such conversation
  const uint64_t by_user = engine.submit(nobody_closes, kStart + kSecond);
  const uint64_t by_customer = engine.submit_as(Submitter::simulated, nobody_closes, kStart + kSecond);
  const std::vector<Rejection> rejections = engine.take_rejections();
  REQUIRE(rejections.size() == 2);
  CHECK(rejections[0].submission == by_user);
  CHECK(rejections[0].submitter == Submitter::user);
  CHECK(rejections[1].submission == by_customer);
  CHECK(rejections[1].submitter == Submitter::simulated);
  CHECK(rejections[1].error.code == ErrorCode::unknown_conversation);
  CHECK(engine.take_rejections().empty());
}

TEST_CASE("refusals nobody takes are bounded: the oldest are dropped") {
  LocalEngine engine = desk();
  const Command refused{UserId(0), CloseConversation{ConversationId(99), {}}};
  for (size_t i = 0; i < kRejectionsKeptMax + 5; ++i) engine.submit_as(Submitter::simulated, refused, kStart + kSecond);
  const std::vector<Rejection> rejections = engine.take_rejections();
  REQUIRE(rejections.size() == kRejectionsKeptMax);
  CHECK(rejections.front().submission == 6);
}

TEST_CASE("the event log seam hands a store the events and the state after them") {
  LocalEngine engine = desk();
  customer_writes(engine, kStart + kSecond);
  const LocalEventLog& log = engine;
  CHECK(log.log_base() == 0);
  CHECK(log.log_end() == log.log().size());
  CHECK(log.log_end() > 0);
  CHECK(&log.logged_state() == &engine.state());  // the local authority has nothing pending
}

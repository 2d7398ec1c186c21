#include "core/seed_data.h"

#include <doctest/doctest.h>

#include <set>

#include "core/apply.h"
#include "core/decide.h"
#include "core/json_codec.h"
#include "core/routing_index.h"
#include "core/search.h"
#include "core/timers.h"
#include "core/views.h"
#include "core/waiting.h"

#include <nlohmann/json.hpp>

using namespace inbox;

namespace {

State replayed(const std::vector<TimedCommand>& script) {
  State state;
  for (const TimedCommand& step : script) {
    const Decision decision = decide(state, step.command, step.at_ms);
    REQUIRE_MESSAGE(decision.ok(), command_to_text(step.command) << ": " << decision.error().message);
    apply_all(state, decision.value());
    run_due(state, step.at_ms);
  }
  return state;
}

}  // namespace

TEST_CASE("the demo workspace: three teams, a dozen users of each role, hundreds of contacts") {
  const std::vector<TimedCommand> script = demo_script(7, 1'717'000'000'000);
  const State state = replayed(script);
  REQUIRE(state.teams.size() == 3);
  CHECK(state.teams[0].name == "Sales");
  CHECK(state.teams[2].name == "Billing");
  CHECK(state.users.size() == 48);
  size_t agents = 0;
  for (const User& user : state.users) agents += user.role == Role::agent;
  CHECK(agents == 12);
  CHECK(state.contacts.size() >= 250);
  CHECK(state.messages.size() > state.contacts.size());
  // Every section has something to show, with accents that search finds folded.
  CHECK(section_counts(state, UserId(0), Section::unassigned).pending > 0);
  CHECK(section_counts(state, UserId(0), Section::all).by_status[static_cast<size_t>(ConversationStatus::closed)] > 0);
  CHECK_FALSE(search_messages(state, "sao paulo", 10).empty());
  CHECK_FALSE(search_conversations(state, {UserId(0), "goncalves", SortOrder::newest_first, 10}).empty());
}

TEST_CASE("the demo workspace is the same for the same seed, and differs for another") {
  const auto a = demo_script(7, 1'717'000'000'000);
  const auto b = demo_script(7, 1'717'000'000'000);
  const auto c = demo_script(8, 1'717'000'000'000);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].at_ms == b[i].at_ms);
    CHECK(a[i].command == b[i].command);
  }
  CHECK(state_to_json(replayed(a)) != state_to_json(replayed(c)));
}

TEST_CASE("the demo hands new chats out: WhatsApp to Support with a one-minute offer, and opens with no offer waiting") {
  const std::vector<TimedCommand> script = demo_script(7, 1'717'000'000'000);
  State state = replayed(script);
  CHECK(state.settings.automatic_assignment);
  CHECK(state.channels[0].team == TeamId(1));
  CHECK(state.teams[1].routing.offer_timeout_ms == kDemoOfferTimeoutMs);
  CHECK(state.teams[0].routing.strategy == AssignmentStrategy::round_robin);
  for (const Conversation& c : state.conversations) CHECK_FALSE(c.offered_to.valid());
  for (const User& user : state.users) CHECK(user.status != UserStatus::rona);

  const int64_t now = script.back().at_ms + 60'000;
  ReceiveMessage inbound;
  inbound.channel = ChannelId(0);
  inbound.from = "+5511987650000";
  inbound.profile_name = "Cliente Novo";
  inbound.text = "Oi, tudo bem?";
  const Decision decision = decide(state, Command{UserId(), inbound}, now);
  REQUIRE(decision.ok());
  apply_all(state, decision.value());
  run_due(state, now);
  const Conversation& opened = state.conversations.back();
  CHECK(opened.team == TeamId(1));
  REQUIRE(opened.offered_to.valid());
  CHECK(opened.offer_expires_at == now + kDemoOfferTimeoutMs);
}

TEST_CASE("the demo's history has a way out: Sales, the default team, holds a backlog it hands out as agents free up") {
  const std::vector<TimedCommand> script = demo_script(7, 1'717'000'000'000);
  State state = replayed(script);
  CHECK(state.settings.default_team == TeamId(0));
  CHECK(state.teams[0].routing.capacity_max == kDemoSalesCapacity);
  // Every waiting chat has a reason on screen; none lacks a team, none is left for the engine to hand out.
  size_t backlog = 0;
  for (const Conversation& c : state.conversations) {
    const std::optional<WaitReason> reason = waiting_reason(state, c);
    if (!reason) continue;
    CHECK(*reason != WaitReason::no_team);
    CHECK(*reason != WaitReason::dispatching);
    backlog += c.team == TeamId(0) && *reason == WaitReason::nobody_available;
  }
  CHECK(backlog > 0);

  // A Sales agent at capacity closes one of theirs: the next chat of the backlog is theirs at once.
  UserId agent;
  ConversationId mine;
  for (uint32_t i = 0; i < state.conversations.size() && !agent.valid(); ++i) {
    const Conversation& c = state.conversations[i];
    if (c.team != TeamId(0) || c.status != ConversationStatus::open || !c.assignee.valid()) continue;
    if (state.users[c.assignee.index()].status != UserStatus::available) continue;
    if (user_load(state, c.assignee) < kDemoSalesCapacity) continue;
    agent = c.assignee;
    mine = ConversationId(i);
  }
  REQUIRE(agent.valid());
  const int64_t now = script.back().at_ms + 60'000;
  const Decision closed = decide(state, Command{agent, CloseConversation{mine, ClosingReasonId(0)}}, now);
  REQUIRE(closed.ok());
  apply_all(state, closed.value());
  const std::vector<Event> handed_out = run_due(state, now);
  CHECK(user_load(state, agent) == kDemoSalesCapacity);
  size_t assigned_to_agent = 0;
  for (const Event& event : handed_out) {
    const auto* assigned = std::get_if<ConversationAssigned>(&event.body);
    assigned_to_agent += assigned != nullptr && assigned->assignee == agent;
  }
  CHECK(assigned_to_agent == 1);
}

TEST_CASE("demo_script_ending: the same script, its last command quiet_ms before the end") {
  DemoOptions options;
  options.contacts = 20;
  const int64_t end_ms = 1'800'000'000'000;
  const auto script = demo_script_ending(7, end_ms, 5 * 60 * 1000, options);
  REQUIRE_FALSE(script.empty());
  CHECK(script.back().at_ms == end_ms - 5 * 60 * 1000);
  const auto from_zero = demo_script(7, 0, options);
  REQUIRE(from_zero.size() == script.size());
  CHECK(script.front().at_ms - from_zero.front().at_ms == script.back().at_ms - from_zero.back().at_ms);
}

TEST_CASE("demo users have distinct emails, so each can sign in to the relay") {
  const auto script = demo_script(20261121, 1'717'000'000'000);
  std::set<std::string> emails;
  size_t users = 0;
  for (const TimedCommand& step : script) {
    if (const auto* create = std::get_if<CreateUser>(&step.command.body)) {
      ++users;
      emails.insert(create->email);
    }
  }
  CHECK(users > 0);
  CHECK(emails.size() == users);
}

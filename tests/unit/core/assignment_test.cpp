// The assignment engine, scenario by scenario from the products we replace (Wassenger's least busy with
// the longest-idle tie-break and exclusions, ActiveCampaign's team strategies and reassignment, the agent
// desktop's offers and RONA). The fake clock drives every timer; campaigns and their routing: campaigns_test.cpp.
#include "core/assignment.h"

#include <doctest/doctest.h>

#include "core/routing_index.h"
#include "core/timers.h"
#include "core/waiting.h"
#include "desk_fixture.h"

using namespace inbox;
using namespace inbox::test;

TEST_CASE("three agents with 2/1/1 chats, the two with one differ in idle time: the longer idle one gets it") {
  Desk desk;
  desk.available(desk.ana);
  desk.available(desk.bruno);
  desk.available(desk.carla);
  // Chats handed out by hand first: ana two, bruno one, then carla one a minute later.
  Settings settings = desk.state.settings;
  settings.automatic_assignment = false;
  desk.run(desk.admin, UpdateSettings{settings});
  const ConversationId a1 = desk.new_chat(), a2 = desk.new_chat(), b1 = desk.new_chat(), c1 = desk.new_chat();
  desk.run(desk.supervisor, AssignConversation{a1, desk.ana});
  desk.run(desk.supervisor, AssignConversation{a2, desk.ana});
  desk.advance(kMinute);
  desk.run(desk.supervisor, AssignConversation{b1, desk.bruno});
  desk.advance(kMinute);
  desk.run(desk.supervisor, AssignConversation{c1, desk.carla});
  settings.automatic_assignment = true;
  desk.run(desk.admin, UpdateSettings{settings});

  desk.advance(kMinute);
  const ConversationId next = desk.new_chat();
  CHECK(desk.assignee(next) == desk.bruno);
  const Explanation& why = desk.last_explanation();
  CHECK(why.strategy == AssignmentRule::least_busy);
  CHECK(why.chosen == desk.bruno);
  REQUIRE(why.candidates.size() == 3);
  CHECK(why.candidates[0].user == desk.bruno);
  CHECK(why.candidates[0].load == 1);
  CHECK(why.candidates[1].user == desk.carla);
  CHECK(why.candidates[1].load == 1);
  CHECK(why.candidates[0].idle_since < why.candidates[1].idle_since);
  CHECK(why.candidates[2].user == desk.ana);
  CHECK(why.candidates[2].load == 2);
}

TEST_CASE("all equally busy: the agent idle longest gets the chat") {
  Desk desk;
  desk.available(desk.carla);
  desk.advance(kMinute);
  desk.available(desk.ana);
  desk.advance(kMinute);
  desk.available(desk.bruno);
  CHECK(desk.assignee(desk.new_chat()) == desk.carla);
  desk.advance(kMinute);
  CHECK(desk.assignee(desk.new_chat()) == desk.ana);
  desk.advance(kMinute);
  CHECK(desk.assignee(desk.new_chat()) == desk.bruno);
  desk.advance(kMinute);
  CHECK(desk.assignee(desk.new_chat()) == desk.carla);  // everyone has one again: carla's was the earliest
}

TEST_CASE("an excluded role never receives a chat automatically") {
  Desk desk;
  desk.run(UserId(), SetTeamMembers{desk.sales, {desk.supervisor, desk.ana}});
  desk.available(desk.supervisor);
  desk.available(desk.ana);
  AssignmentSettings settings;
  settings.excluded_roles = {Role::supervisor};
  desk.run(desk.admin, UpdateAssignmentSettings{settings});
  for (int i = 0; i < 3; ++i) CHECK(desk.assignee(desk.new_chat()) == desk.ana);
  CHECK(desk.load(desk.supervisor) == 0);
  const Explanation& why = desk.last_explanation();
  REQUIRE_FALSE(why.skipped.empty());
  CHECK(why.skipped[0].user == desk.supervisor);
  CHECK(why.skipped[0].reason == SkipReason::excluded_role);
}

TEST_CASE("an excluded user never receives a chat automatically, but can still be assigned by hand") {
  Desk desk;
  desk.available(desk.ana);
  desk.available(desk.bruno);
  AssignmentSettings settings;
  settings.excluded_users = {desk.bruno};
  desk.run(desk.admin, UpdateAssignmentSettings{settings});
  for (int i = 0; i < 3; ++i) CHECK(desk.assignee(desk.new_chat()) == desk.ana);
  CHECK(desk.last_explanation().skipped.at(0).reason == SkipReason::excluded_user);
  const ConversationId id = desk.new_chat();
  desk.run(desk.supervisor, AssignConversation{id, desk.bruno});
  CHECK(desk.assignee(id) == desk.bruno);
}

TEST_CASE("only administrators and supervisors change the assignment settings and the switch") {
  Desk desk;
  CHECK(desk.refused(desk.operator_, UpdateAssignmentSettings{}).code == ErrorCode::forbidden);
  CHECK(desk.refused(desk.ana, SetTeamRouting{desk.sales, TeamRouting{}}).code == ErrorCode::forbidden);
  Settings off = desk.state.settings;
  off.automatic_assignment = false;
  CHECK(desk.refused(desk.operator_, UpdateSettings{off}).code == ErrorCode::forbidden);
  desk.run(desk.supervisor, UpdateSettings{off});
}

TEST_CASE("capacity is respected: the team's default, then the agent's own") {
  Desk desk;
  desk.run(UserId(), SetTeamMembers{desk.sales, {desk.ana, desk.bruno}});
  TeamRouting r;
  r.capacity_max = 1;
  desk.routing(r);
  desk.available(desk.ana);
  desk.available(desk.bruno);
  desk.new_chat();
  desk.new_chat();
  const ConversationId third = desk.new_chat();
  CHECK_FALSE(desk.assignee(third).valid());
  CHECK(desk.conversation(third).status == ConversationStatus::pending);
  CHECK(desk.load(desk.ana) == 1);
  CHECK(desk.load(desk.bruno) == 1);
  // Raising ana's own capacity frees room: the waiting chat goes to her at once.
  desk.run(desk.supervisor, SetUserCapacity{desk.ana, 2});
  CHECK(desk.assignee(third) == desk.ana);
}

TEST_CASE("round robin goes through the team in order and skips who cannot take a chat") {
  Desk desk;
  TeamRouting r;
  r.strategy = AssignmentStrategy::round_robin;
  desk.routing(r);
  desk.available(desk.ana);
  desk.available(desk.bruno);
  desk.available(desk.carla);
  CHECK(desk.assignee(desk.new_chat()) == desk.ana);
  CHECK(desk.assignee(desk.new_chat()) == desk.bruno);
  CHECK(desk.assignee(desk.new_chat()) == desk.carla);
  CHECK(desk.assignee(desk.new_chat()) == desk.ana);  // back to the first, though ana is the busiest
  desk.run(desk.bruno, SetUserStatus{desk.bruno, UserStatus::unavailable});
  CHECK(desk.assignee(desk.new_chat()) == desk.carla);
  const Explanation& why = desk.last_explanation();
  CHECK(why.strategy == AssignmentRule::round_robin);
  REQUIRE(why.skipped.size() == 1);
  CHECK(why.skipped[0].user == desk.bruno);
  CHECK(why.skipped[0].reason == SkipReason::not_available);
  CHECK(desk.assignee(desk.new_chat()) == desk.ana);
}

TEST_CASE("default user: always the same agent, and chats wait while they cannot take them") {
  Desk desk;
  TeamRouting r;
  r.strategy = AssignmentStrategy::default_user;
  r.default_user = desk.bruno;
  desk.routing(r);
  desk.available(desk.ana);
  desk.available(desk.bruno);
  CHECK(desk.assignee(desk.new_chat()) == desk.bruno);
  CHECK(desk.assignee(desk.new_chat()) == desk.bruno);
  desk.run(desk.bruno, SetUserStatus{desk.bruno, UserStatus::idle});
  const ConversationId waiting = desk.new_chat();
  CHECK_FALSE(desk.assignee(waiting).valid());
  desk.available(desk.bruno);
  CHECK(desk.assignee(waiting) == desk.bruno);
}

TEST_CASE("a default user outside the team is refused; so is the reply timer with default user") {
  Desk desk;
  TeamRouting r;
  r.strategy = AssignmentStrategy::default_user;
  r.default_user = desk.operator_;
  CHECK(desk.refused(desk.supervisor, SetTeamRouting{desk.sales, r}).code == ErrorCode::not_a_team_member);
  r.default_user = desk.ana;
  r.reply_timeout_ms = kMinute;
  CHECK(desk.refused(desk.supervisor, SetTeamRouting{desk.sales, r}).code == ErrorCode::invalid_field);
}

// Chats are offered for 30 s; Ana waited longer than Bruno, so a new chat is offered to her first.
ConversationId offered_to_ana_then_bruno(Desk& desk) {
  TeamRouting r;
  r.offer_timeout_ms = 30'000;
  desk.routing(r);
  desk.available(desk.ana);
  desk.advance(kMinute);
  desk.available(desk.bruno);
  return desk.new_chat();
}

TEST_CASE("an offer not accepted in time puts the agent in RONA and the chat is offered to the next agent") {
  Desk desk;
  const ConversationId id = offered_to_ana_then_bruno(desk);
  CHECK(desk.conversation(id).offered_to == desk.ana);
  CHECK(desk.last_explanation().offered);
  CHECK(desk.advance(30'000 - 1).empty());
  CHECK(desk.conversation(id).offered_to == desk.ana);
  desk.advance(1);
  CHECK(desk.state.users[desk.ana.index()].status == UserStatus::rona);
  CHECK(desk.conversation(id).offered_to == desk.bruno);
  desk.run(desk.bruno, AcceptConversation{id});
  CHECK(desk.assignee(id) == desk.bruno);
  CHECK(desk.conversation(id).status == ConversationStatus::open);
  CHECK(desk.advance(kHour).empty());  // the accepted offer's timer is gone
}

TEST_CASE("a declined offer goes to the next agent; the one who declined is asked again only if nobody else can") {
  Desk desk;
  const ConversationId id = offered_to_ana_then_bruno(desk);
  REQUIRE(desk.conversation(id).offered_to == desk.ana);
  desk.run(desk.ana, DeclineConversation{id});
  CHECK(desk.state.users[desk.ana.index()].status == UserStatus::available);
  CHECK(desk.conversation(id).offered_to == desk.bruno);
  const Explanation& why = desk.last_explanation();
  REQUIRE_FALSE(why.skipped.empty());
  CHECK(why.skipped[0].user == desk.ana);
  CHECK(why.skipped[0].reason == SkipReason::declined);
  desk.run(desk.bruno, DeclineConversation{id});
  // Ana declined before, but she is the one who can take it now rather than nobody: asked again.
  CHECK(desk.conversation(id).offered_to == desk.ana);
  desk.run(desk.ana, AcceptConversation{id});
  CHECK(desk.assignee(id) == desk.ana);
  CHECK_FALSE(desk.conversation(id).declined_by.valid());
}

TEST_CASE("only the agent sets themselves back from RONA, and then receives chats again") {
  Desk desk;
  TeamRouting r;
  r.offer_timeout_ms = 30'000;
  desk.routing(r);
  desk.available(desk.ana);
  const ConversationId id = desk.new_chat();
  desk.advance(30'000);
  CHECK(desk.state.users[desk.ana.index()].status == UserStatus::rona);
  CHECK_FALSE(desk.conversation(id).offered_to.valid());  // nobody else: it waits
  CHECK(desk.refused(desk.supervisor, SetUserStatus{desk.ana, UserStatus::available}).code == ErrorCode::forbidden);
  desk.available(desk.ana);
  CHECK(desk.conversation(id).offered_to == desk.ana);
}

TEST_CASE("the reply timer reassigns to another agent, then escalates to the supervisors after N") {
  Desk desk;
  desk.run(UserId(), SetTeamMembers{desk.sales, {desk.ana, desk.bruno, desk.carla, desk.supervisor}});
  AssignmentSettings settings;
  settings.excluded_roles = {Role::supervisor};
  desk.run(desk.admin, UpdateAssignmentSettings{settings});
  TeamRouting r;
  r.reply_timeout_ms = 5 * kMinute;
  r.reassign_max = 2;
  desk.routing(r);
  desk.available(desk.ana);
  desk.advance(kMinute);
  desk.available(desk.bruno);
  desk.advance(kMinute);
  desk.available(desk.carla);
  const ConversationId id = desk.new_chat();
  CHECK(desk.assignee(id) == desk.ana);
  SUBCASE("a reply in time stops the timer") {
    desk.advance(5 * kMinute - 1);
    desk.reply(desk.ana, id, "Olá! Já vejo isso.");
    CHECK(desk.advance(kHour).empty());
    CHECK(desk.assignee(id) == desk.ana);
  }
  SUBCASE("no reply: bruno, then carla, then the supervisor") {
    desk.advance(5 * kMinute);
    CHECK(desk.assignee(id) == desk.bruno);
    CHECK(desk.last_explanation().trigger == AssignmentTrigger::reply_timeout);
    desk.advance(5 * kMinute);
    CHECK(desk.assignee(id) == desk.carla);  // not back to ana... nor to bruno
    desk.advance(5 * kMinute);
    CHECK(desk.assignee(id) == desk.supervisor);
    CHECK(desk.last_explanation().strategy == AssignmentRule::escalation);
    CHECK(desk.conversation(id).escalated);
    CHECK(desk.advance(kHour).empty());  // escalated: the timer stops
  }
}

TEST_CASE("with two agents a silent chat never ping-pongs between them: it escalates") {
  Desk desk;
  desk.run(UserId(), SetTeamMembers{desk.sales, {desk.ana, desk.bruno}});
  TeamRouting r;
  r.reply_timeout_ms = 5 * kMinute;
  r.reassign_max = 5;
  r.escalate_to = {desk.supervisor};
  desk.routing(r);
  desk.available(desk.ana);
  desk.available(desk.bruno);
  const ConversationId id = desk.new_chat();
  CHECK(desk.assignee(id) == desk.ana);
  desk.advance(5 * kMinute);
  CHECK(desk.assignee(id) == desk.bruno);
  desk.advance(5 * kMinute);
  CHECK(desk.assignee(id) == desk.supervisor);
  CHECK(desk.last_explanation().strategy == AssignmentRule::escalation);
}

TEST_CASE("the queue is served first come first served, priority first, the moment an agent can take a chat") {
  Desk desk;
  desk.run(UserId(), SetTeamMembers{desk.sales, {desk.ana}});
  desk.run(desk.supervisor, SetUserCapacity{desk.ana, 1});
  const ConversationId first = desk.new_chat();
  desk.advance(kMinute);
  const ConversationId second = desk.new_chat();
  desk.advance(kMinute);
  const ConversationId urgent = desk.new_chat();
  desk.run(desk.supervisor, SetConversationPriority{urgent, 5});
  CHECK_FALSE(desk.assignee(first).valid());

  SUBCASE("an agent becomes available") {
    desk.available(desk.ana);
    CHECK(desk.assignee(urgent) == desk.ana);
    SUBCASE("an agent frees capacity") {
      desk.run(desk.ana, CloseConversation{urgent, desk.solved});
      CHECK(desk.assignee(first) == desk.ana);
      CHECK_FALSE(desk.assignee(second).valid());
    }
    SUBCASE("an agent joins the team") {
      desk.available(desk.bruno);
      CHECK_FALSE(desk.assignee(first).valid());
      desk.run(desk.supervisor, SetTeamMembers{desk.sales, {desk.ana, desk.bruno}});
      CHECK(desk.assignee(first) == desk.bruno);
      CHECK(desk.assignee(second) == desk.bruno);
    }
  }
}

TEST_CASE("automatic assignment off: the conversation waits in Unassigned; switching it on dispatches") {
  Desk desk;
  desk.available(desk.ana);
  Settings off = desk.state.settings;
  off.automatic_assignment = false;
  desk.run(desk.admin, UpdateSettings{off});
  const ConversationId id = desk.new_chat();
  CHECK_FALSE(desk.assignee(id).valid());
  CHECK(list_conversations(desk.state, ListQuery{desk.ana, Section::unassigned, ConversationStatus::pending}).size() == 1);
  Settings on = off;
  on.automatic_assignment = true;
  desk.run(desk.admin, UpdateSettings{on});
  CHECK(desk.assignee(id) == desk.ana);
}

TEST_CASE("a disconnected agent keeps their chats for the grace period, then their chats return to the queue") {
  Desk desk;
  desk.run(UserId(), SetTeamMembers{desk.sales, {desk.ana, desk.bruno}});
  AssignmentSettings settings;
  settings.disconnect_grace_ms = 2 * kMinute;
  settings.return_chats_after_ms = 10 * kMinute;
  desk.run(desk.admin, UpdateAssignmentSettings{settings});
  desk.available(desk.ana);
  const ConversationId id = desk.new_chat();
  CHECK(desk.assignee(id) == desk.ana);
  desk.run(UserId(), SetUserConnection{desk.ana, false});
  SUBCASE("back within the grace period: nothing happens") {
    desk.advance(kMinute);
    desk.run(UserId(), SetUserConnection{desk.ana, true});
    CHECK(desk.advance(kHour).empty());
    CHECK(desk.state.users[desk.ana.index()].status == UserStatus::available);
  }
  SUBCASE("gone for good: unavailable after the grace, chats back in the queue later") {
    desk.advance(2 * kMinute - 1);
    CHECK(desk.state.users[desk.ana.index()].status == UserStatus::available);
    desk.advance(1);
    CHECK(desk.state.users[desk.ana.index()].status == UserStatus::unavailable);
    CHECK(desk.assignee(id) == desk.ana);
    desk.available(desk.bruno);
    desk.advance(8 * kMinute);
    CHECK(desk.assignee(id) == desk.bruno);
    CHECK(desk.conversation(id).previous_assignee == desk.ana);
  }
}

TEST_CASE("the explanation log is for supervisors and names the strategy, candidates and skipped members") {
  Desk desk;
  desk.available(desk.ana);
  desk.available(desk.bruno);
  const ConversationId id = desk.new_chat();
  const std::vector<Explanation> log = assignment_log(desk.state, desk.supervisor, id);
  REQUIRE(log.size() == 1);
  CHECK(log[0].chosen == desk.assignee(id));
  CHECK(log[0].members == 3);
  CHECK(log[0].eligible == 2);
  REQUIRE(log[0].skipped.size() == 1);
  CHECK(log[0].skipped[0].user == desk.carla);
  CHECK(log[0].skipped[0].reason == SkipReason::not_available);
  CHECK(assignment_log(desk.state, desk.ana, id).empty());
  CHECK(assignment_log(desk.state, desk.operator_, id).empty());
}

TEST_CASE("the explanation history gives each decision's time, oldest first, to supervisors only") {
  Desk desk;
  desk.available(desk.ana);
  const ConversationId first = desk.new_chat();
  const int64_t first_at = desk.now_ms;
  desk.advance(kMinute);
  const ConversationId second = desk.new_chat();
  const int64_t second_at = desk.now_ms;
  const std::vector<LoggedExplanation> all = assignment_history(desk.state, desk.admin, ConversationId());
  REQUIRE(all.size() == 2);
  CHECK(all[0].explanation.conversation == first);
  CHECK(all[0].at_ms == first_at);
  CHECK(all[1].explanation.conversation == second);
  CHECK(all[1].at_ms == second_at);
  const std::vector<LoggedExplanation> one = assignment_history(desk.state, desk.supervisor, second);
  REQUIRE(one.size() == 1);
  CHECK(one[0].at_ms == second_at);
  CHECK(assignment_history(desk.state, desk.ana, second).empty());
  CHECK(desk.state.explanations.at_ms.size() == desk.state.explanations.entries.size());
}

TEST_CASE("with automatic assignment on, supervisors still assign and transfer by hand") {
  Desk desk;
  desk.available(desk.ana);
  const ConversationId id = desk.new_chat();
  CHECK(desk.assignee(id) == desk.ana);
  desk.run(desk.supervisor, AssignConversation{id, desk.bruno});
  CHECK(desk.assignee(id) == desk.bruno);
  desk.available(desk.carla);
  desk.run(desk.supervisor, TransferConversation{id, desk.support, desk.carla, ClosingReasonId()});
  desk.run(desk.carla, AcceptConversation{id});
  CHECK(desk.assignee(desk.conversation(id).next) == desk.carla);
}

TEST_CASE("a chat whose channel has no team waits in the workspace's default team and is handed out") {
  Desk desk;
  desk.available(desk.carla);
  const ConversationId stranded = desk.customer_writes("https://example.com/visitor/1", "Hello?", desk.webchat);
  CHECK_FALSE(desk.conversation(stranded).team.valid());
  CHECK(waiting_reason(desk.state, desk.conversation(stranded)) == WaitReason::no_team);
  // Setting a default team routes the chats already waiting with no team, and every new one.
  Settings settings = desk.state.settings;
  settings.default_team = desk.support;
  desk.run(desk.admin, UpdateSettings{settings});
  CHECK(desk.conversation(stranded).team == desk.support);
  CHECK(desk.assignee(stranded) == desk.carla);
  CHECK(desk.conversation(stranded).timeline[1].kind == TimelineKind::team_set);
  const ConversationId next = desk.customer_writes("https://example.com/visitor/2", "Hello", desk.webchat);
  CHECK(desk.conversation(next).team == desk.support);
  CHECK(desk.assignee(next) == desk.carla);
  settings.default_team = TeamId(9);
  CHECK(desk.refused(desk.admin, UpdateSettings{settings}).code == ErrorCode::unknown_team);
}

TEST_CASE("a waiting chat always says why: offered, no team, assignment off, no members, nobody available") {
  Desk desk;
  TeamRouting r;
  r.offer_timeout_ms = 30'000;
  r.capacity_max = 1;
  desk.routing(r);
  const ConversationId first = desk.new_chat();
  CHECK(waiting_reason(desk.state, desk.conversation(first)) == WaitReason::nobody_available);
  desk.available(desk.ana);
  CHECK(waiting_reason(desk.state, desk.conversation(first)) == WaitReason::offered);
  desk.run(desk.ana, AcceptConversation{first});
  CHECK_FALSE(waiting_reason(desk.state, desk.conversation(first)).has_value());
  const ConversationId second = desk.new_chat();  // Ana is at capacity, Bruno and Carla unavailable
  CHECK(waiting_reason(desk.state, desk.conversation(second)) == WaitReason::nobody_available);
  desk.run(UserId(), SetTeamMembers{desk.sales, {}});
  CHECK(waiting_reason(desk.state, desk.conversation(second)) == WaitReason::no_members);
  Settings off = desk.state.settings;
  off.automatic_assignment = false;
  desk.run(desk.admin, UpdateSettings{off});
  CHECK(waiting_reason(desk.state, desk.conversation(second)) == WaitReason::assignment_off);
  desk.run(desk.ana, CloseConversation{first, ClosingReasonId()});
  CHECK_FALSE(waiting_reason(desk.state, desk.conversation(first)).has_value());
}

TEST_CASE("the engine's indexes and timers equal their rebuild from the state after a busy day") {
  Desk desk;
  TeamRouting r;
  r.offer_timeout_ms = 30'000;
  r.reply_timeout_ms = 5 * kMinute;
  desk.routing(r);
  desk.available(desk.ana);
  desk.available(desk.bruno);
  for (int i = 0; i < 10; ++i) {
    desk.new_chat();
    desk.advance(20'000);
  }
  CHECK(rebuild_routing(desk.state) == desk.state.routing);
  CHECK(rebuild_timers(desk.state) == desk.state.timers);
  State rebuilt;
  apply_all(rebuilt, desk.log);
  CHECK(rebuilt == desk.state);
}

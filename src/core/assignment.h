// The assignment engine's decisions: which agent gets a waiting conversation (least busy, round robin,
// default user), reassignment when the reply timer fires (then escalation), direct routing of campaign
// replies, and the explanation of each. Pure: reads the state and its RoutingIndex, returns events.
// Rules and costs: docs/assignment.md.
#pragma once
#include <cstdint>
#include <vector>

#include "core/events.h"
#include "core/routing_model.h"
#include "core/state.h"

namespace inbox {

// The agent the team's strategy picks for a conversation, as an explanation (chosen none: nobody can take
// it). `avoid` are passed over (reassignment: the current and previous assignee, so no ping-pong; the queue:
// the agent who declined its offer).
// O(log n) in the team's size; the explanation lists a bounded number of candidates and skipped members.
Explanation pick_assignee(const State& state, TeamId team, ConversationId conversation, AssignmentTrigger trigger,
                          UserId avoid_a = UserId(), UserId avoid_b = UserId());

// One decision: the head of the first team queue that someone can take goes to the agent picked, as an
// offer (team offer timer) or an assignment. Appends its two events to `out` (a buffer reused across
// decisions allocates nothing once it has room); false when nothing is dispatchable.
bool dispatch(const State& state, int64_t at_ms, std::vector<Event>& out);
// The same in a new vector, empty when nothing is dispatchable.
std::vector<Event> dispatch(const State& state, int64_t at_ms);

// The reply timer fired: reassign to another agent (never back to the previous one), or escalate to the
// team's supervisors after reassign_max reassignments or when nobody else can take it.
std::vector<Event> reassign_on_reply_timeout(const State& state, ConversationId conversation, int64_t at_ms);

// Where a customer's new conversation goes: the contact's campaign rule while it lasts (now < expires_at),
// else the channel's team, else the workspace's default team. agent is set only for an individual campaign
// naming a current team member.
struct InboundRoute {
  TeamId team;
  UserId agent;
};
InboundRoute inbound_route(const State& state, const Contact* contact, ChannelId channel, int64_t now_ms);
Explanation direct_routing_explanation(const State& state, ConversationId conversation, const InboundRoute& route);

// The explanations kept for a conversation (none: all kept), oldest first. Only Administrator and Supervisor
// read them; anyone else gets an empty list.
std::vector<Explanation> assignment_log(const State& state, UserId viewer, ConversationId conversation);

// The same, each with when the engine decided it (what the explanation popup lists).
struct LoggedExplanation {
  int64_t at_ms = 0;
  Explanation explanation;
};
std::vector<LoggedExplanation> assignment_history(const State& state, UserId viewer, ConversationId conversation);

}  // namespace inbox

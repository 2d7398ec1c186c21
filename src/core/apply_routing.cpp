#include "core/apply_routing.h"

#include <algorithm>

#include "core/check.h"
#include "core/timers.h"

namespace inbox {
namespace {

User& user_at(State& state, UserId id) {
  INBOX_ASSERT(id.valid() && id.index() < state.users.size(), "events only name users that exist: decide() checks");
  return state.users[id.index()];
}

// The reply timer runs while an assigned conversation waits for our answer, in a team with the timer on
// (least busy and round robin). It counts from the customer's message, or from the assignment when that
// came later, so a chat that waited in the queue does not reach its new agent already late.
int64_t reply_due(const State& state, const Conversation& c) {
  if (c.status != ConversationStatus::open || !c.assignee.valid() || !c.awaiting_reply || c.escalated) return kNever;
  const Team* team = find_team(state, c.team);
  if (team == nullptr || team->routing.reply_timeout_ms <= 0) return kNever;
  if (team->routing.strategy != AssignmentStrategy::least_busy &&
      team->routing.strategy != AssignmentStrategy::round_robin) {
    return kNever;
  }
  return std::max(c.customer_last_message_at, c.assigned_at) + team->routing.reply_timeout_ms;
}

}  // namespace

int64_t offer_timeout_ms(const State& state, TeamId team) {
  const Team* found = find_team(state, team);
  return found != nullptr && found->routing.offer_timeout_ms > 0 ? found->routing.offer_timeout_ms
                                                                 : kOfferTimeoutDefaultMs;
}

void routing_conversation_changed(State& state, ConversationId id, const RoutingSlot& before, int64_t at_ms) {
  Conversation& c = state.conversations.at(id.index());
  if (before.assignee != c.assignee) {
    if (c.assignee.valid()) {
      c.assigned_at = at_ms;
      user_at(state, c.assignee).last_assigned_at = at_ms;
    }
    if (before.assignee.valid()) c.previous_assignee = before.assignee;
  }
  if (c.offered_to.valid() && before.offered_to != c.offered_to) user_at(state, c.offered_to).last_assigned_at = at_ms;
  if (!before.exists || before.assignee != c.assignee || before.awaiting_reply != c.awaiting_reply ||
      before.status != c.status || before.escalated != c.escalated || before.team != c.team) {
    c.reply_due_at = reply_due(state, c);
  }
  routing_move_conversation(state, before, routing_slot(c), id);
  timers_refresh_conversation(state, id);
}

void apply_routing_event(State& state, const Event&, const AssignmentSettingsUpdated& e) {
  state.assignment = e.settings;
  routing_refresh_all(state);
}

void apply_routing_event(State& state, const Event&, const TeamRoutingSet& e) {
  state.teams.at(e.team.index()).routing = e.routing;
  routing_refresh_team(state, e.team);
}

void apply_routing_event(State& state, const Event&, const UserCapacitySet& e) {
  user_at(state, e.user).capacity_max = e.capacity_max;
  routing_refresh_user(state, e.user);
}

void apply_routing_event(State& state, const Event&, const ChannelTeamSet& e) {
  state.channels.at(e.channel.index()).team = e.team;
}

void apply_routing_event(State& state, const Event& event, const ConversationPrioritySet& e) {
  change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) { c.priority = e.priority; });
}

void apply_routing_event(State& state, const Event&, const DirectRouteExpired& e) {
  state.contacts.at(e.contact.index()).route.reset();
  timers_refresh_contact(state, e.contact);
}

void apply_routing_event(State& state, const Event& event, const UserConnectionChanged& e) {
  User& user = user_at(state, e.user);
  if (e.connected) {
    user.disconnected_at = kNever;
    user.grace_ends_at = kNever;
    user.chats_return_at = kNever;
  } else {
    const AssignmentSettings& settings = state.assignment;
    user.disconnected_at = event.at_ms;
    user.grace_ends_at = event.at_ms + settings.disconnect_grace_ms;
    user.chats_return_at = settings.return_chats_after_ms > 0 ? event.at_ms + settings.return_chats_after_ms : kNever;
  }
  timers_refresh_user(state, e.user);
}

void apply_routing_event(State& state, const Event&, const DisconnectGraceEnded& e) {
  user_at(state, e.user).grace_ends_at = kNever;
  timers_refresh_user(state, e.user);
}

void apply_routing_event(State& state, const Event&, const ChatsReturned& e) {
  user_at(state, e.user).chats_return_at = kNever;
  timers_refresh_user(state, e.user);
}

void apply_routing_event(State& state, const Event& event, const AssignmentExplained& e) {
  const Explanation& explanation = e.explanation;
  ExplanationLog& log = state.explanations;
  if (log.entries.size() < kExplanationsKept) {
    log.entries.push_back(explanation);
    log.at_ms.push_back(event.at_ms);
    log.next = static_cast<uint32_t>(log.entries.size() % kExplanationsKept);
  } else {
    log.entries[log.next] = explanation;
    log.at_ms[log.next] = event.at_ms;
    log.next = static_cast<uint32_t>((log.next + 1) % kExplanationsKept);
  }
  if (explanation.strategy == AssignmentRule::round_robin && explanation.chosen.valid()) {
    Team& team = state.teams.at(explanation.team.index());
    // Usually the member at the cursor (everyone ready): members are unique, so that is their position,
    // found without reading the user's team list.
    const size_t cursor = team.members.empty() ? 0 : team.round_robin_next % team.members.size();
    std::optional<uint32_t> position;
    if (cursor < team.members.size() && team.members[cursor] == explanation.chosen) {
      position = static_cast<uint32_t>(cursor);
    } else {
      position = member_position(state, explanation.chosen, explanation.team);
    }
    INBOX_ASSERT(position.has_value(), "round robin picks a member of the team");
    team.round_robin_next = *position + 1;
  }
  if (explanation.trigger == AssignmentTrigger::reply_timeout) {
    change_conversation(state, explanation.conversation, event.at_ms, [&](Conversation& c) {
      if (explanation.strategy == AssignmentRule::escalation) c.escalated = true;
      else ++c.reassignments;
    });
  }
}

namespace {

void withdraw_offer(State& state, ConversationId id, UserId user, int64_t at_ms, bool declined) {
  change_conversation(state, id, at_ms, [&](Conversation& c) {
    INBOX_ASSERT(c.offered_to == user, "an offer ends for the user it was made to");
    c.offered_to = UserId();
    c.offered_at = kNever;
    c.offer_expires_at = kNever;
    if (declined) c.declined_by = user;
  });
}

}  // namespace

void apply_routing_event(State& state, const Event& event, const OfferExpired& e) {
  withdraw_offer(state, e.conversation, e.user, event.at_ms, false);
}

void apply_routing_event(State& state, const Event& event, const OfferDeclined& e) {
  withdraw_offer(state, e.conversation, e.user, event.at_ms, true);
}

void apply_routing_event(State& state, const Event& event, const ConversationTeamSet& e) {
  change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) { c.team = e.team; });
}

}  // namespace inbox

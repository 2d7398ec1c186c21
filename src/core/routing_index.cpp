#include "core/routing_index.h"

#include <algorithm>

#include "core/check.h"
#include "core/state.h"

namespace inbox {
namespace {

QueueKey queue_key(const RoutingSlot& slot, ConversationId id) {
  const uint32_t priority = std::min(slot.priority, kPriorityMax);
  return QueueKey{kPriorityMax - priority, slot.opened_at, id.value};
}

bool default_user_ready(const State& state, TeamId team_id) {
  const Team& team = state.teams[team_id.index()];
  const UserId user = team.routing.default_user;
  if (!user.valid() || user.index() >= state.routing.users.size()) return false;
  const std::optional<uint32_t> position = member_position(state, user, team_id);
  return position && state.routing.teams[team_id.index()].ready_positions.contains(*position);
}

void refresh_dispatchable(State& state, TeamId team_id) {
  const TeamIndex& index = state.routing.teams[team_id.index()];
  const Team& team = state.teams[team_id.index()];
  bool can = state.settings.automatic_assignment && !index.queue.empty();
  if (can) {
    can = team.routing.strategy == AssignmentStrategy::default_user ? default_user_ready(state, team_id)
                                                                     : !index.ready_positions.empty();
  }
  if (can) state.routing.dispatchable.insert(team_id.value);
  else state.routing.dispatchable.erase(team_id.value);
}

void add_load(State& state, UserId user, int delta) {
  if (!user.valid()) return;
  UserIndex& index = state.routing.users.at(user.index());
  INBOX_ASSERT(delta > 0 || index.load > 0, "loads pair with the conversations counted into them");
  index.load = static_cast<uint32_t>(static_cast<int64_t>(index.load) + delta);
}

void count_load(State& state, const RoutingSlot& slot, int delta) {
  if (!slot.exists || slot.status == ConversationStatus::closed) return;
  add_load(state, slot.assignee, delta);
  if (slot.offered_to != slot.assignee) add_load(state, slot.offered_to, delta);
}

}  // namespace

RoutingSlot routing_slot(const Conversation& c) {
  return RoutingSlot{true, c.assignee, c.offered_to, c.team, c.status, c.awaiting_reply, c.escalated, c.priority,
                     c.opened_at};
}

bool routing_same(const RoutingSlot& a, const RoutingSlot& b) {
  return a.exists == b.exists && a.assignee == b.assignee && a.offered_to == b.offered_to && a.team == b.team &&
         a.status == b.status && a.awaiting_reply == b.awaiting_reply && a.escalated == b.escalated &&
         a.priority == b.priority && a.opened_at == b.opened_at;
}

bool slot_queued(const RoutingSlot& slot) {
  return slot.exists && slot.status == ConversationStatus::pending && !slot.assignee.valid() &&
         !slot.offered_to.valid() && slot.team.valid() && !slot.escalated;
}

int64_t idle_since(const User& user) { return std::max(user.last_assigned_at, user.last_activity_at); }

uint32_t user_load(const State& state, UserId user) {
  return user.valid() && user.index() < state.routing.users.size() ? state.routing.users[user.index()].load : 0;
}

uint32_t capacity_of(const State& state, UserId user, TeamId team) {
  const User& u = state.users.at(user.index());
  if (u.capacity_max > 0) return u.capacity_max;
  const Team* t = find_team(state, team);
  return t != nullptr ? t->routing.capacity_max : 0;
}

bool is_excluded(const State& state, UserId user) {
  const AssignmentSettings& settings = state.assignment;
  const User& u = state.users.at(user.index());
  return std::find(settings.excluded_users.begin(), settings.excluded_users.end(), user) !=
             settings.excluded_users.end() ||
         std::find(settings.excluded_roles.begin(), settings.excluded_roles.end(), u.role) !=
             settings.excluded_roles.end();
}

std::optional<SkipReason> why_not_eligible(const State& state, UserId user, TeamId team) {
  const AssignmentSettings& settings = state.assignment;
  const User& u = state.users.at(user.index());
  if (std::find(settings.excluded_users.begin(), settings.excluded_users.end(), user) !=
      settings.excluded_users.end()) {
    return SkipReason::excluded_user;
  }
  if (std::find(settings.excluded_roles.begin(), settings.excluded_roles.end(), u.role) !=
      settings.excluded_roles.end()) {
    return SkipReason::excluded_role;
  }
  if (u.status != UserStatus::available) return SkipReason::not_available;
  const uint32_t capacity = capacity_of(state, user, team);
  if (capacity > 0 && user_load(state, user) >= capacity) return SkipReason::at_capacity;
  return std::nullopt;
}

std::optional<uint32_t> member_position(const State& state, UserId user, TeamId team) {
  if (!user.valid() || user.index() >= state.routing.users.size()) return std::nullopt;
  for (const auto& [t, position] : state.routing.users[user.index()].teams) {
    if (t == team.value) return position;
  }
  return std::nullopt;
}

void routing_add_user(State& state) {
  INBOX_ASSERT(state.routing.users.size() + 1 == state.users.size(), "the index grows with the users, in order");
  state.routing.users.emplace_back();
  routing_refresh_user(state, UserId(static_cast<uint32_t>(state.users.size() - 1)));
}

void routing_add_team(State& state) { state.routing.teams.emplace_back(); }

void routing_move_conversation(State& state, const RoutingSlot& from, const RoutingSlot& to, ConversationId id) {
  if (routing_same(from, to)) return;
  count_load(state, from, -1);
  count_load(state, to, +1);
  if (slot_queued(from)) {
    const bool erased = state.routing.teams.at(from.team.index()).queue.erase(queue_key(from, id));
    INBOX_ASSERT(erased, "a queued conversation is in its team's queue");
  }
  if (slot_queued(to)) {
    const bool inserted = state.routing.teams.at(to.team.index()).queue.insert(queue_key(to, id));
    INBOX_ASSERT(inserted, "a conversation waits in one queue once");
  }
  // Loads moved: the users' places in the ready sets follow (which also refreshes their teams).
  const UserId touched[] = {from.assignee, from.offered_to, to.assignee, to.offered_to};
  for (size_t i = 0; i < 4; ++i) {
    if (!touched[i].valid() || std::find(touched, touched + i, touched[i]) != touched + i) continue;
    routing_refresh_user(state, touched[i]);
  }
  if (slot_queued(from)) refresh_dispatchable(state, from.team);
  if (slot_queued(to) && to.team != from.team) refresh_dispatchable(state, to.team);
}

void routing_refresh_user(State& state, UserId user) {
  UserIndex& index = state.routing.users.at(user.index());
  const ReadyKey key(index.load, idle_since(state.users[user.index()]), user.value);
  for (const auto& [team, position] : index.teams) {
    TeamIndex& team_index = state.routing.teams[team];
    const bool ready = !why_not_eligible(state, user, TeamId(team));
    const bool was_ready = team_index.ready_positions.contains(position);
    if (ready && !was_ready) team_index.ready_positions.insert(position);
    if (!ready && was_ready) team_index.ready_positions.erase(position);
    // Every assignment changes its agent's key; unchanged (a refresh for another reason) it stays put.
    if (state.teams[team].routing.strategy == AssignmentStrategy::least_busy && !(ready && was_ready && index.key == key)) {
      if (was_ready) team_index.ready.erase(index.key);
      if (ready) team_index.ready.insert(key);
    }
    refresh_dispatchable(state, TeamId(team));
  }
  index.key = key;
}

void routing_set_members(State& state, TeamId team, const std::vector<UserId>& old_members) {
  for (const UserId user : old_members) {
    auto& teams = state.routing.users.at(user.index()).teams;
    teams.erase(std::remove_if(teams.begin(), teams.end(), [&](const auto& t) { return t.first == team.value; }),
                teams.end());
  }
  TeamIndex& index = state.routing.teams.at(team.index());
  index.ready.clear();
  index.ready_positions.clear();
  const std::vector<UserId>& members = state.teams[team.index()].members;
  for (size_t position = 0; position < members.size(); ++position) {
    auto& teams = state.routing.users.at(members[position].index()).teams;
    const std::pair<uint32_t, uint32_t> entry{team.value, static_cast<uint32_t>(position)};
    teams.insert(std::lower_bound(teams.begin(), teams.end(), entry), entry);
  }
  for (const UserId user : members) routing_refresh_user(state, user);
  refresh_dispatchable(state, team);
}

// Also after a change of strategy: the ready sets are derived again (a least-busy order appears or goes).
void routing_refresh_team(State& state, TeamId team) {
  TeamIndex& index = state.routing.teams.at(team.index());
  index.ready.clear();
  index.ready_positions.clear();
  for (const UserId user : state.teams.at(team.index()).members) routing_refresh_user(state, user);
  refresh_dispatchable(state, team);
}

void routing_refresh_all(State& state) {
  for (size_t u = 0; u < state.users.size(); ++u) routing_refresh_user(state, UserId(static_cast<uint32_t>(u)));
  for (size_t t = 0; t < state.teams.size(); ++t) refresh_dispatchable(state, TeamId(static_cast<uint32_t>(t)));
}

RoutingIndex rebuild_routing(const State& state) {
  State scratch;
  scratch.settings = state.settings;
  scratch.assignment = state.assignment;
  scratch.users = state.users;
  scratch.teams = state.teams;
  scratch.routing.users.resize(state.users.size());
  scratch.routing.teams.resize(state.teams.size());
  for (size_t t = 0; t < state.teams.size(); ++t) {
    const std::vector<UserId>& members = state.teams[t].members;
    for (size_t position = 0; position < members.size(); ++position) {
      scratch.routing.users[members[position].index()].teams.emplace_back(static_cast<uint32_t>(t),
                                                                           static_cast<uint32_t>(position));
    }
  }
  for (size_t i = 0; i < state.conversations.size(); ++i) {
    const RoutingSlot slot = routing_slot(state.conversations[i]);
    count_load(scratch, slot, +1);
    if (slot_queued(slot)) {
      scratch.routing.teams[slot.team.index()].queue.insert(queue_key(slot, ConversationId(static_cast<uint32_t>(i))));
    }
  }
  routing_refresh_all(scratch);
  return std::move(scratch.routing);
}

}  // namespace inbox

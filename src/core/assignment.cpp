#include "core/assignment.h"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <utility>

#include "core/check.h"
#include "core/permissions.h"
#include "core/routing_index.h"

namespace inbox {
namespace {

Candidate candidate(const State& state, UserId user) {
  return Candidate{user, user_load(state, user), idle_since(state.users[user.index()])};
}

bool avoided(uint32_t user, UserId a, UserId b) { return user == a.value || user == b.value; }

// Why an avoided member was passed over: the queue avoids who declined, reassignment the recent assignees.
SkipReason avoid_reason(AssignmentTrigger trigger) {
  return trigger == AssignmentTrigger::queue ? SkipReason::declined : SkipReason::recent_assignee;
}

void note_skip(Explanation& out, UserId user, SkipReason reason) {
  if (!out.skipped.full()) out.skipped.push_back(Skip{user, reason});
}

// Least busy: the front of the ready set (fewest chats, then idle longest).
void pick_least_busy(const State& state, const Team& team, const TeamIndex& index, Explanation& out, UserId avoid_a,
                     UserId avoid_b) {
  uint32_t passed = 0;
  for (auto it = index.ready.begin(); it != index.ready.end() && out.candidates.size() < kExplainCandidatesMax; ++it) {
    if (avoided(it->user, avoid_a, avoid_b)) {
      note_skip(out, UserId(it->user), avoid_reason(out.trigger));
      ++passed;
      continue;
    }
    out.candidates.push_back(Candidate{UserId(it->user), it->load, it->idle_since});
  }
  if (!out.candidates.empty()) out.chosen = out.candidates.front().user;
  // The members not ready, from the top of the team (bounded: the rest are only counted; none to look for
  // when the whole team is ready).
  const size_t scan = index.ready_positions.size() < team.members.size() ? std::min(team.members.size(), kExplainScanMax) : 0;
  for (size_t i = 0; i < scan && out.skipped.size() < kExplainSkippedMax; ++i) {
    if (auto reason = why_not_eligible(state, team.members[i], out.team)) note_skip(out, team.members[i], *reason);
  }
  const uint32_t total = out.members - out.eligible + passed;
  out.skipped_unlisted = total - std::min<uint32_t>(total, static_cast<uint32_t>(out.skipped.size()));
}

// Round robin: the first ready member at or after the cursor, wrapping around.
void pick_round_robin(const State& state, const Team& team, const TeamIndex& index, Explanation& out, UserId avoid_a,
                      UserId avoid_b) {
  const uint32_t size = static_cast<uint32_t>(team.members.size());
  if (size == 0 || index.ready_positions.empty()) return;
  const PositionSet& ready = index.ready_positions;
  const uint32_t start = team.round_robin_next % size;
  uint32_t chosen = ready.next_wrapping(start);
  // At most two avoided members to pass; none left when we come around to where we began.
  for (size_t tries = 1; avoided(team.members[chosen].value, avoid_a, avoid_b); ++tries) {
    if (tries == ready.size()) return;
    chosen = ready.next_wrapping(chosen + 1);
  }
  out.chosen = team.members[chosen];
  out.candidates.push_back(candidate(state, out.chosen));
  const uint32_t distance = (chosen + size - start) % size;
  for (uint32_t step = 0; step < distance && out.skipped.size() < kExplainSkippedMax; ++step) {
    const UserId member = team.members[(start + step) % size];
    const auto reason = why_not_eligible(state, member, out.team);
    note_skip(out, member, reason ? *reason : avoid_reason(out.trigger));
  }
  out.skipped_unlisted = distance - static_cast<uint32_t>(out.skipped.size());
}

void pick_default_user(const State& state, const Team& team, Explanation& out) {
  const UserId user = team.routing.default_user;
  if (!user.valid() || user.index() >= state.users.size()) return;
  const std::optional<uint32_t> position = member_position(state, user, out.team);
  if (!position) return;
  if (auto reason = why_not_eligible(state, user, out.team)) {
    note_skip(out, user, *reason);
    return;
  }
  out.chosen = user;
  out.candidates.push_back(candidate(state, user));
}

// The decision's two events, built in place at the end of `out`.
void append_decision(Explanation&& explanation, int64_t at_ms, std::vector<Event>& out) {
  const ConversationId conversation = explanation.conversation;
  const UserId chosen = explanation.chosen;
  const bool offered = explanation.offered;
  Event& explained = out.emplace_back();
  explained.at_ms = at_ms;
  explained.body.emplace<AssignmentExplained>(AssignmentExplained{std::move(explanation)});
  Event& assigned = out.emplace_back();
  assigned.at_ms = at_ms;
  if (offered) assigned.body.emplace<ConversationOffered>(ConversationOffered{conversation, chosen});
  else assigned.body.emplace<ConversationAssigned>(ConversationAssigned{conversation, chosen});
}

// Escalation: to the configured users, else the team's supervisors and administrators; available ones
// first, then the least loaded, then idle longest.
Explanation escalation(const State& state, const Conversation& c, ConversationId id) {
  const Team& team = state.teams[c.team.index()];
  Explanation out;
  out.conversation = id;
  out.team = c.team;
  out.strategy = AssignmentRule::escalation;
  out.trigger = AssignmentTrigger::reply_timeout;
  out.members = static_cast<uint32_t>(team.members.size());
  std::vector<UserId> targets = team.routing.escalate_to;
  if (targets.empty()) {
    for (const UserId member : team.members) {
      if (manages_workspace(state.users[member.index()].role)) targets.push_back(member);
    }
  }
  std::vector<std::pair<std::tuple<bool, uint32_t, int64_t, uint32_t>, UserId>> ranked;
  for (const UserId user : targets) {
    const User& u = state.users[user.index()];
    ranked.push_back({{u.status != UserStatus::available, user_load(state, user), idle_since(u), user.value}, user});
  }
  std::sort(ranked.begin(), ranked.end());
  out.eligible = static_cast<uint32_t>(ranked.size());
  for (size_t i = 0; i < ranked.size() && i < kExplainCandidatesMax; ++i) {
    out.candidates.push_back(candidate(state, ranked[i].second));
  }
  if (!ranked.empty()) out.chosen = ranked.front().second;
  return out;
}

// Memory-level hints for the decisions to come; none changes a result. A decision mostly waits on the cold
// records of its agent and conversation, which a 10,000-agent team touches once per round, so while one is
// decided the next one's are requested, in two stages: the records themselves for the next agent and
// queued chat, and for this decision's agent and chat (whose records came in during the previous decision)
// the blocks those records point to. Always inlined: GCC takes a function holding only prefetches for one
// without effect and drops the call.
[[gnu::always_inline]] inline void prefetch_lines(const void* at, size_t bytes) {
  const char* first = static_cast<const char*>(at);
  for (size_t offset = 0; offset < bytes; offset += 64) __builtin_prefetch(first + offset, 1);
}

[[gnu::always_inline]] inline void prefetch_records(const State& state, UserId user, ConversationId conversation) {
  if (user.valid()) {
    prefetch_lines(&state.users[user.index()], sizeof(User));
    prefetch_lines(&state.routing.users[user.index()], sizeof(UserIndex));
    prefetch_lines(&state.views.by_user[user.index()].lists[static_cast<size_t>(ConversationStatus::open)],
                   sizeof(SortedList));
  }
  if (conversation.valid()) prefetch_lines(&state.conversations[conversation.index()], sizeof(Conversation));
}

[[gnu::always_inline]] inline void prefetch_blocks(const State& state, UserId user, ConversationId conversation) {
  const std::vector<std::pair<uint32_t, uint32_t>>& teams = state.routing.users[user.index()].teams;
  if (!teams.empty()) __builtin_prefetch(teams.data(), 0);
  state.views.by_user[user.index()].lists[static_cast<size_t>(ConversationStatus::open)].prefetch_append();
  const std::vector<TimelineEntry>& timeline = state.conversations[conversation.index()].timeline;
  if (timeline.size() < timeline.capacity()) __builtin_prefetch(timeline.data() + timeline.size(), 1);
}

// Who the team's strategy most likely picks next: least busy's runner-up, round robin's next ready member.
UserId likely_next(const Team& team, const TeamIndex& index, const Explanation& decided) {
  if (team.routing.strategy == AssignmentStrategy::least_busy) {
    return decided.candidates.size() > 1 ? decided.candidates[1].user : UserId();
  }
  if (team.routing.strategy != AssignmentStrategy::round_robin || team.members.empty()) return UserId();
  const uint32_t after = team.round_robin_next % static_cast<uint32_t>(team.members.size());
  const uint32_t position = index.ready_positions.next_wrapping(after + 1);
  return position == PositionSet::kNone ? UserId() : team.members[position];
}

}  // namespace

Explanation pick_assignee(const State& state, TeamId team_id, ConversationId conversation, AssignmentTrigger trigger,
                          UserId avoid_a, UserId avoid_b) {
  const Team& team = state.teams.at(team_id.index());
  const TeamIndex& index = state.routing.teams.at(team_id.index());
  Explanation out;
  out.conversation = conversation;
  out.team = team_id;
  out.strategy = rule_of(team.routing.strategy);
  out.trigger = trigger;
  out.members = static_cast<uint32_t>(team.members.size());
  out.eligible = static_cast<uint32_t>(index.ready_positions.size());
  out.offered = team.routing.offer_timeout_ms > 0 && trigger == AssignmentTrigger::queue;
  switch (team.routing.strategy) {
    case AssignmentStrategy::round_robin: pick_round_robin(state, team, index, out, avoid_a, avoid_b); break;
    case AssignmentStrategy::default_user: pick_default_user(state, team, out); break;
    case AssignmentStrategy::least_busy: pick_least_busy(state, team, index, out, avoid_a, avoid_b); break;
  }
  return out;
}

bool dispatch(const State& state, int64_t at_ms, std::vector<Event>& out) {
  if (state.routing.dispatchable.empty()) return false;
  const TeamId team(*state.routing.dispatchable.begin());
  const TeamIndex& index = state.routing.teams[team.index()];
  INBOX_ASSERT(!index.queue.empty(), "a dispatchable team has a waiting conversation");
  const ConversationId conversation(index.queue.begin()->conversation);
  const UserId declined_by = state.conversations[conversation.index()].declined_by;
  Explanation explanation = pick_assignee(state, team, conversation, AssignmentTrigger::queue, declined_by);
  // Nobody else can take it: the agent who declined is asked again rather than leaving the chat waiting.
  if (!explanation.chosen.valid() && declined_by.valid()) {
    explanation = pick_assignee(state, team, conversation, AssignmentTrigger::queue);
  }
  INBOX_ASSERT(explanation.chosen.valid(), "a dispatchable team has someone to take the chat");
  prefetch_blocks(state, explanation.chosen, conversation);
  const auto next_chat = std::next(index.queue.begin());
  prefetch_records(state, likely_next(state.teams[team.index()], index, explanation),
                   next_chat != index.queue.end() ? ConversationId(next_chat->conversation) : ConversationId());
  append_decision(std::move(explanation), at_ms, out);
  return true;
}

std::vector<Event> dispatch(const State& state, int64_t at_ms) {
  std::vector<Event> events;
  dispatch(state, at_ms, events);
  return events;
}

std::vector<Event> reassign_on_reply_timeout(const State& state, ConversationId id, int64_t at_ms) {
  const Conversation& c = state.conversations.at(id.index());
  INBOX_ASSERT(c.assignee.valid() && c.team.valid(), "the reply timer runs only for an assigned team conversation");
  const Team& team = state.teams[c.team.index()];
  Explanation explanation;
  if (c.reassignments < team.routing.reassign_max) {
    explanation = pick_assignee(state, c.team, id, AssignmentTrigger::reply_timeout, c.assignee, c.previous_assignee);
  }
  if (!explanation.chosen.valid()) explanation = escalation(state, c, id);
  std::vector<Event> events;
  append_decision(std::move(explanation), at_ms, events);
  return events;
}

InboundRoute inbound_route(const State& state, const Contact* contact, ChannelId channel, int64_t now_ms) {
  InboundRoute route;
  if (const Channel* found = find_channel(state, channel)) route.team = found->team;
  if (!route.team.valid()) route.team = state.settings.default_team;
  if (contact == nullptr || !contact->route || now_ms >= contact->route->expires_at) return route;
  const DirectRoute& rule = *contact->route;
  if (find_team(state, rule.team) != nullptr) route.team = rule.team;
  // The campaign checked membership when sent; someone removed from the team since gets no direct chats.
  if (rule.agent.valid() && rule.team.valid() && member_position(state, rule.agent, rule.team)) {
    route.agent = rule.agent;
  }
  return route;
}

Explanation direct_routing_explanation(const State& state, ConversationId conversation, const InboundRoute& route) {
  Explanation out;
  out.conversation = conversation;
  out.team = route.team;
  out.strategy = AssignmentRule::direct_routing;
  out.trigger = AssignmentTrigger::inbound;
  out.chosen = route.agent;
  if (const Team* team = find_team(state, route.team)) out.members = static_cast<uint32_t>(team->members.size());
  out.eligible = 1;
  out.candidates.push_back(candidate(state, route.agent));
  return out;
}

std::vector<LoggedExplanation> assignment_history(const State& state, UserId viewer, ConversationId conversation) {
  std::vector<LoggedExplanation> out;
  const User* user = find_user(state, viewer);
  if (user == nullptr || !manages_workspace(user->role)) return out;
  const ExplanationLog& log = state.explanations;
  INBOX_ASSERT(log.at_ms.size() == log.entries.size(), "every explanation has its time");
  const size_t start = log.entries.size() < kExplanationsKept ? 0 : log.next;
  for (size_t i = 0; i < log.entries.size(); ++i) {
    const size_t at = (start + i) % log.entries.size();
    const Explanation& e = log.entries[at];
    if (!conversation.valid() || e.conversation == conversation) out.push_back({log.at_ms[at], e});
  }
  return out;
}

std::vector<Explanation> assignment_log(const State& state, UserId viewer, ConversationId conversation) {
  std::vector<Explanation> out;
  for (LoggedExplanation& logged : assignment_history(state, viewer, conversation)) {
    out.push_back(std::move(logged.explanation));
  }
  return out;
}

}  // namespace inbox

#include "core/timers.h"

#include <algorithm>

#include "core/apply.h"
#include "core/assignment.h"
#include "core/campaigns.h"
#include "core/check.h"
#include "core/limits.h"
#include "core/state.h"
#include "core/text.h"

namespace inbox {
namespace {

int64_t offer_deadline(const Conversation& c) {
  return c.status != ConversationStatus::closed && c.offered_to.valid() ? c.offer_expires_at : kNever;
}

int64_t transfer_deadline(const Conversation& c) {
  return c.status != ConversationStatus::closed && c.transfer.to.valid() ? c.transfer.expires_at : kNever;
}

// An active attention not Scheduled, with no reminder, closes after the workspace's inactivity period.
int64_t inactivity_deadline(const State& state, const Conversation& c) {
  const int64_t period = state.settings.inactivity_close_after_ms;
  if (period <= 0 || c.reminder_at != kNever || c.activity_at == kNever) return kNever;
  if (c.status != ConversationStatus::open && c.status != ConversationStatus::pending) return kNever;
  return c.activity_at + period;
}

Event system_event(int64_t at_ms, EventBody body) { return Event{UserId(), at_ms, std::move(body)}; }

std::vector<Event> fire(const State& state, const TimerKey& timer, int64_t at_ms) {
  std::vector<Event> events;
  switch (timer.kind) {
    case TimerKind::offer: {
      const Conversation& c = state.conversations.at(timer.subject);
      INBOX_ASSERT(c.offered_to.valid(), "an offer timer exists only while the offer is open");
      events.push_back(system_event(at_ms, OfferExpired{ConversationId(timer.subject), c.offered_to}));
      if (state.users[c.offered_to.index()].status != UserStatus::rona) {
        events.push_back(system_event(at_ms, UserStatusChanged{c.offered_to, UserStatus::rona}));
      }
      break;
    }
    case TimerKind::reply: return reassign_on_reply_timeout(state, ConversationId(timer.subject), at_ms);
    case TimerKind::disconnect_grace: {
      const UserId user(timer.subject);
      events.push_back(system_event(at_ms, DisconnectGraceEnded{user}));
      const UserStatus status = state.users.at(timer.subject).status;
      // RONA stays: only the agent clears it.
      if (status == UserStatus::available || status == UserStatus::idle) {
        events.push_back(system_event(at_ms, UserStatusChanged{user, UserStatus::unavailable}));
      }
      break;
    }
    case TimerKind::chats_return: {
      const UserId user(timer.subject);
      // Bounded by the agent's open chats (their capacity when one is set).
      for (const ListKey& key : state.views.by_user.at(timer.subject).lists[static_cast<size_t>(ConversationStatus::open)]) {
        events.push_back(system_event(at_ms, ConversationAssigned{ConversationId(key.conversation), UserId()}));
      }
      events.push_back(system_event(at_ms, ChatsReturned{user}));
      break;
    }
    case TimerKind::direct_route:
      events.push_back(system_event(at_ms, DirectRouteExpired{ContactId(timer.subject)}));
      break;
    case TimerKind::reminder: {
      const ConversationId id(timer.subject);
      const Conversation& c = state.conversations.at(timer.subject);
      UserId owner = c.assignee;
      // The owner left the team: the conversation goes to the team's queue instead.
      const Team* team = find_team(state, c.team);
      if (owner.valid() && team != nullptr &&
          !in_team(*team, owner)) {
        events.push_back(system_event(at_ms, ConversationAssigned{id, UserId()}));
        owner = UserId();
      }
      events.push_back(system_event(at_ms, ReminderDue{id, owner, c.reminder_at}));
      break;
    }
    case TimerKind::transfer: {
      const Conversation& c = state.conversations.at(timer.subject);
      INBOX_ASSERT(c.transfer.to.valid(), "a transfer timer exists only while the request is open");
      events.push_back(system_event(at_ms, TransferAbandoned{ConversationId(timer.subject), c.transfer.to, false}));
      break;
    }
    case TimerKind::campaign: return campaign_due(state, CampaignId(timer.subject), at_ms);
    case TimerKind::inactivity: {
      ClosingReasonId reason = inactivity_closing_reason(state);
      if (!reason.valid() && state.closing_reasons.size() < kClosingReasonsMax) {
        reason = ClosingReasonId(static_cast<uint32_t>(state.closing_reasons.size()));
        events.push_back(system_event(at_ms, ClosingReasonCreated{reason, kInactivityReasonName}));
      }
      events.push_back(system_event(at_ms, ConversationClosed{ConversationId(timer.subject), reason}));
      break;
    }
  }
  return events;
}

}  // namespace

namespace {

constexpr size_t kArity = 4;

void place(TimerIndex& timers, size_t index) {
  const TimerKey& key = timers.heap[index];
  timers.position[static_cast<size_t>(key.kind)][key.subject] = static_cast<uint32_t>(index + 1);
}

void sift_up(TimerIndex& timers, size_t index) {
  const TimerKey key = timers.heap[index];
  while (index > 0) {
    const size_t parent = (index - 1) / kArity;
    if (!(key < timers.heap[parent])) break;
    timers.heap[index] = timers.heap[parent];
    place(timers, index);
    index = parent;
  }
  timers.heap[index] = key;
  place(timers, index);
}

void sift_down(TimerIndex& timers, size_t index) {
  const TimerKey key = timers.heap[index];
  const size_t size = timers.heap.size();
  for (;;) {
    const size_t first = index * kArity + 1;
    if (first >= size) break;
    size_t best = first;
    const size_t last = std::min(first + kArity, size);
    for (size_t child = first + 1; child < last; ++child) {
      if (timers.heap[child] < timers.heap[best]) best = child;
    }
    if (!(timers.heap[best] < key)) break;
    timers.heap[index] = timers.heap[best];
    place(timers, index);
    index = best;
  }
  timers.heap[index] = key;
  place(timers, index);
}

void sift(TimerIndex& timers, size_t index) {
  if (index > 0 && timers.heap[index] < timers.heap[(index - 1) / kArity]) sift_up(timers, index);
  else sift_down(timers, index);
}

}  // namespace

void timers_set(TimerIndex& timers, TimerKind kind, uint32_t subject, int64_t deadline) {
  std::vector<uint32_t>& positions = timers.position[static_cast<size_t>(kind)];
  const uint32_t at = subject < positions.size() ? positions[subject] : 0;
  if (at != 0) {
    const size_t index = at - 1;
    TimerKey& key = timers.heap[index];
    INBOX_ASSERT(key.kind == kind && key.subject == subject, "positions and the heap pair up");
    if (key.deadline == deadline) return;
    if (deadline == kNever) {
      positions[subject] = 0;
      const TimerKey last = timers.heap.back();
      timers.heap.pop_back();
      if (index < timers.heap.size()) {
        timers.heap[index] = last;
        sift(timers, index);
      }
      return;
    }
    key.deadline = deadline;
    sift(timers, index);
    return;
  }
  if (deadline == kNever) return;
  if (subject >= positions.size()) positions.resize(std::max<size_t>(subject + 1, positions.size() * 2), 0);
  timers.heap.push_back(TimerKey{deadline, kind, subject});
  sift_up(timers, timers.heap.size() - 1);
}

const TimerKey* timers_front(const TimerIndex& timers) { return timers.heap.empty() ? nullptr : &timers.heap.front(); }

int64_t timers_deadline(const TimerIndex& timers, TimerKind kind, uint32_t subject) {
  const std::vector<uint32_t>& positions = timers.position[static_cast<size_t>(kind)];
  const uint32_t at = subject < positions.size() ? positions[subject] : 0;
  return at == 0 ? kNever : timers.heap[at - 1].deadline;
}

size_t timers_size(const TimerIndex& timers) { return timers.heap.size(); }

std::vector<TimerKey> timers_sorted(const TimerIndex& timers) {
  std::vector<TimerKey> out = timers.heap;
  std::sort(out.begin(), out.end());
  return out;
}

bool operator==(const TimerIndex& a, const TimerIndex& b) {
  return a.heap.size() == b.heap.size() && timers_sorted(a) == timers_sorted(b);
}

ClosingReasonId inactivity_closing_reason(const State& state) {
  const std::string wanted = fold_for_search(kInactivityReasonName);
  for (size_t i = 0; i < state.closing_reasons.size(); ++i) {
    if (fold_for_search(state.closing_reasons[i].name) == wanted) return ClosingReasonId(static_cast<uint32_t>(i));
  }
  return ClosingReasonId();
}

namespace {

int64_t campaign_deadline(const Campaign& campaign) {
  return campaign.status == CampaignStatus::scheduled ? campaign.send_at : kNever;
}

void set_conversation_timers(TimerIndex& timers, const State& state, uint32_t id) {
  const Conversation& c = state.conversations.at(id);
  timers_set(timers, TimerKind::offer, id, offer_deadline(c));
  timers_set(timers, TimerKind::reply, id, c.reply_due_at);
  timers_set(timers, TimerKind::reminder, id, c.reminder_at);
  timers_set(timers, TimerKind::inactivity, id, inactivity_deadline(state, c));
  timers_set(timers, TimerKind::transfer, id, transfer_deadline(c));
}

}  // namespace

void timers_refresh_conversation(State& state, ConversationId id) {
  set_conversation_timers(state.timers, state, id.value);
}

void timers_refresh_user(State& state, UserId id) {
  const User& user = state.users.at(id.index());
  timers_set(state.timers, TimerKind::disconnect_grace, id.value, user.grace_ends_at);
  timers_set(state.timers, TimerKind::chats_return, id.value, user.chats_return_at);
}

void timers_refresh_contact(State& state, ContactId id) {
  const Contact& contact = state.contacts.at(id.index());
  timers_set(state.timers, TimerKind::direct_route, id.value, contact.route ? contact.route->expires_at : kNever);
}

void timers_refresh_campaign(State& state, CampaignId id) {
  timers_set(state.timers, TimerKind::campaign, id.value, campaign_deadline(state.campaigns.at(id.index())));
}

TimerIndex rebuild_timers(const State& state) {
  TimerIndex timers;
  for (size_t i = 0; i < state.conversations.size(); ++i) set_conversation_timers(timers, state, static_cast<uint32_t>(i));
  for (size_t i = 0; i < state.users.size(); ++i) {
    timers_set(timers, TimerKind::disconnect_grace, static_cast<uint32_t>(i), state.users[i].grace_ends_at);
    timers_set(timers, TimerKind::chats_return, static_cast<uint32_t>(i), state.users[i].chats_return_at);
  }
  for (size_t i = 0; i < state.contacts.size(); ++i) {
    const auto& route = state.contacts[i].route;
    timers_set(timers, TimerKind::direct_route, static_cast<uint32_t>(i), route ? route->expires_at : kNever);
  }
  for (size_t i = 0; i < state.campaigns.size(); ++i) {
    timers_set(timers, TimerKind::campaign, static_cast<uint32_t>(i), campaign_deadline(state.campaigns[i]));
  }
  return timers;
}

int64_t next_deadline(const State& state) {
  if (!state.routing.dispatchable.empty()) return state.clock_ms;
  const TimerKey* front = timers_front(state.timers);
  return front == nullptr ? kNoDeadline : front->deadline;
}

std::vector<Event> tick(const State& state, int64_t now_ms) {
  if (!state.routing.dispatchable.empty()) return dispatch(state, state.clock_ms);
  const TimerKey* front = timers_front(state.timers);
  if (front == nullptr) return {};
  const TimerKey timer = *front;
  if (timer.deadline > now_ms) return {};
  return fire(state, timer, std::max(timer.deadline, state.clock_ms));
}

std::vector<Event> run_due(State& state, int64_t now_ms) {
  std::vector<Event> out;
  for (;;) {
    const TimerKey* first = timers_front(state.timers);
    const bool dispatching = !state.routing.dispatchable.empty();
    const TimerKey fired = first != nullptr ? *first : TimerKey{};
    std::vector<Event> events = tick(state, now_ms);
    if (events.empty()) break;
    for (Event& event : events) {
      apply(state, event);
      out.push_back(std::move(event));
    }
    if (!dispatching) {
      INBOX_ASSERT(timers_deadline(state.timers, fired.kind, fired.subject) != fired.deadline,
                   "a fired timer's events must clear or move its deadline, or it would fire forever");
    }
  }
  return out;
}

}  // namespace inbox

#include "core/timers.h"

#include <algorithm>

#include "core/apply.h"
#include "core/assignment.h"
#include "core/check.h"
#include "core/state.h"

namespace inbox {
namespace {

uint64_t timer_id(TimerKind kind, uint32_t subject) { return static_cast<uint64_t>(kind) << 32 | subject; }

int64_t offer_deadline(const Conversation& c) {
  return c.status != ConversationStatus::closed && c.offered_to.valid() ? c.offer_expires_at : kNever;
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
        events.push_back(system_event(at_ms, ConversationAssigned{ConversationId(key.second), UserId()}));
      }
      events.push_back(system_event(at_ms, ChatsReturned{user}));
      break;
    }
    case TimerKind::direct_route:
      events.push_back(system_event(at_ms, DirectRouteExpired{ContactId(timer.subject)}));
      break;
  }
  return events;
}

}  // namespace

void timers_set(TimerIndex& timers, TimerKind kind, uint32_t subject, int64_t deadline) {
  const uint64_t id = timer_id(kind, subject);
  const auto found = timers.deadlines.find(id);
  if (found != timers.deadlines.end()) {
    if (found->second == deadline) return;
    const size_t erased = timers.due.erase(TimerKey{found->second, kind, subject});
    INBOX_ASSERT(erased == 1, "the deadline map and the due set pair up");
    if (deadline == kNever) {
      timers.deadlines.erase(found);
      return;
    }
    found->second = deadline;
  } else {
    if (deadline == kNever) return;
    timers.deadlines.emplace(id, deadline);
  }
  timers.due.insert(TimerKey{deadline, kind, subject});
}

void timers_refresh_conversation(State& state, ConversationId id) {
  const Conversation& c = state.conversations.at(id.index());
  timers_set(state.timers, TimerKind::offer, id.value, offer_deadline(c));
  timers_set(state.timers, TimerKind::reply, id.value, c.reply_due_at);
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

TimerIndex rebuild_timers(const State& state) {
  TimerIndex timers;
  for (size_t i = 0; i < state.conversations.size(); ++i) {
    const Conversation& c = state.conversations[i];
    timers_set(timers, TimerKind::offer, static_cast<uint32_t>(i), offer_deadline(c));
    timers_set(timers, TimerKind::reply, static_cast<uint32_t>(i), c.reply_due_at);
  }
  for (size_t i = 0; i < state.users.size(); ++i) {
    timers_set(timers, TimerKind::disconnect_grace, static_cast<uint32_t>(i), state.users[i].grace_ends_at);
    timers_set(timers, TimerKind::chats_return, static_cast<uint32_t>(i), state.users[i].chats_return_at);
  }
  for (size_t i = 0; i < state.contacts.size(); ++i) {
    const auto& route = state.contacts[i].route;
    timers_set(timers, TimerKind::direct_route, static_cast<uint32_t>(i), route ? route->expires_at : kNever);
  }
  return timers;
}

int64_t next_deadline(const State& state) {
  if (!state.routing.dispatchable.empty()) return state.clock_ms;
  return state.timers.due.empty() ? kNoDeadline : state.timers.due.begin()->deadline;
}

std::vector<Event> tick(const State& state, int64_t now_ms) {
  if (!state.routing.dispatchable.empty()) return dispatch(state, state.clock_ms);
  if (state.timers.due.empty()) return {};
  const TimerKey timer = *state.timers.due.begin();
  if (timer.deadline > now_ms) return {};
  return fire(state, timer, std::max(timer.deadline, state.clock_ms));
}

std::vector<Event> run_due(State& state, int64_t now_ms) {
  std::vector<Event> out;
  for (;;) {
    const TimerKey* first = state.timers.due.empty() ? nullptr : &*state.timers.due.begin();
    const bool dispatching = !state.routing.dispatchable.empty();
    const TimerKey fired = first != nullptr ? *first : TimerKey{};
    std::vector<Event> events = tick(state, now_ms);
    if (events.empty()) break;
    for (Event& event : events) {
      apply(state, event);
      out.push_back(std::move(event));
    }
    if (!dispatching) {
      const auto left = state.timers.deadlines.find(static_cast<uint64_t>(fired.kind) << 32 | fired.subject);
      INBOX_ASSERT(left == state.timers.deadlines.end() || left->second != fired.deadline,
                   "a fired timer's events must clear or move its deadline, or it would fire forever");
    }
  }
  return out;
}

}  // namespace inbox

// The inbox's timers: every deadline the core owes an event at (offer timeout, reply timer, disconnect
// grace, chats returned, direct-routing expiry; issue 6 adds reminders, inactivity and the WhatsApp window).
//
// A timer is not a separate record: it is a deadline field of the event-sourced state (e.g.
// Conversation::offer_expires_at), so it survives a restart and a rebuild from the log. TimerIndex is the
// derived index over those fields (like the views): a set ordered by (deadline, kind, subject) plus a map
// subject -> deadline for cancel, each O(log n). Firing yields events whose apply() clears the field, so a
// timer fires once, and a clock that goes backwards finds nothing left to fire again.
#pragma once
#include <cstdint>
#include <limits>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/events.h"
#include "core/ids.h"
#include "core/reflect.h"

namespace inbox {

struct State;

// Appended only (issue 6 adds its kinds after these).
enum class TimerKind : uint8_t { offer, reply, disconnect_grace, chats_return, direct_route };
template <>
struct EnumNames<TimerKind> {
  static constexpr std::array<const char*, 5> names = {"offer", "reply", "disconnect_grace", "chats_return",
                                                       "direct_route"};
};

struct TimerKey {
  int64_t deadline = 0;
  TimerKind kind = TimerKind::offer;
  uint32_t subject = 0;  // a conversation, user or contact id, by kind

  friend bool operator<(const TimerKey& a, const TimerKey& b) {
    if (a.deadline != b.deadline) return a.deadline < b.deadline;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.subject < b.subject;
  }
  friend bool operator==(const TimerKey& a, const TimerKey& b) {
    return a.deadline == b.deadline && a.kind == b.kind && a.subject == b.subject;
  }
};

struct TimerIndex {
  std::set<TimerKey> due;                           // in firing order
  std::unordered_map<uint64_t, int64_t> deadlines;  // (kind << 32 | subject) -> its deadline in `due`

  template <class F>
  static void fields(F&& f) {
    f("due", &TimerIndex::due);
    f("deadlines", &TimerIndex::deadlines);
  }
};

constexpr int64_t kNoDeadline = std::numeric_limits<int64_t>::max();

// Schedules, moves or (deadline kNever) cancels one timer. O(log n).
void timers_set(TimerIndex& timers, TimerKind kind, uint32_t subject, int64_t deadline);
// Re-read a subject's deadline fields after apply() changed it.
void timers_refresh_conversation(State& state, ConversationId id);
void timers_refresh_user(State& state, UserId id);
void timers_refresh_contact(State& state, ContactId id);
TimerIndex rebuild_timers(const State& state);

// When tick() next has something to do: the engine's pending dispatch (at the latest event's time) or the
// earliest timer; kNoDeadline when nothing is scheduled.
int64_t next_deadline(const State& state);

// Pure, like decide(): the events owed at now_ms, one unit of work at a time so that each is decided on
// the state the previous one left: first the engine's dispatch of a waiting conversation (stamped with the
// latest event's time: "the moment" it became possible), else the earliest timer due at or before now_ms
// (stamped with its deadline, or the latest event's time if that is later, so the log's times never go
// back). Empty when nothing is owed.
std::vector<Event> tick(const State& state, int64_t now_ms);

// tick() + apply() until nothing is owed at now_ms: every missed timer fires once, in deadline order, each
// followed by the dispatch it causes. Returns the events applied (for the log).
std::vector<Event> run_due(State& state, int64_t now_ms);

}  // namespace inbox

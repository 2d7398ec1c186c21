// The inbox's timers: every deadline the core owes an event at (offer timeout, reply timer, disconnect
// grace, chats returned, direct-routing expiry, reminders, inactivity close). Rules: docs/scheduler.md.
//
// A timer is not a separate record: it is a deadline field of the event-sourced state (e.g.
// Conversation::offer_expires_at), so it survives a restart and a rebuild from the log. TimerIndex is the
// derived index over those fields (like the views): a min-heap by (deadline, kind, subject) with each
// timer's position, so schedule, move, cancel and fire are O(log n). Firing yields events whose apply() clears the field, so a
// timer fires once, and a clock that goes backwards finds nothing left to fire again.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/events.h"
#include "core/model.h"
#include "core/ids.h"
#include "core/reflect.h"

namespace inbox {

struct State;

// Appended only. reminder: Conversation::reminder_at; inactivity: derived from Conversation::activity_at and
// Settings::inactivity_close_after_ms (docs/scheduler.md).
// transfer: Conversation::transfer.expires_at (a transfer request not accepted in time is abandoned).
enum class TimerKind : uint8_t {
  offer, reply, disconnect_grace, chats_return, direct_route, reminder, inactivity, transfer, campaign
};
template <>
struct EnumNames<TimerKind> {
  static constexpr std::array<const char*, 9> names = {"offer",        "reply",    "disconnect_grace", "chats_return",
                                                       "direct_route", "reminder", "inactivity",       "transfer",
                                                       "campaign"};
};

// The closing reason inactivity closes with: the first (lowest id) named "inactivity" up to case and
// accents; invalid when there is none yet (the timer then creates it, with the next id).
ClosingReasonId inactivity_closing_reason(const State& state);
constexpr const char* kInactivityReasonName = "inactivity";

struct TimerKey {
  int64_t deadline = 0;
  TimerKind kind = TimerKind::offer;
  uint32_t subject = 0;  // a conversation, user, contact or campaign id, by kind

  friend bool operator<(const TimerKey& a, const TimerKey& b) {
    if (a.deadline != b.deadline) return a.deadline < b.deadline;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.subject < b.subject;
  }
  friend bool operator==(const TimerKey& a, const TimerKey& b) {
    return a.deadline == b.deadline && a.kind == b.kind && a.subject == b.subject;
  }
};

constexpr size_t kTimerKinds = 9;
static_assert(EnumNames<TimerKind>::names.size() == kTimerKinds, "one position table per timer kind");

// An indexed 4-ary min-heap of TimerKey (contiguous: a million timers stay cache-friendly) plus, per kind,
// each subject's position in it (subjects are dense entity indices, so a vector, not a hash map).
// Equality compares the scheduled timers, not the heap's layout (which depends on the order of changes).
struct TimerIndex {
  std::vector<TimerKey> heap;                               // heap[0] fires first
  std::array<std::vector<uint32_t>, kTimerKinds> position;  // [kind][subject]: heap index + 1; 0: none

  friend bool operator==(const TimerIndex& a, const TimerIndex& b);
  friend bool operator!=(const TimerIndex& a, const TimerIndex& b) { return !(a == b); }
};

constexpr int64_t kNoDeadline = std::numeric_limits<int64_t>::max();

// Schedules, moves or (deadline kNever) cancels one timer. O(log n).
void timers_set(TimerIndex& timers, TimerKind kind, uint32_t subject, int64_t deadline);
// The timer that fires first (nullptr: none). O(1).
const TimerKey* timers_front(const TimerIndex& timers);
// One timer's deadline (kNever: not scheduled). O(1).
int64_t timers_deadline(const TimerIndex& timers, TimerKind kind, uint32_t subject);
size_t timers_size(const TimerIndex& timers);
// Every scheduled timer in firing order (tests, tools). O(n log n).
std::vector<TimerKey> timers_sorted(const TimerIndex& timers);
// Re-read a subject's deadline fields after apply() changed it.
void timers_refresh_conversation(State& state, ConversationId id);
void timers_refresh_user(State& state, UserId id);
void timers_refresh_contact(State& state, ContactId id);
void timers_refresh_campaign(State& state, CampaignId id);
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

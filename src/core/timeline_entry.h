// One line of a conversation's audit timeline: what happened to the attention, who did it and when.
#pragma once
#include <cstdint>

#include "core/ids.h"
#include "core/reflect.h"

namespace inbox {

enum class TimelineKind : uint8_t {
  opened,
  reopened,
  transferred_in,
  offered,
  accepted,
  assigned,
  unassigned,
  transferred_out,
  conference_invited,
  conference_joined,
  conference_left,
  conference_ended,
  tags_changed,
  closed,
  reminder_set,
  reminder_changed,
  reminder_cancelled,
  reminder_due,
  offer_declined,
  transfer_requested,
  transfer_declined,
  transfer_abandoned,  // not accepted in time
  team_set,
};
template <>
struct EnumNames<TimelineKind> {
  static constexpr std::array<const char*, 23> names = {
      "opened", "reopened", "transferred_in", "offered", "accepted", "assigned", "unassigned",
      "transferred_out", "conference_invited", "conference_joined", "conference_left", "conference_ended",
      "tags_changed", "closed", "reminder_set", "reminder_changed", "reminder_cancelled", "reminder_due",
      "offer_declined", "transfer_requested", "transfer_declined", "transfer_abandoned", "team_set"};
};

struct TimelineEntry {
  int64_t at_ms = 0;
  UserId actor;             // none: the system (webhook, engine, timers)
  TimelineKind kind = TimelineKind::opened;
  UserId user;              // the user the entry is about (assignee, invitee...)
  TeamId team;
  ClosingReasonId closing_reason;
  ConversationId other;     // the attention this one came from or went to
  int64_t reminder_at = 0;  // reminder entries: when the reminder is (or was) due

  template <class F>
  static void fields(F&& f) {
    f("at_ms", &TimelineEntry::at_ms);
    f("actor", &TimelineEntry::actor);
    f("kind", &TimelineEntry::kind);
    f("user", &TimelineEntry::user);
    f("team", &TimelineEntry::team);
    f("closing_reason", &TimelineEntry::closing_reason);
    f("other", &TimelineEntry::other);
    f("reminder_at", &TimelineEntry::reminder_at);
  }
};

}  // namespace inbox

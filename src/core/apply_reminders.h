// apply() for reminders: set, cancelled, due. Called only by apply(); the rules are in docs/scheduler.md.
#pragma once
#include "core/events.h"
#include "core/state.h"

namespace inbox {

// Where a conversation goes when it leaves Scheduled: Open with its owner, else Pending (the queue).
ConversationStatus unscheduled_status(const Conversation& conversation);

void apply_reminder_event(State& state, const Event& event, const ReminderSet& e);
void apply_reminder_event(State& state, const Event& event, const ReminderCancelled& e);
void apply_reminder_event(State& state, const Event& event, const ReminderDue& e);

}  // namespace inbox

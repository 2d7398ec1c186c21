#include "core/apply_reminders.h"

#include "core/apply_routing.h"
#include "core/check.h"

namespace inbox {

ConversationStatus unscheduled_status(const Conversation& conversation) {
  return conversation.assignee.valid() ? ConversationStatus::open : ConversationStatus::pending;
}

void apply_reminder_event(State& state, const Event& event, const ReminderSet& e) {
  change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) {
    INBOX_ASSERT(c.status != ConversationStatus::closed, "decide() refuses reminders on closed conversations");
    c.reminder_at = e.due_at;
    c.reminder_postpone = e.postpone;
    c.overdue_since = kNever;  // a new reminder is acting on it
    c.status = ConversationStatus::scheduled;
  });
}

void apply_reminder_event(State& state, const Event& event, const ReminderCancelled& e) {
  change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) {
    INBOX_ASSERT(c.reminder_at != kNever, "decide() cancels only a reminder that is set");
    c.reminder_at = kNever;
    c.reminder_postpone = true;
    c.activity_at = event.at_ms;  // inactivity counts again from now, not from before the reminder
    if (c.status == ConversationStatus::scheduled) c.status = unscheduled_status(c);
  });
}

void apply_reminder_event(State& state, const Event& event, const ReminderDue& e) {
  change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) {
    INBOX_ASSERT(c.reminder_at == e.due_at, "reminder_due fires the conversation's reminder");
    c.reminder_at = kNever;
    c.reminder_postpone = true;
    c.overdue_since = e.due_at;
    c.activity_at = event.at_ms;
    if (c.status == ConversationStatus::scheduled) c.status = unscheduled_status(c);
  });
}

}  // namespace inbox

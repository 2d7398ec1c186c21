#include "core/decide_reminders.h"

#include <string>

#include "core/channel_rules.h"
#include "core/permissions.h"
#include "core/state.h"

namespace inbox {
namespace {

constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kHourMs = 60 * kMinuteMs;

// The conversation's owner, or anyone who acts on every conversation (the system included).
Result<const Conversation*> reminder_target(const DecideContext& c, ConversationId id) {
  Result<const Conversation*> found = open_conversation(c, id);
  if (found.ok() && !c.acts_on_any() && found.value()->assignee != c.actor) {
    return forbidden(c, "only the conversation's owner sets or cancels its reminder");
  }
  return found;
}

}  // namespace

int64_t reminder_due_at(ReminderPreset preset, int64_t due_at, int64_t now_ms) {
  switch (preset) {
    case ReminderPreset::custom: return due_at;
    case ReminderPreset::in_30_minutes: return now_ms + 30 * kMinuteMs;
    case ReminderPreset::in_1_hour: return now_ms + kHourMs;
    case ReminderPreset::in_4_hours: return now_ms + 4 * kHourMs;
    case ReminderPreset::in_24_hours: return now_ms + 24 * kHourMs;
    case ReminderPreset::in_31_hours: return now_ms + 31 * kHourMs;
  }
  return due_at;
}

Decision decide_reminder(const DecideContext& c, const SetReminder& cmd) {
  Result<const Conversation*> found = reminder_target(c, cmd.conversation);
  if (!found.ok()) return found.error();
  const Conversation& conversation = *found.value();
  if (cmd.preset != ReminderPreset::custom && cmd.due_at != 0) {
    return fail(ErrorCode::invalid_field, "A preset reminder takes no time of its own: leave due_at out.");
  }
  const int64_t due_at = reminder_due_at(cmd.preset, cmd.due_at, c.now_ms);
  if (due_at <= c.now_ms) {
    return fail(ErrorCode::invalid_field, "The reminder time has already passed: choose a time in the future.");
  }
  if (due_at - c.now_ms > kReminderAheadMaxMs) {
    return fail(ErrorCode::invalid_field, "A reminder can be at most a year ahead.");
  }
  if (conversation.reminder_at == due_at && conversation.reminder_postpone == cmd.postpone) {
    return fail(ErrorCode::no_change, "The conversation already has this reminder.");
  }
  ReminderSet set;
  set.conversation = cmd.conversation;
  set.due_at = due_at;
  set.postpone = cmd.postpone;
  set.replaces_due_at = conversation.reminder_at;
  // Past the channel's window only templates reach the customer: a reminder due then warns.
  const int64_t window_closes = reply_window_closes_at(c.state, conversation);
  if (window_closes != kNoDeadline) set.window_closes_at = window_closes;
  set.window_warning = templates_only(c.state, conversation, due_at);
  return one(c, set);
}

Decision decide_reminder(const DecideContext& c, const CancelReminder& cmd) {
  Result<const Conversation*> found = reminder_target(c, cmd.conversation);
  if (!found.ok()) return found.error();
  const int64_t due_at = found.value()->reminder_at;
  if (due_at == kNever) {
    return fail(ErrorCode::no_reminder, "Conversation " + id_text(cmd.conversation) +
                                            " has no reminder to cancel (a reminder that is due has already fired).");
  }
  return one(c, ReminderCancelled{cmd.conversation, due_at});
}

}  // namespace inbox

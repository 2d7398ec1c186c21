#include "core/decide_reminders.h"

#include <string>

#include "core/permissions.h"
#include "core/state.h"

namespace inbox {
namespace {

constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kHourMs = 60 * kMinuteMs;

Error fail(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

std::string id_text(ConversationId id) { return id.valid() ? "#" + std::to_string(id.value) : "(none)"; }

Error forbidden(const RoutingContext& c, const char* what) {
  const std::string role = c.actor_user == nullptr ? "the system" : std::string("an ") + enum_name(c.actor_user->role);
  return fail(ErrorCode::forbidden, std::string("Not allowed for ") + role + ": " + what + ".");
}

// The conversation's owner, or anyone who acts on every conversation (the system included).
Result<const Conversation*> reminder_target(const RoutingContext& c, ConversationId id) {
  const Conversation* conversation = find_conversation(*c.state, id);
  if (conversation == nullptr) {
    return fail(ErrorCode::unknown_conversation, "There is no conversation " + id_text(id) + ".");
  }
  const bool any = c.actor_user == nullptr || acts_on_any_conversation(c.actor_user->role);
  if (!any && conversation->assignee != c.actor) {
    return forbidden(c, "only the conversation's owner sets or cancels its reminder");
  }
  if (conversation->status == ConversationStatus::closed) {
    return fail(ErrorCode::conversation_closed, "Conversation " + id_text(id) + " is closed.");
  }
  return conversation;
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

Decision decide_reminder(const RoutingContext& c, const SetReminder& cmd) {
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
  // Only WhatsApp limits replies to a window: past it, only templates (and a reminder then warns).
  if (c.state->channels.at(conversation.channel.index()).kind == ChannelKind::whatsapp) {
    set.window_closes_at = window_closes_at(conversation);
    set.window_warning = set.window_closes_at == kNever || due_at >= set.window_closes_at;
  }
  return std::vector<Event>{Event{c.actor, c.now_ms, set}};
}

Decision decide_reminder(const RoutingContext& c, const CancelReminder& cmd) {
  Result<const Conversation*> found = reminder_target(c, cmd.conversation);
  if (!found.ok()) return found.error();
  const int64_t due_at = found.value()->reminder_at;
  if (due_at == kNever) {
    return fail(ErrorCode::no_reminder, "Conversation " + id_text(cmd.conversation) +
                                            " has no reminder to cancel (a reminder that is due has already fired).");
  }
  return std::vector<Event>{Event{c.actor, c.now_ms, ReminderCancelled{cmd.conversation, due_at}}};
}

}  // namespace inbox

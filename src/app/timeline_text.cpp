#include "app/timeline_text.h"

#include "app/display_text.h"
#include "app/i18n.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

std::string actor_name(const State& state, UserId actor) {
  return actor.valid() ? user_name(state, actor) : std::string(tr("The system"));
}

// A deleted team keeps its name for the history.
std::string team_name(const State& state, TeamId id) {
  return id.valid() && id.index() < state.teams.size() ? state.teams[id.index()].name : std::string();
}

std::string reason_name(const State& state, ClosingReasonId id) {
  const ClosingReason* reason = find_closing_reason(state, id);
  return reason != nullptr ? reason->name : std::string();
}

std::string transferred_text(const State& state, const TimelineEntry& e) {
  const std::string by = actor_name(state, e.actor);
  std::string text;
  if (e.user.valid() && e.user == e.actor) {
    text = format_text(tr("%s accepted the transfer"), by.c_str());
  } else if (e.user.valid()) {
    text = format_text(tr("%s transferred the conversation to %s"), by.c_str(), user_name(state, e.user).c_str());
  } else {
    text = format_text(tr("%s transferred the conversation to the team %s"), by.c_str(), team_name(state, e.team).c_str());
  }
  if (e.closing_reason.valid()) text += format_text(tr(" · reason: %s"), reason_name(state, e.closing_reason).c_str());
  return text;
}

std::string closed_text(const State& state, const TimelineEntry& e) {
  std::string text = e.actor.valid() ? format_text(tr("%s closed the conversation"), user_name(state, e.actor).c_str())
                                     : std::string(tr("The conversation was closed automatically"));
  if (e.closing_reason.valid()) text += format_text(tr(" · reason: %s"), reason_name(state, e.closing_reason).c_str());
  return text;
}

}  // namespace

std::string timeline_text(const State& state, const TimelineEntry& e, const LocalClock& clock) {
  const std::string by = actor_name(state, e.actor);
  const std::string user = user_name(state, e.user);
  const std::string when = format_date_time(e.reminder_at, clock);
  switch (e.kind) {
    case TimelineKind::opened: return tr("Conversation opened");
    case TimelineKind::reopened: return tr("The customer wrote again: conversation reopened");
    case TimelineKind::transferred_in:
      return e.user.valid() ? format_text(tr("Transferred in, to %s"), user.c_str())
                            : format_text(tr("Transferred in, waiting in the team %s"), team_name(state, e.team).c_str());
    case TimelineKind::offered: return format_text(tr("Offered to %s"), user.c_str());
    case TimelineKind::accepted: return format_text(tr("%s accepted the conversation"), user.c_str());
    case TimelineKind::assigned:
      return e.actor == e.user ? format_text(tr("%s took the conversation"), user.c_str())
                               : format_text(tr("%s assigned the conversation to %s"), by.c_str(), user.c_str());
    case TimelineKind::unassigned: return format_text(tr("%s returned the conversation to the queue"), by.c_str());
    case TimelineKind::transferred_out: return transferred_text(state, e);
    case TimelineKind::conference_invited: return format_text(tr("%s invited %s to the conference"), by.c_str(), user.c_str());
    case TimelineKind::conference_joined: return format_text(tr("%s joined the conference"), user.c_str());
    case TimelineKind::conference_left: return format_text(tr("%s left the conference"), user.c_str());
    case TimelineKind::conference_ended: return format_text(tr("%s ended the conference"), by.c_str());
    case TimelineKind::tags_changed: return format_text(tr("%s changed the tags"), by.c_str());
    case TimelineKind::closed: return closed_text(state, e);
    case TimelineKind::reminder_set: return format_text(tr("%s set a reminder for %s"), by.c_str(), when.c_str());
    case TimelineKind::reminder_changed: return format_text(tr("%s changed the reminder to %s"), by.c_str(), when.c_str());
    case TimelineKind::reminder_cancelled:
      return format_text(tr("%s cancelled the reminder for %s"), by.c_str(), when.c_str());
    case TimelineKind::reminder_due:
      return e.user.valid() ? format_text(tr("Reminder due (%s): %s notified"), when.c_str(), user.c_str())
                            : format_text(tr("Reminder due (%s): back to the queue"), when.c_str());
    case TimelineKind::offer_declined: return format_text(tr("%s declined the offer"), user.c_str());
    case TimelineKind::transfer_requested:
      return format_text(tr("%s asked %s to take the conversation over"), by.c_str(), user.c_str());
    case TimelineKind::transfer_declined: return format_text(tr("%s declined the transfer"), user.c_str());
    case TimelineKind::transfer_abandoned:
      return format_text(tr("%s did not accept the transfer in time: it was abandoned"), user.c_str());
    case TimelineKind::team_set:
      return e.team.valid() ? format_text(tr("Sent to the team %s"), team_name(state, e.team).c_str())
                            : std::string(tr("Its team was deleted: it has no team now"));
  }
  return std::string();
}

std::vector<ChatLine> chat_lines(const State& state, ConversationId conversation, size_t messages_max) {
  std::vector<ChatLine> lines;
  const Conversation* c = find_conversation(state, conversation);
  if (c == nullptr) return lines;
  const std::vector<MessageId> messages = conversation_messages(state, conversation, messages_max);
  const bool cut = messages.size() < c->message_count;  // older messages are not shown: nor are older entries
  const int64_t from_ms = cut && !messages.empty() ? state.messages[messages.front().index()].at_ms : kNever;
  size_t entry = 0;
  while (entry < c->timeline.size() && c->timeline[entry].at_ms < from_ms) ++entry;
  for (MessageId id : messages) {
    const int64_t at_ms = state.messages[id.index()].at_ms;
    for (; entry < c->timeline.size() && c->timeline[entry].at_ms <= at_ms; ++entry) lines.push_back(ChatLine{MessageId(), entry});
    lines.push_back(ChatLine{id, 0});
  }
  for (; entry < c->timeline.size(); ++entry) lines.push_back(ChatLine{MessageId(), entry});
  return lines;
}

}  // namespace inbox::ui

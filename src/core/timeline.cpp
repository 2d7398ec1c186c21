#include "core/timeline.h"

#include <algorithm>

#include "core/state.h"

namespace inbox {
namespace {

using Entry = std::optional<std::pair<ConversationId, TimelineEntry>>;

TimelineEntry base(const Event& event, TimelineKind kind) {
  TimelineEntry entry;
  entry.at_ms = event.at_ms;
  entry.actor = event.actor;
  entry.kind = kind;
  return entry;
}

Entry about_user(const Event& event, ConversationId conversation, TimelineKind kind, UserId user) {
  TimelineEntry entry = base(event, kind);
  entry.user = user;
  return std::make_pair(conversation, entry);
}

Entry entry_for(const Event& event, const ConversationOpened& e) {
  TimelineKind kind = TimelineKind::opened;
  if (e.origin == ConversationOrigin::transfer) kind = TimelineKind::transferred_in;
  if (e.origin == ConversationOrigin::inbound && e.previous.valid()) kind = TimelineKind::reopened;
  TimelineEntry entry = base(event, kind);
  entry.user = e.assignee;
  entry.team = e.team;
  entry.other = e.previous;
  return std::make_pair(e.conversation, entry);
}

Entry entry_for(const Event& event, const ConversationOffered& e) {
  return about_user(event, e.conversation, TimelineKind::offered, e.user);
}
Entry entry_for(const Event& event, const ConversationAccepted& e) {
  return about_user(event, e.conversation, TimelineKind::accepted, e.user);
}
Entry entry_for(const Event& event, const ConversationAssigned& e) {
  return about_user(event, e.conversation, e.assignee.valid() ? TimelineKind::assigned : TimelineKind::unassigned,
                    e.assignee);
}
Entry entry_for(const Event& event, const ConferenceInvited& e) {
  return about_user(event, e.conversation, TimelineKind::conference_invited, e.user);
}
Entry entry_for(const Event& event, const ConferenceJoined& e) {
  return about_user(event, e.conversation, TimelineKind::conference_joined, e.user);
}
Entry entry_for(const Event& event, const ConferenceLeft& e) {
  return about_user(event, e.conversation, TimelineKind::conference_left, e.user);
}
Entry entry_for(const Event& event, const ConferenceEnded& e) {
  return about_user(event, e.conversation, TimelineKind::conference_ended, UserId());
}
Entry entry_for(const Event& event, const ConversationTagsSet& e) {
  return about_user(event, e.conversation, TimelineKind::tags_changed, UserId());
}

Entry entry_for(const Event& event, const ConversationTransferred& e) {
  TimelineEntry entry = base(event, TimelineKind::transferred_out);
  entry.user = e.user;
  entry.team = e.team;
  entry.closing_reason = e.closing_reason;
  entry.other = e.to_conversation;
  return std::make_pair(e.conversation, entry);
}

Entry entry_for(const Event& event, const ConversationClosed& e) {
  TimelineEntry entry = base(event, TimelineKind::closed);
  entry.closing_reason = e.closing_reason;
  return std::make_pair(e.conversation, entry);
}

Entry entry_for(const Event& event, const OfferDeclined& e) {
  return about_user(event, e.conversation, TimelineKind::offer_declined, e.user);
}

Entry entry_for(const Event& event, const TransferRequested& e) {
  TimelineEntry entry = base(event, TimelineKind::transfer_requested);
  entry.user = e.user;
  entry.team = e.team;
  return std::make_pair(e.conversation, entry);
}

Entry entry_for(const Event& event, const TransferAbandoned& e) {
  return about_user(event, e.conversation,
                    e.declined ? TimelineKind::transfer_declined : TimelineKind::transfer_abandoned, e.user);
}

Entry entry_for(const Event& event, const ConversationTeamSet& e) {
  TimelineEntry entry = base(event, TimelineKind::team_set);
  entry.team = e.team;
  return std::make_pair(e.conversation, entry);
}

Entry about_reminder(const Event& event, ConversationId conversation, TimelineKind kind, int64_t reminder_at,
                     UserId user = UserId()) {
  TimelineEntry entry = base(event, kind);
  entry.user = user;
  entry.reminder_at = reminder_at;
  return std::make_pair(conversation, entry);
}

Entry entry_for(const Event& event, const ReminderSet& e) {
  const TimelineKind kind = e.replaces_due_at == kNever ? TimelineKind::reminder_set : TimelineKind::reminder_changed;
  return about_reminder(event, e.conversation, kind, e.due_at);
}
Entry entry_for(const Event& event, const ReminderCancelled& e) {
  return about_reminder(event, e.conversation, TimelineKind::reminder_cancelled, e.due_at);
}
// user: the owner it notified (none: it went to the queue).
Entry entry_for(const Event& event, const ReminderDue& e) {
  return about_reminder(event, e.conversation, TimelineKind::reminder_due, e.due_at, e.owner);
}

template <class Other>
Entry entry_for(const Event&, const Other&) {
  return std::nullopt;
}

}  // namespace

std::optional<std::pair<ConversationId, TimelineEntry>> timeline_entry(const Event& event) {
  return std::visit([&](const auto& body) { return entry_for(event, body); }, event.body);
}

std::vector<TimelineEntry> contact_history(const State& state, ConversationId newest) {
  std::vector<ConversationId> chain;
  for (ConversationId id = newest; find_conversation(state, id) != nullptr; id = state.conversations[id.index()].previous) {
    chain.push_back(id);
  }
  std::vector<TimelineEntry> entries;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const std::vector<TimelineEntry>& timeline = state.conversations[it->index()].timeline;
    entries.insert(entries.end(), timeline.begin(), timeline.end());
  }
  return entries;
}

}  // namespace inbox

#include "server-stub/sync/viewer_copy.h"

#include <algorithm>
#include <unordered_set>

#include "core/permissions.h"
#include "core/redaction.h"

namespace inbox::relay {
namespace {

bool visible(const State& state, UserId viewer, ConversationId conversation) {
  return may_view(state, viewer, state.conversations[conversation.value]);
}

// Events that name a conversation but never change who may view it.
bool keeps_views(const Event& event) {
  return std::holds_alternative<MessageAdded>(event.body) || std::holds_alternative<DeliveryUpdated>(event.body) ||
         std::holds_alternative<ConversationTagsSet>(event.body) ||
         std::holds_alternative<ConversationPrioritySet>(event.body) ||
         std::holds_alternative<ReminderSet>(event.body) || std::holds_alternative<ReminderCancelled>(event.body);
}

// Per event, whether its content goes out; empty when all of it does.
std::vector<bool> hidden_content(const State& state, UserId viewer, const std::vector<sync::SequencedEvent>& events) {
  std::vector<bool> hidden(events.size());
  bool any = false;
  for (size_t i = 0; i < events.size(); ++i) {
    const ConversationId conversation = named_conversation(events[i].event);
    if (conversation.valid() && carries_content(events[i].event) && !visible(state, viewer, conversation)) {
      hidden[i] = any = true;
    }
  }
  if (!any) hidden.clear();
  return hidden;
}

}  // namespace

ViewerCopy copy_of(const State& state, UserId viewer) {
  ViewerCopy copy{viewer, copy_is_redacted(state, viewer), {}};
  if (!copy.redacted) return copy;
  copy.lacks_content.resize(state.conversations.size());
  for (size_t i = 0; i < state.conversations.size(); ++i) {
    copy.lacks_content[i] = !may_view(state, viewer, state.conversations[i]);
  }
  return copy;
}

Delivery plan_delivery(ViewerCopy& copy, const State& state, const std::vector<sync::SequencedEvent>& events,
                       size_t conversations_before) {
  Delivery delivery;
  if (!copy.redacted) return delivery;
  copy.lacks_content.resize(state.conversations.size(), false);
  const auto shown = [&](ConversationId conversation) {
    return conversation.valid() && conversation.value < conversations_before &&
           copy.lacks_content[conversation.value] && visible(state, copy.viewer, conversation);
  };
  const bool every_view = std::any_of(events.begin(), events.end(),
                                      [](const sync::SequencedEvent& e) { return changes_every_view(e.event); });
  for (uint32_t i = 0; every_view && i < conversations_before && !delivery.resync; ++i) {
    delivery.resync = shown(ConversationId(i));
  }
  for (size_t i = 0; !every_view && i < events.size() && !delivery.resync; ++i) {
    delivery.resync = shown(named_conversation(events[i].event));
  }
  if (delivery.resync) return delivery;  // the caller sends a snapshot and takes the copy it leaves
  delivery.without_content = hidden_content(state, copy.viewer, events);
  for (size_t i = 0; i < delivery.without_content.size(); ++i) {
    if (delivery.without_content[i]) copy.lacks_content[named_conversation(events[i].event).value] = true;
  }
  return delivery;
}

Delivery resume_delivery(const State& state, UserId viewer, const std::vector<sync::SequencedEvent>& missed) {
  Delivery delivery;
  if (!copy_is_redacted(state, viewer)) return delivery;
  std::unordered_set<uint32_t> opened;  // new while the session was away: it lacked nothing of them
  for (const sync::SequencedEvent& missed_event : missed) {
    const Event& event = missed_event.event;
    if (changes_every_view(event)) {
      delivery.resync = true;
      return delivery;
    }
    const ConversationId conversation = named_conversation(event);
    if (!conversation.valid() || keeps_views(event) || opened.count(conversation.value) > 0) continue;
    if (std::holds_alternative<ConversationOpened>(event.body)) {
      opened.insert(conversation.value);
    } else if (visible(state, viewer, conversation)) {
      delivery.resync = true;
      return delivery;
    }
  }
  delivery.without_content = hidden_content(state, viewer, missed);
  return delivery;
}

std::vector<sync::SequencedEvent> delivered_events(const std::vector<sync::SequencedEvent>& events,
                                                   const std::vector<bool>& hidden) {
  if (hidden.empty()) return events;
  std::vector<sync::SequencedEvent> delivered;
  delivered.reserve(events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    delivered.push_back({events[i].seq, hidden[i] ? without_content(events[i].event) : events[i].event});
  }
  return delivered;
}

}  // namespace inbox::relay

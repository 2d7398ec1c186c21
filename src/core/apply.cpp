#include "core/apply.h"

#include <algorithm>
#include <utility>

#include "core/apply_reminders.h"
#include "core/apply_routing.h"
#include "core/campaigns.h"
#include "core/check.h"
#include "core/timeline.h"

namespace inbox {
namespace {

template <class T, class Tag>
T& at(std::vector<T>& items, Id<Tag> id) {
  INBOX_ASSERT(id.valid() && id.index() < items.size(), "events only name entities that exist: decide() checks");
  return items[id.index()];
}

template <class T, class Tag>
void append(std::vector<T>& items, Id<Tag> id, T item) {
  INBOX_ASSERT(id.index() == items.size(), "a new entity's id is the next index: decide() numbers them");
  items.push_back(std::move(item));
}

void end_attention(State& state, ConversationId id, int64_t at_ms, ClosingReasonId reason) {
  ContactId contact;
  change_conversation(state, id, at_ms, [&](Conversation& c) {
    INBOX_ASSERT(c.status != ConversationStatus::closed, "decide() refuses to close a closed conversation");
    c.status = ConversationStatus::closed;
    c.closed_at = at_ms;
    c.closing_reason = reason;
    c.offered_to = UserId();
    c.offered_at = kNever;
    c.offer_expires_at = kNever;
    c.conference.clear();
    c.reminder_at = kNever;  // a reminder ends with its attention
    c.reminder_postpone = true;
    c.overdue_since = kNever;
    c.transfer = TransferRequest{};  // a waiting transfer request ends with its attention
    contact = c.contact;
  });
  Contact& owner = at(state.contacts, contact);
  INBOX_ASSERT(owner.active_conversation == id, "the contact's active conversation is the one being closed");
  owner.active_conversation = ConversationId();
}

void set_assignee(Conversation& c, UserId assignee) {
  c.assignee = assignee;
  if (assignee.valid()) c.declined_by = UserId();
  c.offered_to = UserId();
  c.offered_at = kNever;
  c.offer_expires_at = kNever;
  if (assignee.valid() && c.status == ConversationStatus::pending) c.status = ConversationStatus::open;
  if (!assignee.valid() && c.status == ConversationStatus::open) c.status = ConversationStatus::pending;
}

uint32_t add_referral(State& state, const std::optional<Referral>& referral) {
  if (!referral) return kNoIndex;
  state.referrals.push_back(*referral);
  return static_cast<uint32_t>(state.referrals.size() - 1);
}

struct Applier {
  State& state;
  const Event& event;

  void operator()(const SettingsUpdated& e) {
    const bool switched = state.settings.automatic_assignment != e.settings.automatic_assignment;
    const bool inactivity = state.settings.inactivity_close_after_ms != e.settings.inactivity_close_after_ms;
    state.settings = e.settings;
    if (switched) routing_refresh_all(state);
    // Every active conversation's inactivity deadline moves: O(n log t), on a rare administrative change.
    if (inactivity) {
      for (size_t i = 0; i < state.conversations.size(); ++i) {
        timers_refresh_conversation(state, ConversationId(static_cast<uint32_t>(i)));
      }
    }
  }

  void operator()(const UserCreated& e) {
    User user;
    user.name = e.name;
    user.email = e.email;
    user.role = e.role;
    append(state.users, e.user, std::move(user));
    views_add_user(state.views);
    routing_add_user(state);
  }

  void operator()(const UserStatusChanged& e) {
    User& user = at(state.users, e.user);
    user.status = e.status;
    user.status_changed_at = event.at_ms;
    routing_refresh_user(state, e.user);
  }

  void operator()(const TeamCreated& e) {
    Team team;
    team.name = e.name;
    append(state.teams, e.team, std::move(team));
    routing_add_team(state);
  }

  void operator()(const TeamRenamed& e) { at(state.teams, e.team).name = e.name; }

  void operator()(const TeamDeleted& e) {
    Team& team = at(state.teams, e.team);
    team.deleted = true;
    const std::vector<UserId> old_members = std::exchange(team.members, {});
    routing_set_members(state, e.team, old_members);
  }

  void operator()(const TeamMembersSet& e) {
    const std::vector<UserId> old_members = std::exchange(at(state.teams, e.team).members, e.members);
    routing_set_members(state, e.team, old_members);
  }

  void operator()(const ChannelCreated& e) {
    Channel channel;
    channel.kind = e.kind;
    channel.name = e.name;
    channel.address = e.address;
    append(state.channels, e.channel, std::move(channel));
  }
  void operator()(const ClosingReasonCreated& e) {
    append(state.closing_reasons, e.closing_reason, ClosingReason{e.name});
  }

  void operator()(const TemplateCreated& e) { state.templates.push_back(e.message_template); }

  void operator()(const TagCreated& e) {
    append(state.tags, e.tag, Tag{e.name});
    views_add_tag(state.views, state.tags.back(), e.tag);
  }

  void operator()(const ContactCreated& e) {
    Contact contact;
    contact.name = e.name;
    contact.phone = e.phone;
    contact.email = e.email;
    contact.identities = e.identities;
    append(state.contacts, e.contact, std::move(contact));
    views_set_contact(state, state.views, nullptr, state.contacts.back(), e.contact);
  }

  void operator()(const ContactUpdated& e) {
    Contact& contact = at(state.contacts, e.contact);
    const Contact before = contact;
    contact.name = e.name;
    contact.phone = e.phone;
    contact.email = e.email;
    views_set_contact(state, state.views, &before, contact, e.contact);
  }

  void operator()(const ContactPropertySet& e) {
    std::vector<Property>& properties = at(state.contacts, e.contact).properties;
    const auto found =
        std::find_if(properties.begin(), properties.end(), [&](const Property& p) { return p.key == e.key; });
    if (e.value.empty()) {
      if (found != properties.end()) properties.erase(found);
    } else if (found != properties.end()) {
      found->value = e.value;
    } else {
      properties.push_back(Property{e.key, e.value});
    }
  }

  void operator()(const ContactTagsSet& e) { at(state.contacts, e.contact).tags = e.tags; }

  void operator()(const ConversationOpened& e) {
    Contact& contact = at(state.contacts, e.contact);
    INBOX_ASSERT(!contact.active_conversation.valid(), "one active conversation per contact: decide() checks");
    Conversation conversation;
    conversation.contact = e.contact;
    conversation.channel = e.channel;
    conversation.team = e.team;
    conversation.assignee = e.assignee;
    conversation.previous = e.previous;
    conversation.status = e.assignee.valid() ? ConversationStatus::open : ConversationStatus::pending;
    conversation.origin = e.origin;
    conversation.awaiting_reply = e.awaiting_reply;
    conversation.referral = add_referral(state, e.referral);
    conversation.opened_at = event.at_ms;
    conversation.activity_at = event.at_ms;
    conversation.customer_last_message_at = e.customer_last_message_at;
    conversation.last_message_at = e.last_message_at;
    conversation.tags = e.tags;
    // Room for "opened" and the first assignment (or offer): one allocation for the usual start of a chat,
    // none in the engine's decision.
    if (!e.assignee.valid()) conversation.timeline.reserve(2);
    append(state.conversations, e.conversation, std::move(conversation));
    contact.active_conversation = e.conversation;
    contact.last_conversation = e.conversation;
    views_insert_conversation(state.views, view_key(state.conversations.back()), e.conversation);
    routing_conversation_changed(state, e.conversation, RoutingSlot{}, event.at_ms);
  }

  void operator()(const ConversationOffered& e) {
    const int64_t timeout_ms = offer_timeout_ms(state, at(state.conversations, e.conversation).team);
    change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) {
      c.offered_to = e.user;
      c.offered_at = event.at_ms;
      c.offer_expires_at = event.at_ms + timeout_ms;
    });
  }

  void operator()(const ConversationAccepted& e) {
    change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) { set_assignee(c, e.user); });
  }

  void operator()(const ConversationAssigned& e) {
    change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) { set_assignee(c, e.assignee); });
  }

  void operator()(const MessageAdded& e) {
    Message message;
    message.at_ms = event.at_ms;
    message.conversation = e.conversation;
    message.author = event.actor;
    message.text_begin = static_cast<uint32_t>(state.message_text.size());
    INBOX_ASSERT(e.text.size() <= 0xFFFF, "decide() bounds a message to 4096 code points");
    message.text_size = static_cast<uint16_t>(e.text.size());
    message.kind = e.kind;
    if (e.template_) message.form = MessageForm::template_;
    else if (!e.media.url.empty()) message.form = MessageForm::media;
    if (message.form != MessageForm::text) {
      message.extra = static_cast<uint32_t>(state.message_extras.size());
      state.message_extras.push_back(MessageExtra{e.media, e.template_ ? *e.template_ : Template{}});
    }
    Conversation& conversation = at(state.conversations, e.conversation);
    message.previous = conversation.last_message;
    conversation.last_message = e.message;
    ++conversation.message_count;
    append(state.messages, e.message, message);
    state.message_delivery.push_back(e.kind == MessageKind::outbound ? DeliveryStatus::sent : DeliveryStatus::none);
    state.message_text += e.text;
    views_add_message(state.views, e.text);
    if (!e.provider_id.empty()) add_provider_id(e.message, e.provider_id);

    if (e.kind == MessageKind::note && conversation.overdue_since != kNever) {
      change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) { c.overdue_since = kNever; });
    }
    if (e.kind != MessageKind::inbound && e.kind != MessageKind::outbound) return;
    change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) {
      c.last_message_at = event.at_ms;
      c.activity_at = event.at_ms;
      if (e.kind == MessageKind::outbound) c.overdue_since = kNever;  // a reply acts on an overdue reminder
      // Postpone off: the customer brings it back to Open at once; the reminder stays.
      if (e.kind == MessageKind::inbound && c.status == ConversationStatus::scheduled && !c.reminder_postpone) {
        c.status = unscheduled_status(c);
      }
      c.awaiting_reply = e.kind == MessageKind::inbound;
      if (e.kind == MessageKind::inbound) c.customer_last_message_at = event.at_ms;
      if (e.referral) c.referral = add_referral(state, e.referral);
    });
  }

  void operator()(const ConversationTransferred& e) {
    end_attention(state, e.conversation, event.at_ms, e.closing_reason);
    at(state.conversations, e.conversation).next = e.to_conversation;
  }

  void operator()(const ConferenceInvited& e) {
    at(state.conversations, e.conversation).conference.push_back(Participant{e.user, false});
  }

  void operator()(const ConferenceJoined& e) {
    for (Participant& p : at(state.conversations, e.conversation).conference) {
      if (p.user == e.user) p.joined = true;
    }
  }

  void operator()(const ConferenceLeft& e) {
    std::vector<Participant>& conference = at(state.conversations, e.conversation).conference;
    conference.erase(std::remove_if(conference.begin(), conference.end(),
                                    [&](const Participant& p) { return p.user == e.user; }),
                     conference.end());
  }

  void operator()(const ConferenceEnded& e) { at(state.conversations, e.conversation).conference.clear(); }

  void operator()(const ConversationClosed& e) {
    end_attention(state, e.conversation, event.at_ms, e.closing_reason);
  }

  void operator()(const ConversationTagsSet& e) { at(state.conversations, e.conversation).tags = e.tags; }

  void operator()(const TransferRequested& e) {
    const int64_t timeout_ms = offer_timeout_ms(state, e.team);
    change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) {
      c.transfer = TransferRequest{e.user, event.actor, e.team, e.closing_reason, event.at_ms, event.at_ms + timeout_ms};
    });
  }

  void operator()(const TransferAbandoned& e) {
    change_conversation(state, e.conversation, event.at_ms, [&](Conversation& c) {
      INBOX_ASSERT(c.transfer.to == e.user, "a transfer request is abandoned by the agent it was made to");
      c.transfer = TransferRequest{};
    });
  }

  void operator()(const ReminderSet& e) { apply_reminder_event(state, event, e); }
  void operator()(const ReminderCancelled& e) { apply_reminder_event(state, event, e); }
  void operator()(const ReminderDue& e) { apply_reminder_event(state, event, e); }
  void operator()(const DeliveryUpdated& e) {
    state.message_delivery.at(e.message.index()) = e.status;
    if (!e.provider_id.empty()) add_provider_id(e.message, e.provider_id);
  }
  void add_provider_id(MessageId message, const std::string& id) {
    state.provider_ids.push_back(ProviderRef{message, id});
    views_add_provider_id(state, state.views, state.provider_ids.back());
  }
  void operator()(const CampaignScheduled& e) { apply_campaign_event(state, event, e); }
  void operator()(const CampaignSent& e) { apply_campaign_event(state, event, e); }
  void operator()(const CampaignCancelled& e) { apply_campaign_event(state, event, e); }

  // The assignment engine's events: apply_routing.cpp.
  template <class E>
  void operator()(const E& e) {
    apply_routing_event(state, event, e);
  }
};

}  // namespace

void apply(State& state, const Event& event) {
  std::visit(Applier{state, event}, event.body);
  if (event.actor.valid()) {
    at(state.users, event.actor).last_activity_at = event.at_ms;
    routing_refresh_user(state, event.actor);  // activity resets the idle time least busy breaks ties with
  }
  state.clock_ms = std::max(state.clock_ms, event.at_ms);
  if (auto entry = timeline_entry(event)) at(state.conversations, entry->first).timeline.push_back(entry->second);
}

void apply_all(State& state, const std::vector<Event>& events) {
  for (const Event& event : events) apply(state, event);
}

}  // namespace inbox

#include "core/decide.h"

#include "core/decide_context.h"

#include <algorithm>
#include <string>

#include "core/assignment.h"
#include "core/channel_rules.h"
#include "core/check.h"
#include "core/decide_campaigns.h"
#include "core/decide_reminders.h"
#include "core/decide_routing.h"
#include "core/limits.h"
#include "core/message_templates.h"
#include "core/offers.h"
#include "core/permissions.h"
#include "core/text.h"
#include "core/validate.h"

namespace inbox {
namespace {

Result<const Contact*> contact_for(const DecideContext& c, ContactId id) {
  const Contact* contact = find_contact(c.state, id);
  if (contact == nullptr) return unknown_contact(id);
  return contact;
}

// Resolves tag names to ids, appending tag_created events for new names; refuses a change to nothing.
Result<std::vector<TagId>> resolve_tags(const DecideContext& c, const std::vector<std::string>& names,
                                        const std::vector<TagId>& current, TagMode mode, Events& out) {
  std::vector<TagId> tags = mode == TagMode::add ? current : std::vector<TagId>();
  std::vector<std::string> created;
  for (const std::string& name : names) {
    if (auto error = check_name(name, "tag")) return *error;
    TagId tag;
    const auto found = c.state.views.tag_by_name.find(name);
    if (found != c.state.views.tag_by_name.end()) {
      tag = found->second;
    } else {
      const auto earlier = std::find(created.begin(), created.end(), name);
      tag = TagId(static_cast<uint32_t>(c.state.tags.size() + (earlier - created.begin())));
      if (earlier == created.end()) {
        if (auto error = check_room(c.state.tags.size() + created.size(), kTagsMax, "tags")) return *error;
        created.push_back(name);
        out.push_back(c.event(TagCreated{tag, name}));
      }
    }
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  }
  if (tags.size() > kTagsPerTargetMax) {
    return fail(ErrorCode::limit_reached, "At most " + std::to_string(kTagsPerTargetMax) + " tags per item.");
  }
  if (tags == current) return fail(ErrorCode::no_change, "The tags are already these.");
  return tags;
}

// tag_created for new names, then the target's whole tag list (TagsSet: contact_ or conversation_tags_set).
template <class TagsSet, class TargetId>
Decision tag_decision(const DecideContext& c, TargetId target, const std::vector<TagId>& current,
                      const std::vector<std::string>& names, TagMode mode) {
  Events events;
  Result<std::vector<TagId>> tags = resolve_tags(c, names, current, mode, events);
  if (!tags.ok()) return tags.error();
  events.push_back(c.event(TagsSet{target, tags.value()}));
  return events;
}

const Participant* participant(const Conversation& conversation, UserId user) {
  for (const Participant& p : conversation.conference) {
    if (p.user == user) return &p;
  }
  return nullptr;
}

// The owner of the conversation (or anyone who acts on every conversation) runs its conference.
std::optional<Error> require_owner(const DecideContext& c, const Conversation& conversation, const char* what) {
  if (c.acts_on_any() || conversation.assignee == c.actor) return std::nullopt;
  return forbidden(c, what);
}

ContactId contact_by_key(const State& state, const std::string& key) {
  const auto found = state.views.contact_by_identity.find(key);
  return found == state.views.contact_by_identity.end() ? ContactId() : found->second;
}

std::optional<Error> check_phone_free(const State& state, const std::string& phone, ContactId self) {
  if (phone.empty()) return std::nullopt;
  const ContactId owner = contact_by_key(state, identity_key_for_phone(phone));
  if (!owner.valid() || owner == self) return std::nullopt;
  return fail(ErrorCode::duplicate_phone, "Contact " + id_text(owner) + " already has the phone " + phone + ".");
}

ConversationOpened opening(const DecideContext& c, ContactId contact_id, ChannelId channel, ConversationOrigin origin) {
  ConversationOpened opened;
  opened.conversation = ConversationId(static_cast<uint32_t>(c.state.conversations.size()));
  opened.contact = contact_id;
  opened.channel = channel;
  opened.origin = origin;
  const Contact* contact = find_contact(c.state, contact_id);
  if (contact != nullptr) opened.previous = contact->last_conversation;
  return opened;
}

// Names people pick from a list must not differ only by case or accents.
// A deleted team's name is free again; `self` (a rename) may keep its own.
bool retired(const Team& team) { return team.deleted; }
template <class T>
bool retired(const T&) { return false; }

template <class T>
std::optional<Error> check_unique_name(const std::vector<T>& items, const std::string& name, const char* what,
                                       const T* self = nullptr) {
  const std::string folded = fold_for_search(name);
  for (const T& item : items) {
    if (&item == self || retired(item)) continue;
    if (fold_for_search(item.name) == folded) {
      return fail(ErrorCode::duplicate_name, std::string("There is already a ") + what + " '" + item.name + "'.");
    }
  }
  return std::nullopt;
}

// A conversation_team_set into `team` for every open conversation `moves` picks: the way out when a team is
// deleted or a default team appears. O(conversations), on a rare administrative change.
template <class Moves>
void move_to_team(const DecideContext& c, TeamId team, Moves moves, Events& out) {
  for (size_t i = 0; i < c.state.conversations.size(); ++i) {
    const Conversation& conversation = c.state.conversations[i];
    if (conversation.status == ConversationStatus::closed || !moves(conversation)) continue;
    out.push_back(c.event(ConversationTeamSet{ConversationId(static_cast<uint32_t>(i)), team}));
  }
}

// Closing and transferring end an attention: with a reason from the list, required when the workspace says so.
std::optional<Error> check_closing_reason(const DecideContext& c, ClosingReasonId reason) {
  if (reason.valid() && find_closing_reason(c.state, reason) == nullptr) {
    return not_found(ErrorCode::unknown_closing_reason, "closing reason", reason);
  }
  if (!reason.valid() && c.state.settings.closing_reason_required) {
    return fail(ErrorCode::closing_reason_required, "Choose a closing reason: this workspace requires one.");
  }
  return std::nullopt;
}

// --- workspace ---

Decision on(const DecideContext& c, const UpdateSettings& cmd) {
  if (auto error = require_manager(c, "change the workspace settings")) return *error;
  if (!cmd.settings.name.empty()) {
    if (auto error = check_name(cmd.settings.name, "workspace")) return *error;
  }
  if (cmd.settings.inactivity_close_after_ms < 0) {
    return fail(ErrorCode::invalid_field, "The inactivity period cannot be negative.");
  }
  const TeamId default_team = cmd.settings.default_team;
  if (default_team.valid() && find_team(c.state, default_team) == nullptr) return unknown_team(default_team);
  if (cmd.settings == c.state.settings) return fail(ErrorCode::no_change, "The settings are already these.");
  Events events{c.event(SettingsUpdated{cmd.settings})};
  // Every chat has a way out: the ones already waiting with no team join the new default team's queue.
  if (default_team.valid() && default_team != c.state.settings.default_team) {
    move_to_team(c, default_team, [](const Conversation& x) { return !x.team.valid() && !x.assignee.valid(); }, events);
  }
  return events;
}

Decision on(const DecideContext& c, const CreateUser& cmd) {
  if (auto error = require_manager(c, "add users")) return *error;
  if (cmd.role == Role::administrator && !c.is_system() && c.actor_user->role != Role::administrator) {
    return forbidden(c, "only an administrator adds administrators");
  }
  if (auto error = check_name(cmd.name, "user")) return *error;
  if (auto error = check_email(cmd.email)) return *error;
  for (const User& user : c.state.users) {
    if (!cmd.email.empty() && same_email(user.email, cmd.email)) {
      return fail(ErrorCode::duplicate_email, "Another user already has the email " + cmd.email + ".");
    }
  }
  if (auto error = check_room(c.state.users.size(), kUsersMax, "users")) return *error;
  return one(c, UserCreated{UserId(static_cast<uint32_t>(c.state.users.size())), cmd.name, cmd.email, cmd.role});
}

Decision on(const DecideContext& c, const SetUserStatus& cmd) {
  const User* user = find_user(c.state, cmd.user);
  if (user == nullptr) return unknown_user(cmd.user);
  const bool self = cmd.user == c.actor;
  if (cmd.status == UserStatus::rona && !c.is_system()) {
    return forbidden(c, "only the system sets RONA, when an offer times out");
  }
  if (user->status == UserStatus::rona && !self && cmd.status != UserStatus::rona) {
    return forbidden(c, "only the agent in RONA can set themselves back");
  }
  if (!self && !c.manages()) return forbidden(c, "change another user's status");
  if (user->status == cmd.status) return fail(ErrorCode::no_change, "The status is already this.");
  return one(c, UserStatusChanged{cmd.user, cmd.status});
}

Decision on(const DecideContext& c, const CreateTeam& cmd) {
  if (auto error = require_manager(c, "create teams")) return *error;
  if (auto error = check_name(cmd.name, "team")) return *error;
  if (auto error = check_unique_name(c.state.teams, cmd.name, "team")) return *error;
  if (auto error = check_room(c.state.teams.size(), kTeamsMax, "teams")) return *error;
  return one(c, TeamCreated{TeamId(static_cast<uint32_t>(c.state.teams.size())), cmd.name});
}

Decision on(const DecideContext& c, const UpdateTeam& cmd) {
  if (auto error = require_manager(c, "rename teams")) return *error;
  const Team* team = find_team(c.state, cmd.team);
  if (team == nullptr) return unknown_team(cmd.team);
  if (auto error = check_name(cmd.name, "team")) return *error;
  if (team->name == cmd.name) return fail(ErrorCode::no_change, "The team already has this name.");
  if (auto error = check_unique_name(c.state.teams, cmd.name, "team", team)) return *error;
  return one(c, TeamRenamed{cmd.team, cmd.name});
}

// Every chat has a way out: the team's open chats go to the default team, its channels to none (then the
// default team too).
Decision on(const DecideContext& c, const DeleteTeam& cmd) {
  if (auto error = require_manager(c, "delete teams")) return *error;
  if (find_team(c.state, cmd.team) == nullptr) return unknown_team(cmd.team);
  if (c.state.settings.default_team == cmd.team) {
    return fail(ErrorCode::invalid_field, "This is the workspace's default team: choose another default team first.");
  }
  Events events;
  for (size_t i = 0; i < c.state.channels.size(); ++i) {
    if (c.state.channels[i].team == cmd.team) {
      events.push_back(c.event(ChannelTeamSet{ChannelId(static_cast<uint32_t>(i)), TeamId()}));
    }
  }
  move_to_team(c, c.state.settings.default_team, [&](const Conversation& x) { return x.team == cmd.team; }, events);
  events.push_back(c.event(TeamDeleted{cmd.team}));
  return events;
}

Decision on(const DecideContext& c, const SetTeamMembers& cmd) {
  if (auto error = require_manager(c, "change team members")) return *error;
  const Team* team = find_team(c.state, cmd.team);
  if (team == nullptr) return unknown_team(cmd.team);
  if (cmd.members.size() > kTeamMembersMax) {
    return fail(ErrorCode::limit_reached, "A team has at most " + std::to_string(kTeamMembersMax) + " members.");
  }
  for (size_t i = 0; i < cmd.members.size(); ++i) {
    if (find_user(c.state, cmd.members[i]) == nullptr) return unknown_user(cmd.members[i]);
    if (std::find(cmd.members.begin(), cmd.members.begin() + i, cmd.members[i]) != cmd.members.begin() + i) {
      return fail(ErrorCode::invalid_field, "User " + id_text(cmd.members[i]) + " is listed twice.");
    }
  }
  if (cmd.members == team->members) return fail(ErrorCode::no_change, "The team already has these members.");
  return one(c, TeamMembersSet{cmd.team, cmd.members});
}

Decision on(const DecideContext& c, const CreateChannel& cmd) {
  if (auto error = require_manager(c, "add channels")) return *error;
  if (auto error = check_name(cmd.name, "channel")) return *error;
  if (auto error = check_field(cmd.address, "channel address")) return *error;
  if (auto error = check_room(c.state.channels.size(), kChannelsMax, "channels")) return *error;
  return one(c, ChannelCreated{ChannelId(static_cast<uint32_t>(c.state.channels.size())), cmd.kind, cmd.name,
                               cmd.address});
}

Decision on(const DecideContext& c, const CreateClosingReason& cmd) {
  if (auto error = require_manager(c, "edit closing reasons")) return *error;
  if (auto error = check_name(cmd.name, "closing reason")) return *error;
  if (auto error = check_unique_name(c.state.closing_reasons, cmd.name, "closing reason")) return *error;
  if (auto error = check_room(c.state.closing_reasons.size(), kClosingReasonsMax, "closing reasons")) return *error;
  return one(c, ClosingReasonCreated{ClosingReasonId(static_cast<uint32_t>(c.state.closing_reasons.size())),
                                     cmd.name});
}

Decision on(const DecideContext& c, const CreateTemplate& cmd) {
  if (auto error = require_manager(c, "edit message templates")) return *error;
  if (auto error = check_name(cmd.name, "template")) return *error;
  if (auto error = check_field(cmd.language, "template language")) return *error;
  if (auto error = check_message_text(c.state, cmd.body, false)) return *error;
  if (utf8_code_points(cmd.body).value_or(0) > kTemplateBodyCodePointsMax) {
    return fail(ErrorCode::message_too_long,
                "A template's body has at most " + std::to_string(kTemplateBodyCodePointsMax) + " characters.");
  }
  Result<uint32_t> params = template_placeholders(cmd.body);
  if (!params.ok()) return params.error();
  if (find_template(c.state, cmd.name, cmd.language) != nullptr) {
    return fail(ErrorCode::duplicate_name, "There is already a template '" + cmd.name + "' in '" + cmd.language + "'.");
  }
  if (auto error = check_room(c.state.templates.size(), kTemplatesMax, "templates")) return *error;
  return one(c, TemplateCreated{MessageTemplate{cmd.name, cmd.language, cmd.body, params.value()}});
}

// --- contacts ---

Decision on(const DecideContext& c, const CreateContact& cmd) {
  if (auto error = check_name(cmd.name, "contact")) return *error;
  if (auto error = check_email(cmd.email)) return *error;
  Result<std::string> phone = normalize_phone(cmd.phone);
  if (!phone.ok()) return phone.error();
  if (auto error = check_phone_free(c.state, phone.value(), ContactId())) return *error;
  if (auto error = check_room(c.state.contacts.size(), kContactsMax, "contacts")) return *error;
  return one(c, ContactCreated{ContactId(static_cast<uint32_t>(c.state.contacts.size())), cmd.name, phone.value(),
                               cmd.email, {}});
}

Decision on(const DecideContext& c, const UpdateContact& cmd) {
  Result<const Contact*> contact = contact_for(c, cmd.contact);
  if (!contact.ok()) return contact.error();
  if (auto error = check_name(cmd.name, "contact")) return *error;
  if (auto error = check_email(cmd.email)) return *error;
  Result<std::string> phone = normalize_phone(cmd.phone);
  if (!phone.ok()) return phone.error();
  if (auto error = check_phone_free(c.state, phone.value(), cmd.contact)) return *error;
  const Contact& before = *contact.value();
  if (before.name == cmd.name && before.phone == phone.value() && before.email == cmd.email) {
    return fail(ErrorCode::no_change, "The contact already has these details.");
  }
  return one(c, ContactUpdated{cmd.contact, cmd.name, phone.value(), cmd.email});
}

Decision on(const DecideContext& c, const SetContactProperty& cmd) {
  Result<const Contact*> contact = contact_for(c, cmd.contact);
  if (!contact.ok()) return contact.error();
  if (auto error = check_name(cmd.key, "property")) return *error;
  if (auto error = check_field(cmd.value, "property value")) return *error;
  const std::vector<Property>& properties = contact.value()->properties;
  const auto found = std::find_if(properties.begin(), properties.end(),
                                  [&](const Property& p) { return p.key == cmd.key; });
  const std::string current = found == properties.end() ? std::string() : found->value;
  if (current == cmd.value) return fail(ErrorCode::no_change, "The property already has this value.");
  if (found == properties.end()) {
    if (auto error = check_room(properties.size(), kPropertiesPerContactMax, "properties on a contact")) {
      return *error;
    }
  }
  return one(c, ContactPropertySet{cmd.contact, cmd.key, cmd.value});
}

Decision on(const DecideContext& c, const TagContact& cmd) {
  Result<const Contact*> contact = contact_for(c, cmd.contact);
  if (!contact.ok()) return contact.error();
  return tag_decision<ContactTagsSet>(c, cmd.contact, contact.value()->tags, cmd.tags, cmd.mode);
}

// --- conversations ---

Decision on(const DecideContext& c, const ReceiveMessage& cmd) {
  if (!c.is_system()) return forbidden(c, "customer messages come only from the channel");
  const Channel* channel = find_channel(c.state, cmd.channel);
  if (channel == nullptr) return unknown_channel(cmd.channel);
  if (cmd.from.empty()) return fail(ErrorCode::invalid_field, "An inbound message needs the sender's address.");
  if (auto error = check_field(cmd.from, "sender address")) return *error;
  std::string address = cmd.from;
  const bool by_phone = channel_traits(channel->kind).addressed_by_phone;
  if (by_phone) {
    Result<std::string> phone = normalize_phone(cmd.from);
    if (!phone.ok()) return phone.error();
    address = phone.value();
  }
  if (auto error = check_message_text(c.state, cmd.text, !cmd.media.url.empty())) return *error;
  if (auto error = check_media(cmd.media)) return *error;
  if (cmd.referral) {
    if (auto error = check_referral(*cmd.referral)) return *error;
  }
  if (!cmd.profile_name.empty()) {
    if (auto error = check_name(cmd.profile_name, "contact")) return *error;
  }
  if (!cmd.provider_id.empty()) {
    if (auto error = check_field(cmd.provider_id, "provider message id")) return *error;
    // Providers retry webhooks for days: the same message twice is a retry, not a new message.
    if (message_by_provider_id(c.state, cmd.channel, cmd.provider_id).valid()) {
      return fail(ErrorCode::no_change, "The message " + cmd.provider_id + " was received already.");
    }
  }

  Events events;
  ContactId contact_id = contact_by_key(c.state, identity_key(c.state, cmd.channel, address));
  if (!contact_id.valid()) {
    if (auto error = check_room(c.state.contacts.size(), kContactsMax, "contacts")) return *error;
    contact_id = ContactId(static_cast<uint32_t>(c.state.contacts.size()));
    const std::string phone = by_phone ? address : std::string();
    const std::string name = cmd.profile_name.empty() ? address.substr(0, kNameBytesMax) : cmd.profile_name;
    events.push_back(c.event(ContactCreated{contact_id, name, phone, {}, {ChannelIdentity{cmd.channel, address}}}));
  }
  const Contact* contact = find_contact(c.state, contact_id);
  ConversationId conversation = contact != nullptr ? contact->active_conversation : ConversationId();
  if (!conversation.valid()) {
    if (auto error = check_room(c.state.conversations.size(), kConversationsMax, "conversations")) return *error;
    ConversationOpened opened = opening(c, contact_id, cmd.channel, ConversationOrigin::inbound);
    conversation = opened.conversation;
    // The channel's team, or a campaign's rule; a named agent takes it over every other rule.
    const InboundRoute route = inbound_route(c.state, contact, cmd.channel, c.now_ms);
    opened.team = route.team;
    if (route.agent.valid()) {
      opened.assignee = route.agent;
      events.push_back(c.event(AssignmentExplained{direct_routing_explanation(c.state, conversation, route)}));
    }
    events.push_back(c.event(std::move(opened)));
  }
  MessageAdded message;
  message.conversation = conversation;
  message.message = MessageId(static_cast<uint32_t>(c.state.messages.size()));
  message.kind = MessageKind::inbound;
  message.text = cmd.text;
  message.media = cmd.media;
  message.referral = cmd.referral;
  message.provider_id = cmd.provider_id;
  events.push_back(c.event(std::move(message)));
  return events;
}

std::optional<Error> check_reachable(const Contact& contact, const Channel& channel, ChannelId channel_id) {
  if (channel_traits(channel.kind).addressed_by_phone && !contact.phone.empty()) return std::nullopt;
  for (const ChannelIdentity& identity : contact.identities) {
    if (identity.channel == channel_id) return std::nullopt;
  }
  return fail(ErrorCode::no_channel_identity,
              "The contact has no address on the channel '" + channel.name + "' to write to.");
}

Decision on(const DecideContext& c, const StartConversation& cmd) {
  Result<const Contact*> contact = contact_for(c, cmd.contact);
  if (!contact.ok()) return contact.error();
  const Channel* channel = find_channel(c.state, cmd.channel);
  if (channel == nullptr) return unknown_channel(cmd.channel);
  if (contact.value()->active_conversation.valid()) {
    return fail(ErrorCode::active_conversation_exists,
                "The contact already has an active conversation (" +
                    id_text(contact.value()->active_conversation) + "); only one per contact.");
  }
  if (auto error = check_reachable(*contact.value(), *channel, cmd.channel)) return *error;
  if (auto error = check_template(cmd.template_)) return *error;
  Result<std::string> text = approved_template_text(c.state, cmd.template_);
  if (!text.ok()) return text.error();
  if (auto error = check_message_text(c.state, text.value(), true)) return *error;
  if (auto error = check_room(c.state.conversations.size(), kConversationsMax, "conversations")) return *error;
  ConversationOpened opened = opening(c, cmd.contact, cmd.channel, ConversationOrigin::outbound);
  opened.assignee = c.actor;
  MessageAdded message;
  message.conversation = opened.conversation;
  message.message = MessageId(static_cast<uint32_t>(c.state.messages.size()));
  message.kind = MessageKind::outbound;
  message.text = std::move(text).value();
  message.template_ = cmd.template_;
  return Events{c.event(std::move(opened)), c.event(std::move(message))};
}

Decision on(const DecideContext& c, const OfferConversation& cmd) {
  if (!c.acts_on_any()) return forbidden(c, "offer conversations to others");
  Result<const Conversation*> conversation = conversation_for(c, cmd.conversation, false);
  if (!conversation.ok()) return conversation.error();
  if (find_user(c.state, cmd.user) == nullptr) return unknown_user(cmd.user);
  if (conversation.value()->assignee == cmd.user || conversation.value()->offered_to == cmd.user) {
    return fail(ErrorCode::no_change, "The conversation is already with that user.");
  }
  if (auto error = require_available(c.state, cmd.user, "offers")) return *error;
  return one(c, ConversationOffered{cmd.conversation, cmd.user});
}

// Ends the attention and opens the target's: the window, the pending state, the referral and the tags go on.
Decision transfer_events(const DecideContext& c, const Conversation& conversation, ConversationId id, TeamId team,
                         UserId user, ClosingReasonId closing_reason) {
  if (auto error = check_room(c.state.conversations.size(), kConversationsMax, "conversations")) return *error;
  ConversationOpened opened = opening(c, conversation.contact, conversation.channel, ConversationOrigin::transfer);
  INBOX_ASSERT(opened.previous == id, "the active conversation must be its contact's newest");
  opened.team = team;
  opened.assignee = user;
  opened.customer_last_message_at = conversation.customer_last_message_at;
  opened.last_message_at = conversation.last_message_at;
  opened.awaiting_reply = conversation.awaiting_reply;
  if (const Referral* referral = conversation_referral(c.state, id)) opened.referral = *referral;
  opened.tags = conversation.tags;
  ConversationTransferred transferred{id, opened.conversation, team, user, closing_reason};
  return Events{c.event(transferred), c.event(std::move(opened))};
}

// The open conversation offered to the actor (an offer or a transfer request to them), or why not.
Result<const Conversation*> offered_to_actor(const DecideContext& c, ConversationId id, const char* what) {
  if (c.is_system()) return forbidden(c, what);
  Result<const Conversation*> found = open_conversation(c, id);
  if (!found.ok()) return found;
  const Conversation& conversation = *found.value();
  if (!is_transfer_request(conversation, c.actor) && conversation.offered_to != c.actor) {
    return fail(ErrorCode::not_offered, "Conversation " + id_text(id) + " is not offered to you.");
  }
  return found;
}

// A transfer request is answered first when both are open (offers.h lists it so too).
Decision on(const DecideContext& c, const AcceptConversation& cmd) {
  Result<const Conversation*> found = offered_to_actor(c, cmd.conversation, "accepting is for the offered agent");
  if (!found.ok()) return found.error();
  const Conversation& conversation = *found.value();
  if (!is_transfer_request(conversation, c.actor)) return one(c, ConversationAccepted{cmd.conversation, c.actor});
  const TransferRequest& request = conversation.transfer;
  return transfer_events(c, conversation, cmd.conversation, request.team, c.actor, request.closing_reason);
}

Decision on(const DecideContext& c, const DeclineConversation& cmd) {
  Result<const Conversation*> found = offered_to_actor(c, cmd.conversation, "declining is for the offered agent");
  if (!found.ok()) return found.error();
  if (is_transfer_request(*found.value(), c.actor)) return one(c, TransferAbandoned{cmd.conversation, c.actor, true});
  return one(c, OfferDeclined{cmd.conversation, c.actor});
}

Decision on(const DecideContext& c, const AssignConversation& cmd) {
  Result<const Conversation*> found = conversation_for(c, cmd.conversation, false);
  if (!found.ok()) return found.error();
  const Conversation& conversation = *found.value();
  if (cmd.assignee.valid() && find_user(c.state, cmd.assignee) == nullptr) return unknown_user(cmd.assignee);
  if (!c.acts_on_any()) {
    const bool pick_up = cmd.assignee == c.actor && !conversation.assignee.valid();
    const bool give_back = !cmd.assignee.valid() && conversation.assignee == c.actor;
    if (!pick_up && !give_back) return forbidden(c, "assign conversations to others");
  }
  if (conversation.assignee == cmd.assignee) {
    return fail(ErrorCode::no_change, "The conversation is already assigned that way.");
  }
  return one(c, ConversationAssigned{cmd.conversation, cmd.assignee});
}

Decision on(const DecideContext& c, const SendMessage& cmd) {
  Result<const Conversation*> found = conversation_for(c, cmd.conversation, false);
  if (!found.ok()) return found.error();
  const Conversation& conversation = *found.value();
  std::string text = cmd.text;
  if (cmd.template_) {
    if (!cmd.text.empty() || !cmd.media.url.empty()) {
      return fail(ErrorCode::invalid_field, "A template carries its text in its parameters, not in text or media.");
    }
    if (auto error = check_template(*cmd.template_)) return *error;
    Result<std::string> rendered = approved_template_text(c.state, *cmd.template_);
    if (!rendered.ok()) return rendered.error();
    text = std::move(rendered).value();
  } else {
    if (auto error = check_media(cmd.media)) return *error;
  }
  if (auto error = check_message_text(c.state, text, cmd.template_ || !cmd.media.url.empty())) return *error;
  if (!cmd.template_ && templates_only(c.state, conversation, c.now_ms)) {
    return fail(ErrorCode::outside_whatsapp_window,
                conversation.customer_last_message_at == kNever
                    ? "The customer has not written yet: only a template can be sent on WhatsApp."
                    : "The customer last wrote more than 24 hours ago: only a template can be sent on WhatsApp.");
  }
  MessageAdded message;
  message.conversation = cmd.conversation;
  message.message = MessageId(static_cast<uint32_t>(c.state.messages.size()));
  message.kind = MessageKind::outbound;
  message.text = std::move(text);
  message.media = cmd.media;
  message.template_ = cmd.template_;
  return one(c, std::move(message));
}

Decision add_line(const DecideContext& c, ConversationId id, const std::string& text, MessageKind kind) {
  Result<const Conversation*> found = conversation_for(c, id, true);
  if (!found.ok()) return found.error();
  if (auto error = check_message_text(c.state, text, false)) return *error;
  MessageAdded message;
  message.conversation = id;
  message.message = MessageId(static_cast<uint32_t>(c.state.messages.size()));
  message.kind = kind;
  message.text = text;
  return one(c, std::move(message));
}

Decision on(const DecideContext& c, const AddNote& cmd) { return add_line(c, cmd.conversation, cmd.text, MessageKind::note); }

Decision on(const DecideContext& c, const AddSystemLine& cmd) {
  if (!c.is_system()) return forbidden(c, "system lines come only from the system");
  return add_line(c, cmd.conversation, cmd.text, MessageKind::system);
}

// To a team: at once, it waits in the team's queue. To an agent: a request they accept or decline (unless
// the actor transfers to themselves).
Decision on(const DecideContext& c, const TransferConversation& cmd) {
  Result<const Conversation*> found = conversation_for(c, cmd.conversation, false);
  if (!found.ok()) return found.error();
  const Conversation& conversation = *found.value();
  if (!cmd.team.valid() && !cmd.user.valid()) {
    return fail(ErrorCode::invalid_field, "A transfer needs a team or an agent to go to.");
  }
  const Team* team = nullptr;
  if (cmd.team.valid()) {
    team = find_team(c.state, cmd.team);
    if (team == nullptr) return unknown_team(cmd.team);
  }
  if (cmd.user.valid() && find_user(c.state, cmd.user) == nullptr) return unknown_user(cmd.user);
  if (team != nullptr && cmd.user.valid() && !in_team(*team, cmd.user)) {
    return fail(ErrorCode::not_a_team_member,
                "User " + id_text(cmd.user) + " is not a member of the team '" + team->name + "'.");
  }
  if (auto error = check_closing_reason(c, cmd.closing_reason)) return *error;
  const TeamId target_team = cmd.team.valid() ? cmd.team : conversation.team;
  if (cmd.user == conversation.assignee && target_team == conversation.team) {
    return fail(ErrorCode::no_change, "The conversation is already there.");
  }
  if (!cmd.user.valid() || cmd.user == c.actor) {
    return transfer_events(c, conversation, cmd.conversation, target_team, cmd.user, cmd.closing_reason);
  }
  if (conversation.transfer.to.valid()) {
    return fail(ErrorCode::transfer_pending, "A transfer to " + c.state.users[conversation.transfer.to.index()].name +
                                                 " is already waiting for them to accept.");
  }
  if (auto error = require_available(c.state, cmd.user, "transfer requests")) return *error;
  return one(c, TransferRequested{cmd.conversation, target_team, cmd.user, cmd.closing_reason});
}

Decision on(const DecideContext& c, const InviteToConference& cmd) {
  Result<const Conversation*> found = conversation_for(c, cmd.conversation, false);
  if (!found.ok()) return found.error();
  const Conversation& conversation = *found.value();
  if (auto error = require_owner(c, conversation, "only the conversation's owner invites to a conference")) {
    return *error;
  }
  if (find_user(c.state, cmd.user) == nullptr) return unknown_user(cmd.user);
  if (cmd.user == conversation.assignee || participant(conversation, cmd.user) != nullptr) {
    return fail(ErrorCode::already_in_conference, "User " + id_text(cmd.user) + " is already in this conversation.");
  }
  // The agent desktop's "Solicitud de conferencia" is a request like an offer: only to an available agent.
  if (auto error = require_available(c.state, cmd.user, "conference requests")) return *error;
  if (conversation.conference.size() >= kConferenceParticipantsMax) {
    return fail(ErrorCode::limit_reached,
                "A conference has at most " + std::to_string(kConferenceParticipantsMax) + " invited agents.");
  }
  return one(c, ConferenceInvited{cmd.conversation, cmd.user});
}

// Join and leave are the invitee's own acts, checked against the invitation rather than the assignee.
Result<const Conversation*> conference_of(const DecideContext& c, ConversationId id) {
  if (c.is_system()) return forbidden(c, "joining and leaving a conference is for the invited agent");
  return open_conversation(c, id);
}

Decision on(const DecideContext& c, const JoinConference& cmd) {
  Result<const Conversation*> found = conference_of(c, cmd.conversation);
  if (!found.ok()) return found.error();
  const Participant* p = participant(*found.value(), c.actor);
  if (p == nullptr) return fail(ErrorCode::not_invited, "You are not invited to this conference.");
  if (p->joined) return fail(ErrorCode::already_in_conference, "You are already in this conference.");
  return one(c, ConferenceJoined{cmd.conversation, c.actor});
}

Decision on(const DecideContext& c, const LeaveConference& cmd) {
  Result<const Conversation*> found = conference_of(c, cmd.conversation);
  if (!found.ok()) return found.error();
  if (participant(*found.value(), c.actor) == nullptr) {
    return fail(ErrorCode::not_in_conference, "You are not in this conference.");
  }
  return one(c, ConferenceLeft{cmd.conversation, c.actor});
}

Decision on(const DecideContext& c, const EndConference& cmd) {
  Result<const Conversation*> found = conversation_for(c, cmd.conversation, false);
  if (!found.ok()) return found.error();
  if (auto error = require_owner(c, *found.value(), "only the conversation's owner ends the conference")) {
    return *error;
  }
  if (found.value()->conference.empty()) {
    return fail(ErrorCode::not_in_conference, "There is no conference on this conversation.");
  }
  return one(c, ConferenceEnded{cmd.conversation});
}

Decision on(const DecideContext& c, const CloseConversation& cmd) {
  Result<const Conversation*> found = conversation_for(c, cmd.conversation, false);
  if (!found.ok()) return found.error();
  if (auto error = check_closing_reason(c, cmd.closing_reason)) return *error;
  return one(c, ConversationClosed{cmd.conversation, cmd.closing_reason});
}

Decision on(const DecideContext& c, const TagConversation& cmd) {
  Result<const Conversation*> found = conversation_for(c, cmd.conversation, true);
  if (!found.ok()) return found.error();
  return tag_decision<ConversationTagsSet>(c, cmd.conversation, found.value()->tags, cmd.tags, cmd.mode);
}

// The assignment engine's commands: decide_routing.cpp.
template <class T>
auto on(const DecideContext& c, const T& cmd) -> decltype(decide_routing(c, cmd)) {
  return decide_routing(c, cmd);
}

// Campaigns: decide_campaigns.cpp.
template <class T>
auto on(const DecideContext& c, const T& cmd) -> decltype(decide_campaign(c, cmd)) {
  return decide_campaign(c, cmd);
}

// Reminders: decide_reminders.cpp.
template <class T>
auto on(const DecideContext& c, const T& cmd) -> decltype(decide_reminder(c, cmd)) {
  return decide_reminder(c, cmd);
}

Decision on(const DecideContext& c, const UpdateDelivery& cmd) {
  if (!c.is_system()) return forbidden(c, "report a message's delivery (the channel does)");
  if (!cmd.provider_id.empty()) {
    if (auto error = check_field(cmd.provider_id, "provider message id")) return *error;
  }
  const bool by_provider_id = !cmd.message.valid() && !cmd.provider_id.empty();
  const MessageId id = by_provider_id ? message_by_provider_id(c.state, cmd.channel, cmd.provider_id) : cmd.message;
  if (!id.valid() || id.index() >= c.state.messages.size()) {
    const std::string name = by_provider_id ? cmd.provider_id : id_text(cmd.message);
    return fail(ErrorCode::unknown_message, "There is no message " + name + ".");
  }
  const Message& message = c.state.messages[id.index()];
  if (message.kind != MessageKind::outbound) {
    return fail(ErrorCode::invalid_field, "Only messages sent to a customer have a delivery state.");
  }
  const DeliveryStatus now = c.state.message_delivery[id.index()];
  if (!by_provider_id && !cmd.provider_id.empty()) {
    if (cmd.status != DeliveryStatus::sent) {
      return fail(ErrorCode::invalid_field, "A provider id is recorded with the status sent.");
    }
    const ChannelId channel = c.state.conversations[message.conversation.index()].channel;
    if (message_by_provider_id(c.state, channel, cmd.provider_id).valid()) {
      return fail(ErrorCode::no_change, "The provider id " + cmd.provider_id + " is recorded already.");
    }
    return one(c, DeliveryUpdated{message.conversation, id, now, cmd.provider_id});
  }
  if (cmd.status == DeliveryStatus::none || cmd.status == DeliveryStatus::sent) {
    return fail(ErrorCode::invalid_field, "A delivery report says delivered, read or failed.");
  }
  // Reports arrive out of order: a late "delivered" after "read" changes nothing, and failed is final.
  if (now == DeliveryStatus::failed || (cmd.status != DeliveryStatus::failed && cmd.status <= now)) {
    return fail(ErrorCode::no_change, std::string("The message is already ") + enum_name(now) + ".");
  }
  return one(c, DeliveryUpdated{message.conversation, id, cmd.status, {}});
}

}  // namespace

Decision decide(const State& state, const Command& command, int64_t now_ms) {
  const User* actor_user = nullptr;
  if (command.actor.valid()) {
    actor_user = find_user(state, command.actor);
    if (actor_user == nullptr) {
      return fail(ErrorCode::unknown_actor, "The acting user " + id_text(command.actor) + " does not exist.");
    }
  }
  const DecideContext context{state, command.actor, actor_user, now_ms};
  return std::visit([&](const auto& body) { return on(context, body); }, command.body);
}

}  // namespace inbox

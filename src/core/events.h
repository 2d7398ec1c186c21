// What happened: plain structs in one variant. Events carry every id they create and every value
// apply() needs, so applying them is deterministic and needs no lookups beyond the state.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/ids.h"
#include "core/campaign_model.h"
#include "core/model.h"
#include "core/reflect.h"

namespace inbox {

struct SettingsUpdated {
  static constexpr const char* kType = "settings_updated";
  Settings settings;
  template <class F>
  static void fields(F&& f) { f("settings", &SettingsUpdated::settings); }
};

struct UserCreated {
  static constexpr const char* kType = "user_created";
  UserId user;
  std::string name;
  std::string email;
  Role role = Role::agent;
  template <class F>
  static void fields(F&& f) {
    f("user", &UserCreated::user);
    f("name", &UserCreated::name);
    f("email", &UserCreated::email);
    f("role", &UserCreated::role);
  }
};

struct UserStatusChanged {
  static constexpr const char* kType = "user_status_changed";
  UserId user;
  UserStatus status = UserStatus::available;
  template <class F>
  static void fields(F&& f) {
    f("user", &UserStatusChanged::user);
    f("status", &UserStatusChanged::status);
  }
};

struct TeamCreated {
  static constexpr const char* kType = "team_created";
  TeamId team;
  std::string name;
  template <class F>
  static void fields(F&& f) {
    f("team", &TeamCreated::team);
    f("name", &TeamCreated::name);
  }
};

struct TeamMembersSet {
  static constexpr const char* kType = "team_members_set";
  TeamId team;
  std::vector<UserId> members;
  template <class F>
  static void fields(F&& f) {
    f("team", &TeamMembersSet::team);
    f("members", &TeamMembersSet::members);
  }
};

struct ChannelCreated {
  static constexpr const char* kType = "channel_created";
  ChannelId channel;
  ChannelKind kind = ChannelKind::whatsapp;
  std::string name;
  std::string address;
  template <class F>
  static void fields(F&& f) {
    f("channel", &ChannelCreated::channel);
    f("kind", &ChannelCreated::kind);
    f("name", &ChannelCreated::name);
    f("address", &ChannelCreated::address);
  }
};

struct ClosingReasonCreated {
  static constexpr const char* kType = "closing_reason_created";
  ClosingReasonId closing_reason;
  std::string name;
  template <class F>
  static void fields(F&& f) {
    f("closing_reason", &ClosingReasonCreated::closing_reason);
    f("name", &ClosingReasonCreated::name);
  }
};

struct TemplateCreated {
  static constexpr const char* kType = "template_created";
  MessageTemplate message_template;
  template <class F>
  static void fields(F&& f) { f("template", &TemplateCreated::message_template); }
};

struct TagCreated {
  static constexpr const char* kType = "tag_created";
  TagId tag;
  std::string name;
  template <class F>
  static void fields(F&& f) {
    f("tag", &TagCreated::tag);
    f("name", &TagCreated::name);
  }
};

struct ContactCreated {
  static constexpr const char* kType = "contact_created";
  ContactId contact;
  std::string name;
  std::string phone;
  std::string email;
  std::vector<ChannelIdentity> identities;
  template <class F>
  static void fields(F&& f) {
    f("contact", &ContactCreated::contact);
    f("name", &ContactCreated::name);
    f("phone", &ContactCreated::phone);
    f("email", &ContactCreated::email);
    f("identities", &ContactCreated::identities);
  }
};

struct ContactUpdated {
  static constexpr const char* kType = "contact_updated";
  ContactId contact;
  std::string name;
  std::string phone;
  std::string email;
  template <class F>
  static void fields(F&& f) {
    f("contact", &ContactUpdated::contact);
    f("name", &ContactUpdated::name);
    f("phone", &ContactUpdated::phone);
    f("email", &ContactUpdated::email);
  }
};

struct ContactPropertySet {
  static constexpr const char* kType = "contact_property_set";
  ContactId contact;
  std::string key;
  std::string value;
  template <class F>
  static void fields(F&& f) {
    f("contact", &ContactPropertySet::contact);
    f("key", &ContactPropertySet::key);
    f("value", &ContactPropertySet::value);
  }
};

struct ContactTagsSet {
  static constexpr const char* kType = "contact_tags_set";
  ContactId contact;
  std::vector<TagId> tags;
  template <class F>
  static void fields(F&& f) {
    f("contact", &ContactTagsSet::contact);
    f("tags", &ContactTagsSet::tags);
  }
};

// A new attention. For a transfer it carries on what the customer sees as one chat: the window, the
// pending state, the referral card and the tags.
struct ConversationOpened {
  static constexpr const char* kType = "conversation_opened";
  ConversationId conversation;
  ContactId contact;
  ChannelId channel;
  TeamId team;
  UserId assignee;  // none: Pending in Unassigned
  ConversationOrigin origin = ConversationOrigin::inbound;
  ConversationId previous;
  int64_t customer_last_message_at = kNever;
  int64_t last_message_at = kNever;
  bool awaiting_reply = false;
  std::optional<Referral> referral;
  std::vector<TagId> tags;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConversationOpened::conversation);
    f("contact", &ConversationOpened::contact);
    f("channel", &ConversationOpened::channel);
    f("team", &ConversationOpened::team);
    f("assignee", &ConversationOpened::assignee);
    f("origin", &ConversationOpened::origin);
    f("previous", &ConversationOpened::previous);
    f("customer_last_message_at", &ConversationOpened::customer_last_message_at);
    f("last_message_at", &ConversationOpened::last_message_at);
    f("awaiting_reply", &ConversationOpened::awaiting_reply);
    f("referral", &ConversationOpened::referral);
    f("tags", &ConversationOpened::tags);
  }
};

struct ConversationOffered {
  static constexpr const char* kType = "conversation_offered";
  ConversationId conversation;
  UserId user;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConversationOffered::conversation);
    f("user", &ConversationOffered::user);
  }
};

struct ConversationAccepted {
  static constexpr const char* kType = "conversation_accepted";
  ConversationId conversation;
  UserId user;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConversationAccepted::conversation);
    f("user", &ConversationAccepted::user);
  }
};

struct ConversationAssigned {
  static constexpr const char* kType = "conversation_assigned";
  ConversationId conversation;
  UserId assignee;  // none: unassigned
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConversationAssigned::conversation);
    f("assignee", &ConversationAssigned::assignee);
  }
};

// One event for every message kind, so message storage is written once.
struct MessageAdded {
  static constexpr const char* kType = "message_added";
  ConversationId conversation;
  MessageId message;
  MessageKind kind = MessageKind::inbound;
  std::string text;
  Media media;
  std::optional<Template> template_;
  std::optional<Referral> referral;  // inbound from a Click-to-WhatsApp ad
  std::string provider_id;           // inbound: the provider's id of the message (WhatsApp: wamid)
  template <class F>
  static void fields(F&& f) {
    f("conversation", &MessageAdded::conversation);
    f("message", &MessageAdded::message);
    f("kind", &MessageAdded::kind);
    f("text", &MessageAdded::text);
    f("media", &MessageAdded::media);
    f("template", &MessageAdded::template_);
    f("referral", &MessageAdded::referral);
    f("provider_id", &MessageAdded::provider_id);
  }
};

// Closes this attention; the conversation_opened that follows starts the target's.
struct ConversationTransferred {
  static constexpr const char* kType = "conversation_transferred";
  ConversationId conversation;
  ConversationId to_conversation;
  TeamId team;
  UserId user;
  ClosingReasonId closing_reason;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConversationTransferred::conversation);
    f("to_conversation", &ConversationTransferred::to_conversation);
    f("team", &ConversationTransferred::team);
    f("user", &ConversationTransferred::user);
    f("closing_reason", &ConversationTransferred::closing_reason);
  }
};

struct ConferenceInvited {
  static constexpr const char* kType = "conference_invited";
  ConversationId conversation;
  UserId user;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConferenceInvited::conversation);
    f("user", &ConferenceInvited::user);
  }
};

struct ConferenceJoined {
  static constexpr const char* kType = "conference_joined";
  ConversationId conversation;
  UserId user;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConferenceJoined::conversation);
    f("user", &ConferenceJoined::user);
  }
};

struct ConferenceLeft {
  static constexpr const char* kType = "conference_left";
  ConversationId conversation;
  UserId user;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConferenceLeft::conversation);
    f("user", &ConferenceLeft::user);
  }
};

struct ConferenceEnded {
  static constexpr const char* kType = "conference_ended";
  ConversationId conversation;
  template <class F>
  static void fields(F&& f) { f("conversation", &ConferenceEnded::conversation); }
};

struct ConversationClosed {
  static constexpr const char* kType = "conversation_closed";
  ConversationId conversation;
  ClosingReasonId closing_reason;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConversationClosed::conversation);
    f("closing_reason", &ConversationClosed::closing_reason);
  }
};

struct ConversationTagsSet {
  static constexpr const char* kType = "conversation_tags_set";
  ConversationId conversation;
  std::vector<TagId> tags;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConversationTagsSet::conversation);
    f("tags", &ConversationTagsSet::tags);
  }
};

// --- assignment engine (docs/assignment.md) ---

struct AssignmentSettingsUpdated {
  static constexpr const char* kType = "assignment_settings_updated";
  AssignmentSettings settings;
  template <class F>
  static void fields(F&& f) { f("settings", &AssignmentSettingsUpdated::settings); }
};

struct TeamRoutingSet {
  static constexpr const char* kType = "team_routing_set";
  TeamId team;
  TeamRouting routing;
  template <class F>
  static void fields(F&& f) {
    f("team", &TeamRoutingSet::team);
    f("routing", &TeamRoutingSet::routing);
  }
};

struct UserCapacitySet {
  static constexpr const char* kType = "user_capacity_set";
  UserId user;
  uint32_t capacity_max = 0;
  template <class F>
  static void fields(F&& f) {
    f("user", &UserCapacitySet::user);
    f("capacity_max", &UserCapacitySet::capacity_max);
  }
};

struct ChannelTeamSet {
  static constexpr const char* kType = "channel_team_set";
  ChannelId channel;
  TeamId team;
  template <class F>
  static void fields(F&& f) {
    f("channel", &ChannelTeamSet::channel);
    f("team", &ChannelTeamSet::team);
  }
};

struct ConversationPrioritySet {
  static constexpr const char* kType = "conversation_priority_set";
  ConversationId conversation;
  uint32_t priority = 0;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConversationPrioritySet::conversation);
    f("priority", &ConversationPrioritySet::priority);
  }
};

// Sets each contact's routing rule (DirectRoute) until at_ms + 24 h; a newer campaign replaces it.
// campaign: a new id for one sent now, or the scheduled one going out (the system, at its send time).
struct CampaignSent {
  static constexpr const char* kType = "campaign_sent";
  ChannelId channel;
  std::vector<ContactId> contacts;
  Template template_;
  TeamId team;
  UserId agent;
  CampaignId campaign;
  template <class F>
  static void fields(F&& f) {
    f("channel", &CampaignSent::channel);
    f("contacts", &CampaignSent::contacts);
    f("template", &CampaignSent::template_);
    f("team", &CampaignSent::team);
    f("agent", &CampaignSent::agent);
    f("campaign", &CampaignSent::campaign);
  }
};

// A campaign to go out at send_at (its timer sends it then, as a campaign_sent).
struct CampaignScheduled {
  static constexpr const char* kType = "campaign_scheduled";
  CampaignId campaign;
  ChannelId channel;
  std::vector<ContactId> contacts;
  Template template_;
  TeamId team;
  UserId agent;
  int64_t send_at = 0;
  template <class F>
  static void fields(F&& f) {
    f("campaign", &CampaignScheduled::campaign);
    f("channel", &CampaignScheduled::channel);
    f("contacts", &CampaignScheduled::contacts);
    f("template", &CampaignScheduled::template_);
    f("team", &CampaignScheduled::team);
    f("agent", &CampaignScheduled::agent);
    f("send_at", &CampaignScheduled::send_at);
  }
};

// A scheduled campaign that will not go out: cancelled by a user, or by the system at its send time.
struct CampaignCancelled {
  static constexpr const char* kType = "campaign_cancelled";
  CampaignId campaign;
  CampaignCancel reason = CampaignCancel::by_user;
  template <class F>
  static void fields(F&& f) {
    f("campaign", &CampaignCancelled::campaign);
    f("reason", &CampaignCancelled::reason);
  }
};

struct DirectRouteExpired {
  static constexpr const char* kType = "direct_route_expired";
  ContactId contact;
  template <class F>
  static void fields(F&& f) { f("contact", &DirectRouteExpired::contact); }
};

// Disconnect starts the grace and return timers (from the assignment settings); connect cancels them.
struct UserConnectionChanged {
  static constexpr const char* kType = "user_connection_changed";
  UserId user;
  bool connected = true;
  template <class F>
  static void fields(F&& f) {
    f("user", &UserConnectionChanged::user);
    f("connected", &UserConnectionChanged::connected);
  }
};

// The grace period of a disconnected user ended (a user_status_changed to unavailable goes with it).
struct DisconnectGraceEnded {
  static constexpr const char* kType = "disconnect_grace_ended";
  UserId user;
  template <class F>
  static void fields(F&& f) { f("user", &DisconnectGraceEnded::user); }
};

// Follows the conversation_assigned (to none) of each open chat of a user still disconnected.
struct ChatsReturned {
  static constexpr const char* kType = "chats_returned";
  UserId user;
  template <class F>
  static void fields(F&& f) { f("user", &ChatsReturned::user); }
};

// Precedes the conversation_offered / conversation_assigned it explains.
struct AssignmentExplained {
  static constexpr const char* kType = "assignment_explained";
  Explanation explanation;
  template <class F>
  static void fields(F&& f) { f("explanation", &AssignmentExplained::explanation); }
};

// Nobody accepted in time: the offer is withdrawn and the conversation waits again (the user goes to RONA).
struct OfferExpired {
  static constexpr const char* kType = "offer_expired";
  ConversationId conversation;
  UserId user;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &OfferExpired::conversation);
    f("user", &OfferExpired::user);
  }
};

// The agent declined the offer: withdrawn without RONA; the engine asks someone else first (declined_by).
struct OfferDeclined {
  static constexpr const char* kType = "offer_declined";
  ConversationId conversation;
  UserId user;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &OfferDeclined::conversation);
    f("user", &OfferDeclined::user);
  }
};

// A transfer to an agent waits for their accept (the chat stays where it is meanwhile). Accepted: the
// conversation_transferred and conversation_opened of a transfer follow, by the agent.
struct TransferRequested {
  static constexpr const char* kType = "transfer_requested";
  ConversationId conversation;
  TeamId team;  // the new attention's team
  UserId user;
  ClosingReasonId closing_reason;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &TransferRequested::conversation);
    f("team", &TransferRequested::team);
    f("user", &TransferRequested::user);
    f("closing_reason", &TransferRequested::closing_reason);
  }
};

// The agent declined the transfer (declined) or let its time run out (the system): nothing moves.
struct TransferAbandoned {
  static constexpr const char* kType = "transfer_abandoned";
  ConversationId conversation;
  UserId user;
  bool declined = false;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &TransferAbandoned::conversation);
    f("user", &TransferAbandoned::user);
    f("declined", &TransferAbandoned::declined);
  }
};

// A waiting chat with no team joins a team's queue (the workspace's default team was set).
struct ConversationTeamSet {
  static constexpr const char* kType = "conversation_team_set";
  ConversationId conversation;
  TeamId team;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ConversationTeamSet::conversation);
    f("team", &ConversationTeamSet::team);
  }
};

struct TeamRenamed {
  static constexpr const char* kType = "team_renamed";
  TeamId team;
  std::string name;
  template <class F>
  static void fields(F&& f) {
    f("team", &TeamRenamed::team);
    f("name", &TeamRenamed::name);
  }
};

// After the conversation_team_set and channel_team_set that moved its chats and channels away. The team stays
// in the state (history names it) but lookups no longer find it, and it has no members.
struct TeamDeleted {
  static constexpr const char* kType = "team_deleted";
  TeamId team;
  template <class F>
  static void fields(F&& f) { f("team", &TeamDeleted::team); }
};

// --- reminders and inactivity (docs/scheduler.md) ---

// The conversation's reminder (new or changed): it is Scheduled until due_at. window_warning: on WhatsApp,
// the reminder fires after the 24-hour window closes (window_closes_at; kNever: never opened), so only
// templates will be possible then; the UI shows it when the reminder is set. replaces_due_at: the
// reminder this one changes (kNever: there was none), so the timeline says "changed".
struct ReminderSet {
  static constexpr const char* kType = "reminder_set";
  ConversationId conversation;
  int64_t due_at = 0;
  bool postpone = true;
  int64_t window_closes_at = kNever;
  bool window_warning = false;
  int64_t replaces_due_at = kNever;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ReminderSet::conversation);
    f("due_at", &ReminderSet::due_at);
    f("postpone", &ReminderSet::postpone);
    f("window_closes_at", &ReminderSet::window_closes_at);
    f("window_warning", &ReminderSet::window_warning);
    f("replaces_due_at", &ReminderSet::replaces_due_at);
  }
};

// due_at: the reminder that no longer fires (for the timeline).
struct ReminderCancelled {
  static constexpr const char* kType = "reminder_cancelled";
  ConversationId conversation;
  int64_t due_at = kNever;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ReminderCancelled::conversation);
    f("due_at", &ReminderCancelled::due_at);
  }
};

// The reminder is due (system): back to Open, overdue since due_at, and `owner` is notified (none: it went
// to the queue, preceded by a conversation_assigned to none when its owner had left the team).
struct ReminderDue {
  static constexpr const char* kType = "reminder_due";
  ConversationId conversation;
  UserId owner;
  int64_t due_at = 0;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &ReminderDue::conversation);
    f("owner", &ReminderDue::owner);
    f("due_at", &ReminderDue::due_at);
  }
};

struct DeliveryUpdated {
  static constexpr const char* kType = "delivery_updated";
  ConversationId conversation;
  MessageId message;
  DeliveryStatus status = DeliveryStatus::delivered;
  std::string provider_id;  // non-empty: the provider's id of the message, learnt now
  template <class F>
  static void fields(F&& f) {
    f("conversation", &DeliveryUpdated::conversation);
    f("message", &DeliveryUpdated::message);
    f("status", &DeliveryUpdated::status);
    f("provider_id", &DeliveryUpdated::provider_id);
  }
};

using EventBody =
    std::variant<SettingsUpdated, UserCreated, UserStatusChanged, TeamCreated, TeamMembersSet, ChannelCreated,
                 ClosingReasonCreated, TemplateCreated, TagCreated, ContactCreated, ContactUpdated, ContactPropertySet,
                 ContactTagsSet, ConversationOpened, ConversationOffered, ConversationAccepted,
                 ConversationAssigned, MessageAdded, ConversationTransferred, ConferenceInvited, ConferenceJoined,
                 ConferenceLeft, ConferenceEnded, ConversationClosed, ConversationTagsSet, AssignmentSettingsUpdated,
                 TeamRoutingSet, UserCapacitySet, ChannelTeamSet, ConversationPrioritySet, CampaignSent,
                 DirectRouteExpired, UserConnectionChanged, DisconnectGraceEnded, ChatsReturned,
                 AssignmentExplained, OfferExpired, ReminderSet, ReminderCancelled, ReminderDue, DeliveryUpdated,
                 OfferDeclined, TransferRequested, TransferAbandoned, ConversationTeamSet, TeamRenamed,
                 TeamDeleted, CampaignScheduled, CampaignCancelled>;

// Every event is an audit record: who (none: the system) and when.
struct Event {
  UserId actor;
  int64_t at_ms = 0;
  EventBody body;
};

inline bool operator==(const Event& a, const Event& b) {
  return a.actor == b.actor && a.at_ms == b.at_ms && a.body == b.body;
}
inline bool operator!=(const Event& a, const Event& b) { return !(a == b); }

}  // namespace inbox

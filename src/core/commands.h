// What users (and the system: webhooks, the assignment engine, timers) ask the inbox to do.
// Plain structs in one variant; decide() turns one into events or refuses it with an Error.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/ids.h"
#include "core/model.h"
#include "core/reflect.h"

namespace inbox {

struct UpdateSettings {
  static constexpr const char* kType = "update_settings";
  Settings settings;
  template <class F>
  static void fields(F&& f) { f("settings", &UpdateSettings::settings); }
};

struct CreateUser {
  static constexpr const char* kType = "create_user";
  std::string name;
  std::string email;
  Role role = Role::agent;
  template <class F>
  static void fields(F&& f) {
    f("name", &CreateUser::name);
    f("email", &CreateUser::email);
    f("role", &CreateUser::role);
  }
};

struct SetUserStatus {
  static constexpr const char* kType = "set_user_status";
  UserId user;
  UserStatus status = UserStatus::available;
  template <class F>
  static void fields(F&& f) {
    f("user", &SetUserStatus::user);
    f("status", &SetUserStatus::status);
  }
};

struct CreateTeam {
  static constexpr const char* kType = "create_team";
  std::string name;
  template <class F>
  static void fields(F&& f) { f("name", &CreateTeam::name); }
};

// Renames a team. Administrator, Supervisor.
struct UpdateTeam {
  static constexpr const char* kType = "update_team";
  TeamId team;
  std::string name;
  template <class F>
  static void fields(F&& f) {
    f("team", &UpdateTeam::team);
    f("name", &UpdateTeam::name);
  }
};

// Deletes a team: its open chats move to the workspace's default team (none: they wait with no team, and say
// so), its channels to none (so the default team too). Not the default team itself. Administrator, Supervisor.
struct DeleteTeam {
  static constexpr const char* kType = "delete_team";
  TeamId team;
  template <class F>
  static void fields(F&& f) { f("team", &DeleteTeam::team); }
};

struct SetTeamMembers {
  static constexpr const char* kType = "set_team_members";
  TeamId team;
  std::vector<UserId> members;
  template <class F>
  static void fields(F&& f) {
    f("team", &SetTeamMembers::team);
    f("members", &SetTeamMembers::members);
  }
};

struct CreateChannel {
  static constexpr const char* kType = "create_channel";
  ChannelKind kind = ChannelKind::whatsapp;
  std::string name;
  std::string address;
  template <class F>
  static void fields(F&& f) {
    f("kind", &CreateChannel::kind);
    f("name", &CreateChannel::name);
    f("address", &CreateChannel::address);
  }
};

struct CreateClosingReason {
  static constexpr const char* kType = "create_closing_reason";
  std::string name;
  template <class F>
  static void fields(F&& f) { f("name", &CreateClosingReason::name); }
};

// Lists an approved WhatsApp template: body with placeholders {{1}}..{{n}}. Administrator, Supervisor.
struct CreateTemplate {
  static constexpr const char* kType = "create_template";
  std::string name;
  std::string language;
  std::string body;
  template <class F>
  static void fields(F&& f) {
    f("name", &CreateTemplate::name);
    f("language", &CreateTemplate::language);
    f("body", &CreateTemplate::body);
  }
};

struct CreateContact {
  static constexpr const char* kType = "create_contact";
  std::string name;
  std::string phone;  // any formatting; stored as E.164
  std::string email;
  template <class F>
  static void fields(F&& f) {
    f("name", &CreateContact::name);
    f("phone", &CreateContact::phone);
    f("email", &CreateContact::email);
  }
};

struct UpdateContact {
  static constexpr const char* kType = "update_contact";
  ContactId contact;
  std::string name;
  std::string phone;
  std::string email;
  template <class F>
  static void fields(F&& f) {
    f("contact", &UpdateContact::contact);
    f("name", &UpdateContact::name);
    f("phone", &UpdateContact::phone);
    f("email", &UpdateContact::email);
  }
};

struct SetContactProperty {
  static constexpr const char* kType = "set_contact_property";
  ContactId contact;
  std::string key;
  std::string value;  // empty removes the property
  template <class F>
  static void fields(F&& f) {
    f("contact", &SetContactProperty::contact);
    f("key", &SetContactProperty::key);
    f("value", &SetContactProperty::value);
  }
};

struct TagContact {
  static constexpr const char* kType = "tag_contact";
  ContactId contact;
  std::vector<std::string> tags;
  TagMode mode = TagMode::replace;  // the seeds' default: add only when asked
  template <class F>
  static void fields(F&& f) {
    f("contact", &TagContact::contact);
    f("tags", &TagContact::tags);
    f("mode", &TagContact::mode);
  }
};

// A customer wrote to one of our channels (from the provider's webhook; system only).
struct ReceiveMessage {
  static constexpr const char* kType = "receive_message";
  ChannelId channel;
  std::string from;          // the customer's address on that channel (WhatsApp: phone)
  std::string profile_name;  // names a contact created by this message
  std::string text;
  Media media;
  std::optional<Referral> referral;
  std::string provider_id;  // WhatsApp's wamid: a second message with it on the channel is refused
  template <class F>
  static void fields(F&& f) {
    f("channel", &ReceiveMessage::channel);
    f("from", &ReceiveMessage::from);
    f("profile_name", &ReceiveMessage::profile_name);
    f("text", &ReceiveMessage::text);
    f("media", &ReceiveMessage::media);
    f("referral", &ReceiveMessage::referral);
    f("provider_id", &ReceiveMessage::provider_id);
  }
};

// We write first, with a template (an attention also starts when we send one).
struct StartConversation {
  static constexpr const char* kType = "start_conversation";
  ContactId contact;
  ChannelId channel;
  Template template_;
  template <class F>
  static void fields(F&& f) {
    f("contact", &StartConversation::contact);
    f("channel", &StartConversation::channel);
    f("template", &StartConversation::template_);
  }
};

struct OfferConversation {
  static constexpr const char* kType = "offer_conversation";
  ConversationId conversation;
  UserId user;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &OfferConversation::conversation);
    f("user", &OfferConversation::user);
  }
};

struct AcceptConversation {
  static constexpr const char* kType = "accept_conversation";
  ConversationId conversation;
  template <class F>
  static void fields(F&& f) { f("conversation", &AcceptConversation::conversation); }
};

// The offered agent says no: to an offer (the engine asks someone else, no RONA) or to a transfer request
// (abandoned: the chat stays where it is).
struct DeclineConversation {
  static constexpr const char* kType = "decline_conversation";
  ConversationId conversation;
  template <class F>
  static void fields(F&& f) { f("conversation", &DeclineConversation::conversation); }
};

struct AssignConversation {
  static constexpr const char* kType = "assign_conversation";
  ConversationId conversation;
  UserId assignee;  // none: back to Unassigned
  template <class F>
  static void fields(F&& f) {
    f("conversation", &AssignConversation::conversation);
    f("assignee", &AssignConversation::assignee);
  }
};

// A reply: text, media (text is its caption) or a template (always allowed on WhatsApp).
struct SendMessage {
  static constexpr const char* kType = "send_message";
  ConversationId conversation;
  std::string text;
  Media media;
  std::optional<Template> template_;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &SendMessage::conversation);
    f("text", &SendMessage::text);
    f("media", &SendMessage::media);
    f("template", &SendMessage::template_);
  }
};

struct AddNote {
  static constexpr const char* kType = "add_note";
  ConversationId conversation;
  std::string text;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &AddNote::conversation);
    f("text", &AddNote::text);
  }
};

// A line from the system or a flow ("bot"), shown in the chat but not sent to the customer.
struct AddSystemLine {
  static constexpr const char* kType = "add_system_line";
  ConversationId conversation;
  std::string text;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &AddSystemLine::conversation);
    f("text", &AddSystemLine::text);
  }
};

// To a team (waits there, unassigned, at once) or to an agent (optionally within a team): a request the
// agent accepts or declines within the offer timeout; until then the chat stays where it is.
struct TransferConversation {
  static constexpr const char* kType = "transfer_conversation";
  ConversationId conversation;
  TeamId team;
  UserId user;
  ClosingReasonId closing_reason;  // optional: why the current attention ends
  template <class F>
  static void fields(F&& f) {
    f("conversation", &TransferConversation::conversation);
    f("team", &TransferConversation::team);
    f("user", &TransferConversation::user);
    f("closing_reason", &TransferConversation::closing_reason);
  }
};

struct InviteToConference {
  static constexpr const char* kType = "invite_to_conference";
  ConversationId conversation;
  UserId user;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &InviteToConference::conversation);
    f("user", &InviteToConference::user);
  }
};

struct JoinConference {
  static constexpr const char* kType = "join_conference";
  ConversationId conversation;
  template <class F>
  static void fields(F&& f) { f("conversation", &JoinConference::conversation); }
};

struct LeaveConference {
  static constexpr const char* kType = "leave_conference";
  ConversationId conversation;
  template <class F>
  static void fields(F&& f) { f("conversation", &LeaveConference::conversation); }
};

struct EndConference {
  static constexpr const char* kType = "end_conference";
  ConversationId conversation;
  template <class F>
  static void fields(F&& f) { f("conversation", &EndConference::conversation); }
};

struct CloseConversation {
  static constexpr const char* kType = "close_conversation";
  ConversationId conversation;
  ClosingReasonId closing_reason;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &CloseConversation::conversation);
    f("closing_reason", &CloseConversation::closing_reason);
  }
};

struct TagConversation {
  static constexpr const char* kType = "tag_conversation";
  ConversationId conversation;
  std::vector<std::string> tags;
  TagMode mode = TagMode::replace;  // the seeds' default: add only when asked
  template <class F>
  static void fields(F&& f) {
    f("conversation", &TagConversation::conversation);
    f("tags", &TagConversation::tags);
    f("mode", &TagConversation::mode);
  }
};

// --- assignment engine (docs/assignment.md) ---

// Exclusions and disconnect periods (the on/off switch is in update_settings). Administrator, Supervisor.
struct UpdateAssignmentSettings {
  static constexpr const char* kType = "update_assignment_settings";
  AssignmentSettings settings;
  template <class F>
  static void fields(F&& f) { f("settings", &UpdateAssignmentSettings::settings); }
};

struct SetTeamRouting {
  static constexpr const char* kType = "set_team_routing";
  TeamId team;
  TeamRouting routing;
  template <class F>
  static void fields(F&& f) {
    f("team", &SetTeamRouting::team);
    f("routing", &SetTeamRouting::routing);
  }
};

struct SetUserCapacity {
  static constexpr const char* kType = "set_user_capacity";
  UserId user;
  uint32_t capacity_max = 0;  // 0: the team's default
  template <class F>
  static void fields(F&& f) {
    f("user", &SetUserCapacity::user);
    f("capacity_max", &SetUserCapacity::capacity_max);
  }
};

struct SetChannelTeam {
  static constexpr const char* kType = "set_channel_team";
  ChannelId channel;
  TeamId team;
  template <class F>
  static void fields(F&& f) {
    f("channel", &SetChannelTeam::channel);
    f("team", &SetChannelTeam::team);
  }
};

struct SetConversationPriority {
  static constexpr const char* kType = "set_conversation_priority";
  ConversationId conversation;
  uint32_t priority = 0;
  template <class F>
  static void fields(F&& f) {
    f("conversation", &SetConversationPriority::conversation);
    f("priority", &SetConversationPriority::priority);
  }
};

// An active-message campaign: one contact (individual, may name an agent of the team) or many (bulk:
// never one agent). Replies within 24 h of the send go to the team (and agent) over every other rule.
// send_at 0 sends now; a later time schedules it (at most 90 days ahead), to go out then or be cancelled.
struct SendCampaign {
  static constexpr const char* kType = "send_campaign";
  ChannelId channel;
  std::vector<ContactId> contacts;
  Template template_;
  TeamId team;
  UserId agent;
  int64_t send_at = 0;
  template <class F>
  static void fields(F&& f) {
    f("channel", &SendCampaign::channel);
    f("contacts", &SendCampaign::contacts);
    f("template", &SendCampaign::template_);
    f("team", &SendCampaign::team);
    f("agent", &SendCampaign::agent);
    f("send_at", &SendCampaign::send_at);
  }
};

// A scheduled campaign that has not gone out yet: its sender or a manager.
struct CancelCampaign {
  static constexpr const char* kType = "cancel_campaign";
  CampaignId campaign;
  template <class F>
  static void fields(F&& f) { f("campaign", &CancelCampaign::campaign); }
};

// The relay saw a user's connection come or go (system only).
struct SetUserConnection {
  static constexpr const char* kType = "set_user_connection";
  UserId user;
  bool connected = true;
  template <class F>
  static void fields(F&& f) {
    f("user", &SetUserConnection::user);
    f("connected", &SetUserConnection::connected);
  }
};

// --- reminders (docs/scheduler.md) ---

// The quick choices of the reminder menu; custom takes SetReminder::due_at (UTC: the UI converts the
// agent's time zone).
enum class ReminderPreset : uint8_t { custom, in_30_minutes, in_1_hour, in_4_hours, in_24_hours, in_31_hours };
template <>
struct EnumNames<ReminderPreset> {
  static constexpr std::array<const char*, 6> names = {"custom",     "in_30_minutes", "in_1_hour",
                                                       "in_4_hours", "in_24_hours",   "in_31_hours"};
};

// Sets, or changes, the conversation's one reminder: it goes to Scheduled until the reminder is due.
// The owner, or anyone who acts on every conversation.
struct SetReminder {
  static constexpr const char* kType = "set_reminder";
  ConversationId conversation;
  ReminderPreset preset = ReminderPreset::custom;
  int64_t due_at = 0;     // custom only: must be in the future
  bool postpone = true;   // "postpone contact until reminder"
  template <class F>
  static void fields(F&& f) {
    f("conversation", &SetReminder::conversation);
    f("preset", &SetReminder::preset);
    f("due_at", &SetReminder::due_at);
    f("postpone", &SetReminder::postpone);
  }
};

struct CancelReminder {
  static constexpr const char* kType = "cancel_reminder";
  ConversationId conversation;
  template <class F>
  static void fields(F&& f) { f("conversation", &CancelReminder::conversation); }
};

// The channel (its webhook: the system) reports what became of an outbound message. The message is named by
// its id, or (message none) by the provider's id on `channel`. Status sent with a message and a provider id
// records the id the provider gave the message when it accepted it.
struct UpdateDelivery {
  static constexpr const char* kType = "update_delivery";
  MessageId message;
  DeliveryStatus status = DeliveryStatus::delivered;
  ChannelId channel;
  std::string provider_id;
  template <class F>
  static void fields(F&& f) {
    f("message", &UpdateDelivery::message);
    f("status", &UpdateDelivery::status);
    f("channel", &UpdateDelivery::channel);
    f("provider_id", &UpdateDelivery::provider_id);
  }
};

using CommandBody =
    std::variant<UpdateSettings, CreateUser, SetUserStatus, CreateTeam, SetTeamMembers, CreateChannel,
                 CreateClosingReason, CreateTemplate, CreateContact, UpdateContact, SetContactProperty, TagContact,
                 ReceiveMessage, StartConversation, OfferConversation, AcceptConversation, AssignConversation,
                 SendMessage, AddNote, AddSystemLine, TransferConversation, InviteToConference, JoinConference,
                 LeaveConference, EndConference, CloseConversation, TagConversation, UpdateAssignmentSettings,
                 SetTeamRouting, SetUserCapacity, SetChannelTeam, SetConversationPriority, SendCampaign,
                 SetUserConnection, SetReminder, CancelReminder, UpdateDelivery, DeclineConversation,
                 UpdateTeam, DeleteTeam, CancelCampaign>;

// actor none is the system (the relay's webhook, the assignment engine, timers, workspace setup);
// the relay never lets a client claim it.
struct Command {
  UserId actor;
  CommandBody body;
};

inline bool operator==(const Command& a, const Command& b) { return a.actor == b.actor && a.body == b.body; }
inline bool operator!=(const Command& a, const Command& b) { return !(a == b); }

}  // namespace inbox

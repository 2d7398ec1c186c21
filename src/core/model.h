// The inbox's entities as plain structs. Entities refer to each other by id (ids.h); every collection
// lives in State (state.h) as a dense vector indexed by those ids.
#pragma once
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/reflect.h"
#include "core/routing_model.h"
#include "core/timeline_entry.h"

namespace inbox {

// Times are milliseconds since the Unix epoch; kNever marks "has not happened".
constexpr int64_t kNever = std::numeric_limits<int64_t>::min();

enum class Role : uint8_t { administrator, supervisor, operator_, agent };
template <>
struct EnumNames<Role> {
  static constexpr std::array<const char*, 4> names = {"administrator", "supervisor", "operator", "agent"};
};

// rona (redirect on no answer) is set by the system when an offer times out; only the agent clears it.
enum class UserStatus : uint8_t { available, idle, unavailable, rona };
template <>
struct EnumNames<UserStatus> {
  static constexpr std::array<const char*, 4> names = {"available", "idle", "unavailable", "rona"};
};

enum class ChannelKind : uint8_t { whatsapp, instagram, messenger, webchat };
template <>
struct EnumNames<ChannelKind> {
  static constexpr std::array<const char*, 4> names = {"whatsapp", "instagram", "messenger", "webchat"};
};

// pending: waiting, unassigned. scheduled: a reminder is set (issue 6 sets it).
enum class ConversationStatus : uint8_t { open, pending, scheduled, closed };
template <>
struct EnumNames<ConversationStatus> {
  static constexpr std::array<const char*, 4> names = {"open", "pending", "scheduled", "closed"};
};
constexpr size_t kStatusCount = 4;

enum class ConversationOrigin : uint8_t { inbound, outbound, transfer };
template <>
struct EnumNames<ConversationOrigin> {
  static constexpr std::array<const char*, 3> names = {"inbound", "outbound", "transfer"};
};

// Who wrote it: the customer (inbound), us to the customer (outbound), us to ourselves (note), the system.
enum class MessageKind : uint8_t { inbound, outbound, note, system };
template <>
struct EnumNames<MessageKind> {
  static constexpr std::array<const char*, 4> names = {"inbound", "outbound", "note", "system"};
};

enum class MessageForm : uint8_t { text, media, template_ };
template <>
struct EnumNames<MessageForm> {
  static constexpr std::array<const char*, 3> names = {"text", "media", "template"};
};

enum class TagMode : uint8_t { add, replace };
template <>
struct EnumNames<TagMode> {
  static constexpr std::array<const char*, 2> names = {"add", "replace"};
};

struct Settings {
  std::string name;
  bool closing_reason_required = false;   // closing and transferring both ask for one
  bool automatic_assignment = false;      // read by the assignment engine (docs/assignment.md)
  int64_t inactivity_close_after_ms = 0;  // 0: never; read by the timers (docs/scheduler.md)
  TeamId default_team;                    // where a chat whose channel has no team waits (none: Unassigned)
  bool teammates_shared = false;          // agents see the Teammates section too (read only)

  template <class F>
  static void fields(F&& f) {
    f("name", &Settings::name);
    f("closing_reason_required", &Settings::closing_reason_required);
    f("automatic_assignment", &Settings::automatic_assignment);
    f("inactivity_close_after_ms", &Settings::inactivity_close_after_ms);
    f("default_team", &Settings::default_team);
    f("teammates_shared", &Settings::teammates_shared);
  }
};

struct User {
  std::string name;
  std::string email;
  Role role = Role::agent;
  UserStatus status = UserStatus::unavailable;
  int64_t status_changed_at = kNever;
  int64_t last_activity_at = kNever;  // the last event this user caused
  // Assignment engine (docs/assignment.md).
  uint32_t capacity_max = 0;           // concurrent chats; 0: the team's default
  int64_t last_assigned_at = kNever;   // last offer or assignment to them: with activity, the idle time
  int64_t disconnected_at = kNever;    // kNever: connected
  int64_t grace_ends_at = kNever;      // timer: then treated as unavailable
  int64_t chats_return_at = kNever;    // timer: then their open chats go back to the queue

  template <class F>
  static void fields(F&& f) {
    f("name", &User::name);
    f("email", &User::email);
    f("role", &User::role);
    f("status", &User::status);
    f("status_changed_at", &User::status_changed_at);
    f("last_activity_at", &User::last_activity_at);
    f("capacity_max", &User::capacity_max);
    f("last_assigned_at", &User::last_assigned_at);
    f("disconnected_at", &User::disconnected_at);
    f("grace_ends_at", &User::grace_ends_at);
    f("chats_return_at", &User::chats_return_at);
  }
};

struct Team {
  std::string name;
  std::vector<UserId> members;  // in order: round robin walks it
  TeamRouting routing;
  uint32_t round_robin_next = 0;  // the member position round robin tries first
  bool deleted = false;            // kept for the history's names; find_team() no longer finds it

  template <class F>
  static void fields(F&& f) {
    f("name", &Team::name);
    f("members", &Team::members);
    f("routing", &Team::routing);
    f("round_robin_next", &Team::round_robin_next);
    f("deleted", &Team::deleted);
  }
};

struct Channel {
  ChannelKind kind = ChannelKind::whatsapp;
  std::string name;
  std::string address;  // our number / page / site the customers write to
  TeamId team;          // the team that receives its new conversations (none: Unassigned, no team)

  template <class F>
  static void fields(F&& f) {
    f("kind", &Channel::kind);
    f("name", &Channel::name);
    f("address", &Channel::address);
    f("team", &Channel::team);
  }
};

// How a contact is known on one channel (WhatsApp: the E.164 phone; Instagram: the account id...).
struct ChannelIdentity {
  ChannelId channel;
  std::string address;

  template <class F>
  static void fields(F&& f) {
    f("channel", &ChannelIdentity::channel);
    f("address", &ChannelIdentity::address);
  }
};

struct Property {
  std::string key;
  std::string value;

  template <class F>
  static void fields(F&& f) {
    f("key", &Property::key);
    f("value", &Property::value);
  }
};

struct Contact {
  std::string name;
  std::string phone;  // E.164 ("+5511987654321") or empty
  std::string email;
  std::vector<TagId> tags;
  std::vector<Property> properties;
  std::vector<ChannelIdentity> identities;
  ConversationId active_conversation;  // the one attention not closed, if any
  ConversationId last_conversation;    // newest attention; older ones chain through Conversation::previous
  std::optional<DirectRoute> route;    // the latest campaign's routing rule, until it expires

  template <class F>
  static void fields(F&& f) {
    f("name", &Contact::name);
    f("phone", &Contact::phone);
    f("email", &Contact::email);
    f("tags", &Contact::tags);
    f("properties", &Contact::properties);
    f("identities", &Contact::identities);
    f("active_conversation", &Contact::active_conversation);
    f("last_conversation", &Contact::last_conversation);
    f("route", &Contact::route);
  }
};

// Click-to-WhatsApp ad context, shown as a card on the conversation.
struct Referral {
  std::string source_type;
  std::string source_id;
  std::string source_url;
  std::string headline;
  std::string body;
  std::string media_url;
  int64_t at_ms = kNever;

  template <class F>
  static void fields(F&& f) {
    f("source_type", &Referral::source_type);
    f("source_id", &Referral::source_id);
    f("source_url", &Referral::source_url);
    f("headline", &Referral::headline);
    f("body", &Referral::body);
    f("media_url", &Referral::media_url);
    f("at_ms", &Referral::at_ms);
  }
};

// A reference to media stored elsewhere (the relay or the provider); the core never holds bytes.
struct Media {
  std::string url;
  std::string mime_type;

  template <class F>
  static void fields(F&& f) {
    f("url", &Media::url);
    f("mime_type", &Media::mime_type);
  }
};

// A pre-approved WhatsApp template: the only form allowed outside the 24-hour window.
struct Template {
  std::string name;
  std::string language;
  std::vector<std::string> params;

  template <class F>
  static void fields(F&& f) {
    f("name", &Template::name);
    f("language", &Template::language);
    f("params", &Template::params);
  }
};

// An approved WhatsApp template as the workspace lists it (the provider approved it; we mirror it): what the
// template picker shows, and what a sent template reads as, {{1}}..{{n}} filled from Template::params.
struct MessageTemplate {
  std::string name;
  std::string language;  // "pt_BR", "es", "en_US"
  std::string body;
  uint32_t params = 0;   // the placeholders {{1}}..{{params}} in the body

  template <class F>
  static void fields(F&& f) {
    f("name", &MessageTemplate::name);
    f("language", &MessageTemplate::language);
    f("body", &MessageTemplate::body);
    f("params", &MessageTemplate::params);
  }
};

struct Participant {
  UserId user;
  bool joined = false;  // false: invited, not yet joined

  template <class F>
  static void fields(F&& f) {
    f("user", &Participant::user);
    f("joined", &Participant::joined);
  }
};

struct ClosingReason {
  std::string name;

  template <class F>
  static void fields(F&& f) {
    f("name", &ClosingReason::name);
  }
};

struct Tag {
  std::string name;

  template <class F>
  static void fields(F&& f) {
    f("name", &Tag::name);
  }
};

constexpr uint32_t kNoIndex = 0xFFFFFFFFu;

// A transfer to an agent is a request: the chat stays where it is until the agent accepts; declined or not
// accepted by expires_at, it is abandoned (nothing moves).
struct TransferRequest {
  UserId to;   // none: no transfer waiting
  UserId by;   // who asked (none: the system)
  TeamId team;  // the team the new attention is in
  ClosingReasonId closing_reason;
  int64_t requested_at = kNever;
  int64_t expires_at = kNever;  // timer: abandoned

  template <class F>
  static void fields(F&& f) {
    f("to", &TransferRequest::to);
    f("by", &TransferRequest::by);
    f("team", &TransferRequest::team);
    f("closing_reason", &TransferRequest::closing_reason);
    f("requested_at", &TransferRequest::requested_at);
    f("expires_at", &TransferRequest::expires_at);
  }
};

// One attention: from opening to close. A transfer or a message after close starts a new one.
struct Conversation {
  ContactId contact;
  ChannelId channel;
  TeamId team;
  UserId assignee;
  UserId offered_to;  // an offer waiting for accept (the assignment engine makes offers)
  UserId declined_by;  // the last agent who declined its offer: the engine asks someone else first
  ConversationId previous;
  ConversationId next;  // set when a transfer hands the attention on
  ClosingReasonId closing_reason;
  ConversationStatus status = ConversationStatus::pending;
  ConversationOrigin origin = ConversationOrigin::inbound;
  bool awaiting_reply = false;  // the last message is the customer's: counts as pending in the sections
  uint32_t referral = kNoIndex;  // index into State::referrals
  int64_t opened_at = kNever;
  int64_t offered_at = kNever;
  int64_t closed_at = kNever;
  int64_t customer_last_message_at = kNever;  // opens the WhatsApp 24-hour window
  int64_t last_message_at = kNever;           // inbound or outbound; the list sorts by it
  MessageId last_message;  // any kind; earlier ones chain through Message::previous
  uint32_t message_count = 0;
  std::vector<TagId> tags;
  std::vector<Participant> conference;
  std::vector<TimelineEntry> timeline;
  // Assignment engine (docs/assignment.md).
  uint32_t priority = 0;          // the queue serves higher first, then first come first served
  UserId previous_assignee;       // reassignment never hands it straight back (no ping-pong)
  uint32_t reassignments = 0;     // by the reply timer; escalates after the team's reassign_max
  bool escalated = false;         // with the supervisors: no more reply timer, not in the queue
  int64_t assigned_at = kNever;
  int64_t offer_expires_at = kNever;  // timer: RONA and the next agent
  int64_t reply_due_at = kNever;      // timer: reassign when the assignee has not replied
  // Reminders and inactivity (docs/scheduler.md).
  int64_t reminder_at = kNever;    // timer: the one active reminder; while set, never auto-closed
  bool reminder_postpone = true;   // new customer messages leave it in Scheduled until the reminder is due
  int64_t overdue_since = kNever;  // the due reminder's time ("Overdue: ..."), until someone acts on it
  int64_t activity_at = kNever;    // opened, last message either way, or a reminder ended: inactivity counts from here
  TransferRequest transfer;        // a transfer to an agent waiting for their accept

  template <class F>
  static void fields(F&& f) {
    f("contact", &Conversation::contact);
    f("channel", &Conversation::channel);
    f("team", &Conversation::team);
    f("assignee", &Conversation::assignee);
    f("offered_to", &Conversation::offered_to);
    f("declined_by", &Conversation::declined_by);
    f("previous", &Conversation::previous);
    f("next", &Conversation::next);
    f("closing_reason", &Conversation::closing_reason);
    f("status", &Conversation::status);
    f("origin", &Conversation::origin);
    f("awaiting_reply", &Conversation::awaiting_reply);
    f("referral", &Conversation::referral);
    f("opened_at", &Conversation::opened_at);
    f("offered_at", &Conversation::offered_at);
    f("closed_at", &Conversation::closed_at);
    f("customer_last_message_at", &Conversation::customer_last_message_at);
    f("last_message_at", &Conversation::last_message_at);
    f("tags", &Conversation::tags);
    f("conference", &Conversation::conference);
    f("last_message", &Conversation::last_message);
    f("message_count", &Conversation::message_count);
    f("timeline", &Conversation::timeline);
    f("priority", &Conversation::priority);
    f("previous_assignee", &Conversation::previous_assignee);
    f("reassignments", &Conversation::reassignments);
    f("escalated", &Conversation::escalated);
    f("assigned_at", &Conversation::assigned_at);
    f("offer_expires_at", &Conversation::offer_expires_at);
    f("reply_due_at", &Conversation::reply_due_at);
    f("reminder_at", &Conversation::reminder_at);
    f("reminder_postpone", &Conversation::reminder_postpone);
    f("overdue_since", &Conversation::overdue_since);
    f("activity_at", &Conversation::activity_at);
    f("transfer", &Conversation::transfer);
  }
};

// Compact on purpose (a million of them, 32 bytes each): the text lives in State::message_text, media
// and template details in State::message_extras, and a conversation's messages form a chain through
// `previous` instead of a vector per conversation.
// What the channel reports of an outbound message: sent (accepted by us), delivered to the customer's
// phone, read by them, or failed. Only moves forward; failed ends it. Inbound messages and notes: none.
enum class DeliveryStatus : uint8_t { none, sent, delivered, read, failed };
template <>
struct EnumNames<DeliveryStatus> {
  static constexpr std::array<const char*, 5> names = {"none", "sent", "delivered", "read", "failed"};
};

struct Message {
  int64_t at_ms = 0;
  ConversationId conversation;
  MessageId previous;  // the conversation's message before this one
  UserId author;       // none for inbound and system lines
  uint32_t text_begin = 0;
  uint32_t extra = kNoIndex;
  uint16_t text_size = 0;  // at most 4096 code points of at most 4 bytes
  MessageKind kind = MessageKind::inbound;
  MessageForm form = MessageForm::text;

  template <class F>
  static void fields(F&& f) {
    f("at_ms", &Message::at_ms);
    f("conversation", &Message::conversation);
    f("previous", &Message::previous);
    f("author", &Message::author);
    f("text_begin", &Message::text_begin);
    f("text_size", &Message::text_size);
    f("extra", &Message::extra);
    f("kind", &Message::kind);
    f("form", &Message::form);
  }
};

// The provider's own id of a message (WhatsApp: the wamid), so webhook retries and delivery reports find it.
struct ProviderRef {
  MessageId message;
  std::string id;

  template <class F>
  static void fields(F&& f) {
    f("message", &ProviderRef::message);
    f("id", &ProviderRef::id);
  }
};

struct MessageExtra {
  Media media;
  Template template_;

  template <class F>
  static void fields(F&& f) {
    f("media", &MessageExtra::media);
    f("template", &MessageExtra::template_);
  }
};

}  // namespace inbox

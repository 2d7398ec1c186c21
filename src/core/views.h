// The inbox's lists and counters (sections Mine / Unassigned / All / Teammates, status tabs, pending
// counts, search indexes), kept up to date by apply() one conversation at a time: reading them never
// rescans the workspace.
#pragma once
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/ids.h"
#include "core/model.h"
#include "core/reflect.h"
#include "core/sorted_chunks.h"

namespace inbox {

struct State;

enum class Section : uint8_t { mine, unassigned, all, teammates };
template <>
struct EnumNames<Section> {
  static constexpr std::array<const char*, 4> names = {"mine", "unassigned", "all", "teammates"};
};

// window_closing_soon: WhatsApp windows still open, the soonest to close first; then the closed ones
// (never opened first, then by when they closed). Needs ListQuery::now_ms.
enum class SortOrder : uint8_t { oldest_first, newest_first, window_closing_soon };
template <>
struct EnumNames<SortOrder> {
  static constexpr std::array<const char*, 3> names = {"oldest_first", "newest_first", "window_closing_soon"};
};

// (a time, conversation index), by time then index: the sorted lists' keys (the time is last_message_at,
// overdue_since or window_closes_at). Trivially copyable, unlike std::pair, so moving keys within a chunk
// is one memmove rather than a loop of assignments.
struct ListKey {
  int64_t at_ms = 0;
  uint32_t conversation = 0;

  friend bool operator<(const ListKey& a, const ListKey& b) {
    return a.at_ms != b.at_ms ? a.at_ms < b.at_ms : a.conversation < b.conversation;
  }
  friend bool operator>(const ListKey& a, const ListKey& b) { return b < a; }
  friend bool operator==(const ListKey& a, const ListKey& b) {
    return a.at_ms == b.at_ms && a.conversation == b.conversation;
  }
  friend bool operator!=(const ListKey& a, const ListKey& b) { return !(a == b); }
};
static_assert(std::is_trivially_copyable_v<ListKey>, "chunks move keys with memmove");
using SortedList = SortedChunks<ListKey>;

// The conversations of one section-like group, one sorted list per status.
struct Bucket {
  std::array<SortedList, kStatusCount> lists;
  std::array<uint32_t, kStatusCount> awaiting{};  // of each list, how many await our reply
  // Overdue conversations, keyed (overdue_since, id): listed first, at the top, in every order. Few, so sets.
  std::array<std::set<ListKey>, kStatusCount> overdue;

  template <class F>
  static void fields(F&& f) {
    f("lists", &Bucket::lists);
    f("awaiting", &Bucket::awaiting);
    f("overdue", &Bucket::overdue);
  }
};

// "Window closing soon" is not kept per event (every inbound message would move its conversation in a
// second order): list_conversations sorts the asked list by (window_closes_at, id) when that order is
// asked, and keeps the result until a conversation's place in the views changes. A cache, so it is not
// part of the views' value (not in fields(): equality, snapshots and rebuilds ignore it). Not thread-safe:
// the core's state is read from one thread.
struct WindowOrderCache {
  bool valid = false;
  // Which list was sorted: the first bucket (-1 unassigned, -2 assigned, else the user), whether
  // Unassigned was merged in (All), the status.
  int64_t bucket = 0;
  bool with_unassigned = false;
  size_t status = 0;
  std::vector<ListKey> keys;  // (window_closes_at, id), ascending
};

struct Views {
  Bucket unassigned;
  Bucket assigned;              // to anyone: Teammates is this minus the viewer's own; All is both
  std::vector<Bucket> by_user;  // indexed by UserId: Mine
  // Search: per contact "folded name \n folded email \n phone digits"; per message its folded text in
  // one arena, each followed by '\0' so a match never spans two messages.
  std::vector<std::string> contact_keys;
  std::string message_folded;
  std::vector<uint32_t> message_folded_begin;
  // identity_key() -> contact, to route inbound messages to the contact who wrote.
  std::unordered_map<std::string, ContactId> contact_by_identity;
  std::unordered_map<std::string, TagId> tag_by_name;
  // provider_key() -> message: a webhook's retry or delivery report names the provider's id.
  std::unordered_map<std::string, MessageId> message_by_provider_id;
  mutable WindowOrderCache window_order;  // not a field: see WindowOrderCache

  template <class F>
  static void fields(F&& f) {
    f("unassigned", &Views::unassigned);
    f("assigned", &Views::assigned);
    f("by_user", &Views::by_user);
    f("contact_keys", &Views::contact_keys);
    f("message_folded", &Views::message_folded);
    f("message_folded_begin", &Views::message_folded_begin);
    f("contact_by_identity", &Views::contact_by_identity);
    f("tag_by_name", &Views::tag_by_name);
    f("message_by_provider_id", &Views::message_by_provider_id);
  }
};

struct SectionCounts {
  std::array<uint32_t, kStatusCount> by_status{};
  uint32_t pending = 0;  // not closed and the last message is the customer's
};

struct ListQuery {
  UserId viewer;
  Section section = Section::all;
  ConversationStatus status = ConversationStatus::open;
  SortOrder order = SortOrder::oldest_first;
  size_t offset = 0;
  size_t limit = 100;
  int64_t now_ms = 0;  // window_closing_soon: windows closing after this come first
};

// Agents see Mine and Unassigned, and Teammates when the workspace shares it (settings.teammates_shared, the
// Zenvia article: "La bandeja Compañeros puede compartirse o no"); Operator, Supervisor and Administrator see
// every section.
bool section_visible(const State& state, Role role, Section section);

// Zero counts for a section the viewer may not see or an unknown viewer.
SectionCounts section_counts(const State& state, UserId viewer, Section section);

std::vector<ConversationId> list_conversations(const State& state, const ListQuery& query);

// --- maintenance, called by apply() ---
// A phone is one identity across every WhatsApp channel (and matches a contact typed in by hand);
// other channels key the address by channel.
std::string identity_key(const State& state, ChannelId channel, std::string_view address);
std::string identity_key_for_phone(std::string_view e164);
// Provider ids are unique per channel, not across channels.
std::string provider_key(ChannelId channel, std::string_view provider_id);
// The message the provider knows as `provider_id` on `channel`; none if unknown.
MessageId message_by_provider_id(const State& state, ChannelId channel, std::string_view provider_id);
void views_add_provider_id(const State& state, Views& views, const ProviderRef& ref);

// What places a conversation in the lists; apply() snapshots it before a change and moves it after.
struct ViewKey {
  ConversationStatus status = ConversationStatus::pending;
  UserId assignee;
  int64_t last_message_at = kNever;
  bool awaiting_reply = false;
  int64_t overdue_since = kNever;
};
ViewKey view_key(const Conversation& conversation);

void views_add_user(Views& views);
void views_insert_conversation(Views& views, const ViewKey& key, ConversationId id);
// A message bumps a conversation to the newest end of its list a million times a day: an erase and an append.
void views_move_conversation(Views& views, const ViewKey& from, const ViewKey& to, ConversationId id);
// before: the contact as it was (nullptr when it is new).
void views_set_contact(const State& state, Views& views, const Contact* before, const Contact& after, ContactId id);
void views_add_tag(Views& views, const Tag& tag, TagId id);
void views_add_message(Views& views, std::string_view text);

// The same views computed from scratch: what loading a snapshot uses, and what tests compare against.
Views rebuild_views(const State& state);

}  // namespace inbox

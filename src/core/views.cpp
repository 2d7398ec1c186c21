#include "core/views.h"

#include <algorithm>
#include <functional>

#include "core/channel_rules.h"
#include "core/check.h"
#include "core/state.h"
#include "core/text.h"

namespace inbox {
namespace {

size_t status_index(ConversationStatus status) { return static_cast<size_t>(status); }

bool in_overdue_order(const ViewKey& key) { return key.overdue_since != kNever; }

void bucket_insert(Bucket& bucket, const ViewKey& key, ConversationId id) {
  const size_t s = status_index(key.status);
  const bool inserted = bucket.lists[s].insert(ListKey{key.last_message_at, id.value});
  INBOX_ASSERT(inserted, "a conversation is in a bucket once: move it in the views rather than insert it again");
  if (key.awaiting_reply) ++bucket.awaiting[s];
  if (in_overdue_order(key)) bucket.overdue[s].insert(ListKey{key.overdue_since, id.value});
}

// Moves one conversation within the overdue order (sets indexed by status), reusing the node.
void move_overdue(Bucket& from_bucket, const ViewKey& from, Bucket& to_bucket, const ViewKey& to, ConversationId id) {
  const bool from_in = in_overdue_order(from), to_in = in_overdue_order(to);
  const ListKey from_key{from.overdue_since, id.value}, to_key{to.overdue_since, id.value};
  const size_t from_s = status_index(from.status), to_s = status_index(to.status);
  if (from_in && to_in && &from_bucket == &to_bucket && from_s == to_s && from_key == to_key) return;
  if (from_in) {
    auto node = from_bucket.overdue[from_s].extract(from_key);
    INBOX_ASSERT(!node.empty(), "the overdue order holds the conversation as it was before this change");
    if (to_in) {
      node.value() = to_key;
      const bool inserted = to_bucket.overdue[to_s].insert(std::move(node)).inserted;
      INBOX_ASSERT(inserted, "a conversation is in the overdue order once");
    }
  } else if (to_in) {
    to_bucket.overdue[to_s].insert(to_key);
  }
}

void bucket_uncount(Bucket& bucket, const ViewKey& key) {
  if (!key.awaiting_reply) return;
  const size_t s = status_index(key.status);
  INBOX_ASSERT(bucket.awaiting[s] > 0, "awaiting counts pair with inserts");
  --bucket.awaiting[s];
}

// The buckets a conversation belongs to, in a fixed order (assigned or unassigned, its assignee's)
// so that a move pairs them up.
struct Buckets {
  std::array<Bucket*, 2> items{};
  size_t size = 0;
};

Buckets buckets_of(Views& views, const ViewKey& key) {
  Buckets out;
  if (key.assignee.valid()) {
    INBOX_ASSERT(key.assignee.index() < views.by_user.size(), "views_add_user runs for every new user");
    out.items[out.size++] = &views.assigned;
    out.items[out.size++] = &views.by_user[key.assignee.index()];
  } else {
    out.items[out.size++] = &views.unassigned;
  }
  return out;
}

// Visits two sorted ranges as one, in order, until take() returns false.
template <class It, class Before, class Take>
void merge_walk(It a, It a_end, It b, It b_end, Before before, Take&& take) {
  while (a != a_end || b != b_end) {
    const bool from_a = b == b_end || (a != a_end && before(*a, *b));
    if (!take(from_a ? *a++ : *b++)) return;
  }
}

SectionCounts counts_of(const Bucket& bucket) {
  SectionCounts counts;
  for (size_t s = 0; s < kStatusCount; ++s) {
    counts.by_status[s] = static_cast<uint32_t>(bucket.lists[s].size());
    if (s != status_index(ConversationStatus::closed)) counts.pending += bucket.awaiting[s];
  }
  return counts;
}

std::string contact_key(const Contact& contact) {
  return fold_for_search(contact.name) + '\n' + fold_for_search(contact.email) + '\n' + phone_digits(contact.phone);
}

constexpr int64_t kUnassignedBucket = -1;
constexpr int64_t kAssignedBucket = -2;

// The (window_closes_at, id) order of one list (or two merged), sorted on demand and cached until a
// conversation's place in the views changes. O(n log n) when recomputed, O(1) after.
const std::vector<ListKey>& window_order(const State& state, int64_t bucket, const SortedList& a, const SortedList* b,
                                         size_t status) {
  WindowOrderCache& cache = state.views.window_order;
  const bool with_unassigned = b != nullptr;
  if (cache.valid && cache.bucket == bucket && cache.with_unassigned == with_unassigned && cache.status == status) {
    return cache.keys;
  }
  cache.keys.clear();
  cache.keys.reserve(a.size() + (b != nullptr ? b->size() : 0));
  const auto add = [&](const SortedList& list) {
    for (const ListKey& key : list) {
      cache.keys.push_back(ListKey{window_closes_at(state.conversations[key.conversation]), key.conversation});
    }
  };
  add(a);
  if (b != nullptr) add(*b);
  std::sort(cache.keys.begin(), cache.keys.end());
  cache.valid = true;
  cache.bucket = bucket;
  cache.with_unassigned = with_unassigned;
  cache.status = status;
  return cache.keys;
}

bool identity_uses_key(const State& state, const Contact& contact, const std::string& key) {
  for (const ChannelIdentity& identity : contact.identities) {
    if (identity_key(state, identity.channel, identity.address) == key) return true;
  }
  return false;
}

}  // namespace

bool section_visible(const State& state, Role role, Section section) {
  if (role != Role::agent || section == Section::mine || section == Section::unassigned) return true;
  return section == Section::teammates && state.settings.teammates_shared;
}

SectionCounts section_counts(const State& state, UserId viewer, Section section) {
  const User* user = find_user(state, viewer);
  if (user == nullptr || !section_visible(state, user->role, section)) return SectionCounts{};
  const Views& views = state.views;
  switch (section) {
    case Section::mine: return counts_of(views.by_user[viewer.index()]);
    case Section::unassigned: return counts_of(views.unassigned);
    case Section::all: {
      SectionCounts counts = counts_of(views.assigned);
      const SectionCounts waiting = counts_of(views.unassigned);
      for (size_t s = 0; s < kStatusCount; ++s) counts.by_status[s] += waiting.by_status[s];
      counts.pending += waiting.pending;
      return counts;
    }
    case Section::teammates: {
      SectionCounts counts = counts_of(views.assigned);
      const SectionCounts mine = counts_of(views.by_user[viewer.index()]);
      for (size_t s = 0; s < kStatusCount; ++s) counts.by_status[s] -= mine.by_status[s];
      counts.pending -= mine.pending;
      return counts;
    }
  }
  return SectionCounts{};
}

std::vector<ConversationId> list_conversations(const State& state, const ListQuery& query) {
  std::vector<ConversationId> out;
  const User* user = find_user(state, query.viewer);
  if (user == nullptr || !section_visible(state, user->role, query.section)) return out;
  const Views& views = state.views;
  const size_t s = status_index(query.status);
  // All is Assigned and Unassigned merged: one list fewer to keep up to date per message.
  const Bucket* first = &views.assigned;
  const Bucket* second = &views.unassigned;
  int64_t first_code = kAssignedBucket;
  if (query.section != Section::all) {
    if (query.section == Section::mine) {
      first = &views.by_user[query.viewer.index()];
      first_code = query.viewer.index();
    }
    if (query.section == Section::unassigned) {
      first = &views.unassigned;
      first_code = kUnassignedBucket;
    }
    second = nullptr;
  }
  size_t skipped = 0;
  bool overdue_pass = true;
  const auto take = [&](const ListKey& key) {
    if (out.size() >= query.limit) return false;
    const Conversation& c = state.conversations[key.conversation];
    if (query.section == Section::teammates && c.assignee == query.viewer) return true;
    if (!overdue_pass && c.overdue_since != kNever) return true;  // already listed at the top
    if (skipped < query.offset) {
      ++skipped;
      return true;
    }
    out.push_back(ConversationId(key.conversation));
    return true;
  };
  // Overdue first (the longest overdue at the top), then the chosen order. A single list walks with an
  // empty second range.
  static const std::set<ListKey> kNoneOverdue;
  const std::set<ListKey>& overdue_b = second != nullptr ? second->overdue[s] : kNoneOverdue;
  merge_walk(first->overdue[s].begin(), first->overdue[s].end(), overdue_b.begin(), overdue_b.end(),
             std::less<ListKey>(), take);
  overdue_pass = false;
  static const SortedList kEmpty;
  const SortedList& a = first->lists[s];
  const SortedList& b = second != nullptr ? second->lists[s] : kEmpty;
  // Closed conversations have no window order: they list oldest first.
  if (query.order == SortOrder::window_closing_soon && query.status != ConversationStatus::closed) {
    // Open windows (closing after now) soonest first, then the closed ones.
    const std::vector<ListKey>& keys = window_order(state, first_code, a, second != nullptr ? &b : nullptr, s);
    const auto middle = std::upper_bound(keys.begin(), keys.end(), ListKey{query.now_ms, UINT32_MAX});
    for (auto it = middle; it != keys.end() && take(*it); ++it) {
    }
    for (auto it = keys.begin(); it != middle && take(*it); ++it) {
    }
    return out;
  }
  if (query.order == SortOrder::newest_first) {
    merge_walk(a.rbegin(), a.rend(), b.rbegin(), b.rend(), std::greater<ListKey>(), take);
  } else {
    merge_walk(a.begin(), a.end(), b.begin(), b.end(), std::less<ListKey>(), take);
  }
  return out;
}

std::string identity_key(const State& state, ChannelId channel, std::string_view address) {
  const Channel* found = find_channel(state, channel);
  INBOX_ASSERT(found != nullptr, "identities name existing channels: decide() checks the channel");
  if (channel_traits(found->kind).addressed_by_phone) return identity_key_for_phone(address);
  return std::to_string(channel.value) + ":" + std::string(address);
}

std::string identity_key_for_phone(std::string_view e164) { return "tel:" + std::string(e164); }

void views_add_user(Views& views) { views.by_user.emplace_back(); }

ViewKey view_key(const Conversation& conversation) {
  return ViewKey{conversation.status, conversation.assignee, conversation.last_message_at, conversation.awaiting_reply,
                 conversation.overdue_since};
}

void views_insert_conversation(Views& views, const ViewKey& key, ConversationId id) {
  views.window_order.valid = false;
  const Buckets buckets = buckets_of(views, key);
  for (size_t i = 0; i < buckets.size; ++i) bucket_insert(*buckets.items[i], key, id);
}

void views_move_conversation(Views& views, const ViewKey& from, const ViewKey& to, ConversationId id) {
  views.window_order.valid = false;
  const Buckets source = buckets_of(views, from);
  const Buckets target = buckets_of(views, to);
  const size_t from_s = status_index(from.status), to_s = status_index(to.status);
  const ListKey from_key{from.last_message_at, id.value}, to_key{to.last_message_at, id.value};
  for (size_t i = 0; i < std::max(source.size, target.size); ++i) {
    if (i >= target.size) {
      const bool erased = source.items[i]->lists[from_s].erase(from_key);
      INBOX_ASSERT(erased, "the views must hold the conversation as it was before this change");
      bucket_uncount(*source.items[i], from);
      if (in_overdue_order(from)) source.items[i]->overdue[from_s].erase(ListKey{from.overdue_since, id.value});
      continue;
    }
    if (i >= source.size) {
      bucket_insert(*target.items[i], to, id);
      continue;
    }
    Bucket& from_bucket = *source.items[i];
    Bucket& to_bucket = *target.items[i];
    move_overdue(from_bucket, from, to_bucket, to, id);
    bucket_uncount(from_bucket, from);
    if (to.awaiting_reply) ++to_bucket.awaiting[to_s];
    if (&from_bucket == &to_bucket && from_s == to_s && from_key == to_key) continue;  // same place in the list
    const bool erased = from_bucket.lists[from_s].erase(from_key);
    INBOX_ASSERT(erased, "the views must hold the conversation as it was before this change");
    const bool inserted = to_bucket.lists[to_s].insert(to_key);
    INBOX_ASSERT(inserted, "a conversation is in a bucket once");
  }
}

void views_set_contact(const State& state, Views& views, const Contact* before, const Contact& after, ContactId id) {
  std::string phone_key = after.phone.empty() ? std::string() : identity_key_for_phone(after.phone);
  if (before == nullptr) {
    INBOX_ASSERT(id.index() == views.contact_keys.size(), "contacts are added in id order");
    views.contact_keys.push_back(contact_key(after));
    for (const ChannelIdentity& identity : after.identities) {
      std::string key = identity_key(state, identity.channel, identity.address);
      // A WhatsApp contact's identity is usually their phone: one insert, not two.
      if (key == phone_key) continue;
      views.contact_by_identity[std::move(key)] = id;
    }
  } else {
    views.contact_keys[id.index()] = contact_key(after);
    if (!before->phone.empty() && before->phone != after.phone) {
      const std::string old_key = identity_key_for_phone(before->phone);
      // The customer may still write from the old number: its WhatsApp identity keeps routing.
      if (!identity_uses_key(state, after, old_key)) views.contact_by_identity.erase(old_key);
    }
  }
  if (!phone_key.empty()) views.contact_by_identity[std::move(phone_key)] = id;
}

void views_add_tag(Views& views, const Tag& tag, TagId id) { views.tag_by_name[tag.name] = id; }

void views_add_message(Views& views, std::string_view text) {
  views.message_folded_begin.push_back(static_cast<uint32_t>(views.message_folded.size()));
  const size_t begin = views.message_folded.size();
  append_folded(text, views.message_folded);
  // '\0' separates messages, so a NUL inside a text must not look like one.
  for (size_t i = begin; i < views.message_folded.size(); ++i) {
    if (views.message_folded[i] == '\0') views.message_folded[i] = ' ';
  }
  views.message_folded += '\0';
}

std::string provider_key(ChannelId channel, std::string_view provider_id) {
  return std::to_string(channel.index()) + ":" + std::string(provider_id);
}

MessageId message_by_provider_id(const State& state, ChannelId channel, std::string_view provider_id) {
  const auto found = state.views.message_by_provider_id.find(provider_key(channel, provider_id));
  return found == state.views.message_by_provider_id.end() ? MessageId() : found->second;
}

void views_add_provider_id(const State& state, Views& views, const ProviderRef& ref) {
  const ChannelId channel = state.conversations.at(state.messages.at(ref.message.index()).conversation.index()).channel;
  views.message_by_provider_id[provider_key(channel, ref.id)] = ref.message;
}

Views rebuild_views(const State& state) {
  Views views;
  views.by_user.resize(state.users.size());
  for (size_t i = 0; i < state.contacts.size(); ++i) {
    views_set_contact(state, views, nullptr, state.contacts[i], ContactId(static_cast<uint32_t>(i)));
  }
  for (size_t i = 0; i < state.tags.size(); ++i) views_add_tag(views, state.tags[i], TagId(static_cast<uint32_t>(i)));
  for (size_t i = 0; i < state.messages.size(); ++i) {
    views_add_message(views, message_text(state, MessageId(static_cast<uint32_t>(i))));
  }
  for (size_t i = 0; i < state.conversations.size(); ++i) {
    views_insert_conversation(views, view_key(state.conversations[i]), ConversationId(static_cast<uint32_t>(i)));
  }
  for (const ProviderRef& ref : state.provider_ids) views_add_provider_id(state, views, ref);
  return views;
}

}  // namespace inbox

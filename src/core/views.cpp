#include "core/views.h"

#include <algorithm>
#include <functional>

#include "core/check.h"
#include "core/state.h"
#include "core/text.h"

namespace inbox {
namespace {

size_t status_index(ConversationStatus status) { return static_cast<size_t>(status); }

// The secondary orders a conversation has a place in (none: not in that order).
bool in_window_order(const ViewKey& key) { return key.status != ConversationStatus::closed; }
bool in_overdue_order(const ViewKey& key) { return key.overdue_since != kNever; }

void bucket_insert(Bucket& bucket, const ViewKey& key, ConversationId id) {
  const size_t s = status_index(key.status);
  const bool inserted = bucket.lists[s].insert(ListKey{key.last_message_at, id.value}).second;
  INBOX_ASSERT(inserted, "a conversation is in a bucket once: move it in the views rather than insert it again");
  if (key.awaiting_reply) ++bucket.awaiting[s];
  if (in_window_order(key)) bucket.by_window[s].insert(ListKey{key.window_closes_at, id.value});
  if (in_overdue_order(key)) bucket.overdue[s].insert(ListKey{key.overdue_since, id.value});
}

// Moves one conversation within a secondary order (sets indexed by status), reusing the node: most changes
// (a reply, an assignment within a status) leave it where it is and cost nothing.
void move_secondary(std::array<std::set<ListKey>, kStatusCount>* from_sets, bool from_in, const ListKey& from_key,
                    size_t from_status, std::array<std::set<ListKey>, kStatusCount>* to_sets, bool to_in,
                    const ListKey& to_key, size_t to_status) {
  if (from_in && to_in && from_sets == to_sets && from_status == to_status && from_key == to_key) return;
  if (from_in) {
    auto node = (*from_sets)[from_status].extract(from_key);
    INBOX_ASSERT(!node.empty(), "the secondary orders hold the conversation as it was before this change");
    if (to_in) {
      node.value() = to_key;
      const bool inserted = (*to_sets)[to_status].insert(std::move(node)).inserted;
      INBOX_ASSERT(inserted, "a conversation is in a secondary order once");
    }
  } else if (to_in) {
    (*to_sets)[to_status].insert(to_key);
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

bool identity_uses_key(const State& state, const Contact& contact, const std::string& key) {
  for (const ChannelIdentity& identity : contact.identities) {
    if (identity_key(state, identity.channel, identity.address) == key) return true;
  }
  return false;
}

}  // namespace

bool section_visible(Role role, Section section) {
  return role != Role::agent || section == Section::mine || section == Section::unassigned;
}

SectionCounts section_counts(const State& state, UserId viewer, Section section) {
  const User* user = find_user(state, viewer);
  if (user == nullptr || !section_visible(user->role, section)) return SectionCounts{};
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
  if (user == nullptr || !section_visible(user->role, query.section)) return out;
  const Views& views = state.views;
  const size_t s = status_index(query.status);
  // All is Assigned and Unassigned merged: one list fewer to keep up to date per message.
  const Bucket* first = &views.assigned;
  const Bucket* second = &views.unassigned;
  if (query.section != Section::all) {
    if (query.section == Section::mine) first = &views.by_user[query.viewer.index()];
    if (query.section == Section::unassigned) first = &views.unassigned;
    second = nullptr;
  }
  size_t skipped = 0;
  bool overdue_pass = true;
  const auto take = [&](const ListKey& key) {
    if (out.size() >= query.limit) return false;
    const Conversation& c = state.conversations[key.second];
    if (query.section == Section::teammates && c.assignee == query.viewer) return true;
    if (!overdue_pass && c.overdue_since != kNever) return true;  // already listed at the top
    if (skipped < query.offset) {
      ++skipped;
      return true;
    }
    out.push_back(ConversationId(key.second));
    return true;
  };
  // A single list walks with an empty second range.
  static const std::set<ListKey> kEmpty;
  const auto lists = [&](std::array<std::set<ListKey>, kStatusCount> Bucket::*member) {
    return std::make_pair(&(first->*member)[s], second != nullptr ? &(second->*member)[s] : &kEmpty);
  };
  // Overdue first (the longest overdue at the top), then the chosen order.
  const auto [overdue_a, overdue_b] = lists(&Bucket::overdue);
  merge_walk(overdue_a->begin(), overdue_a->end(), overdue_b->begin(), overdue_b->end(), std::less<ListKey>(), take);
  overdue_pass = false;
  if (query.order == SortOrder::window_closing_soon) {
    // Open windows (closing after now) soonest first, then the closed ones; closed conversations have no order.
    const auto [a, b] = lists(&Bucket::by_window);
    const auto a_mid = a->upper_bound(ListKey{query.now_ms, UINT32_MAX});
    const auto b_mid = b->upper_bound(ListKey{query.now_ms, UINT32_MAX});
    merge_walk(a_mid, a->end(), b_mid, b->end(), std::less<ListKey>(), take);
    merge_walk(a->begin(), a_mid, b->begin(), b_mid, std::less<ListKey>(), take);
    if (query.status == ConversationStatus::closed) {
      const auto [la, lb] = lists(&Bucket::lists);
      merge_walk(la->begin(), la->end(), lb->begin(), lb->end(), std::less<ListKey>(), take);
    }
    return out;
  }
  const auto [a, b] = lists(&Bucket::lists);
  if (query.order == SortOrder::oldest_first) {
    merge_walk(a->begin(), a->end(), b->begin(), b->end(), std::less<ListKey>(), take);
  } else {
    merge_walk(a->rbegin(), a->rend(), b->rbegin(), b->rend(), std::greater<ListKey>(), take);
  }
  return out;
}

std::string identity_key(const State& state, ChannelId channel, std::string_view address) {
  const Channel* found = find_channel(state, channel);
  INBOX_ASSERT(found != nullptr, "identities name existing channels: decide() checks the channel");
  if (found->kind == ChannelKind::whatsapp) return identity_key_for_phone(address);
  return std::to_string(channel.value) + ":" + std::string(address);
}

std::string identity_key_for_phone(std::string_view e164) { return "tel:" + std::string(e164); }

void views_add_user(Views& views) { views.by_user.emplace_back(); }

ViewKey view_key(const Conversation& conversation) {
  return ViewKey{conversation.status,         conversation.assignee,          conversation.last_message_at,
                 conversation.awaiting_reply, window_closes_at(conversation), conversation.overdue_since};
}

void views_insert_conversation(Views& views, const ViewKey& key, ConversationId id) {
  const Buckets buckets = buckets_of(views, key);
  for (size_t i = 0; i < buckets.size; ++i) bucket_insert(*buckets.items[i], key, id);
}

void views_move_conversation(Views& views, const ViewKey& from, const ViewKey& to, ConversationId id) {
  const Buckets source = buckets_of(views, from);
  const Buckets target = buckets_of(views, to);
  const ListKey window_from{from.window_closes_at, id.value}, window_to{to.window_closes_at, id.value};
  const ListKey overdue_from{from.overdue_since, id.value}, overdue_to{to.overdue_since, id.value};
  const size_t from_s = status_index(from.status), to_s = status_index(to.status);
  for (size_t i = 0; i < std::max(source.size, target.size); ++i) {
    if (i >= target.size) {
      const size_t erased = source.items[i]->lists[status_index(from.status)].erase(ListKey{from.last_message_at, id.value});
      INBOX_ASSERT(erased == 1, "the views must hold the conversation as it was before this change");
      bucket_uncount(*source.items[i], from);
      if (in_window_order(from)) source.items[i]->by_window[from_s].erase(window_from);
      if (in_overdue_order(from)) source.items[i]->overdue[from_s].erase(overdue_from);
      continue;
    }
    if (i >= source.size) {
      bucket_insert(*target.items[i], to, id);
      continue;
    }
    move_secondary(&source.items[i]->by_window, in_window_order(from), window_from, from_s, &target.items[i]->by_window,
                   in_window_order(to), window_to, to_s);
    move_secondary(&source.items[i]->overdue, in_overdue_order(from), overdue_from, from_s, &target.items[i]->overdue,
                   in_overdue_order(to), overdue_to, to_s);
    if (source.items[i] == target.items[i] && from.status == to.status && from.last_message_at == to.last_message_at) {
      if (from.awaiting_reply != to.awaiting_reply) {
        bucket_uncount(*source.items[i], from);
        if (to.awaiting_reply) ++target.items[i]->awaiting[to_s];
      }
      continue;  // same place in the main list
    }
    auto node = source.items[i]->lists[status_index(from.status)].extract(ListKey{from.last_message_at, id.value});
    INBOX_ASSERT(!node.empty(), "the views must hold the conversation as it was before this change");
    bucket_uncount(*source.items[i], from);
    node.value() = ListKey{to.last_message_at, id.value};
    const bool inserted = target.items[i]->lists[status_index(to.status)].insert(std::move(node)).inserted;
    INBOX_ASSERT(inserted, "a conversation is in a bucket once");
    if (to.awaiting_reply) ++target.items[i]->awaiting[status_index(to.status)];
  }
}

void views_set_contact(const State& state, Views& views, const Contact* before, const Contact& after, ContactId id) {
  if (before == nullptr) {
    INBOX_ASSERT(id.index() == views.contact_keys.size(), "contacts are added in id order");
    views.contact_keys.push_back(contact_key(after));
    for (const ChannelIdentity& identity : after.identities) {
      views.contact_by_identity[identity_key(state, identity.channel, identity.address)] = id;
    }
  } else {
    views.contact_keys[id.index()] = contact_key(after);
    if (!before->phone.empty() && before->phone != after.phone) {
      const std::string old_key = identity_key_for_phone(before->phone);
      // The customer may still write from the old number: its WhatsApp identity keeps routing.
      if (!identity_uses_key(state, after, old_key)) views.contact_by_identity.erase(old_key);
    }
  }
  if (!after.phone.empty()) views.contact_by_identity[identity_key_for_phone(after.phone)] = id;
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
  return views;
}

}  // namespace inbox

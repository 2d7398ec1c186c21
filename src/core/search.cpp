#include "core/search.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/channel_rules.h"
#include "core/permissions.h"
#include "core/state.h"
#include "core/text.h"

namespace inbox {
namespace {

// Boyer-Moore-Horspool over the folded arena: the text is scanned once, skipping ahead by up to the
// needle's length. on_hit(offset) returns where to resume.
template <class OnHit>
void scan(std::string_view haystack, std::string_view needle, OnHit&& on_hit) {
  const size_t n = needle.size();
  if (n == 0 || haystack.size() < n) return;
  std::array<size_t, 256> skip;
  skip.fill(n);
  for (size_t i = 0; i + 1 < n; ++i) skip[static_cast<unsigned char>(needle[i])] = n - 1 - i;
  const unsigned char last = static_cast<unsigned char>(needle[n - 1]);
  size_t pos = 0;
  while (pos + n <= haystack.size()) {
    const unsigned char c = static_cast<unsigned char>(haystack[pos + n - 1]);
    if (c == last && std::memcmp(haystack.data() + pos, needle.data(), n - 1) == 0) {
      pos = on_hit(pos);
    } else {
      pos += skip[c];
    }
  }
}

std::string folded_query(std::string_view text) {
  std::string folded = fold_for_search(text);
  folded.erase(std::remove(folded.begin(), folded.end(), '\0'), folded.end());
  return folded;
}

// A query made only of digits and phone punctuation, with enough digits to mean a number.
std::string phone_query(std::string_view text) {
  for (const char c : text) {
    const bool phone_char = (c >= '0' && c <= '9') || c == '+' || c == ' ' || c == '-' || c == '(' || c == ')' ||
                            c == '.';
    if (!phone_char) return std::string();
  }
  std::string digits = phone_digits(text);
  return digits.size() >= 3 ? digits : std::string();
}

bool contact_matches(std::string_view key, const std::string& folded, const std::string& digits) {
  const size_t phone_start = key.rfind('\n') + 1;
  if (!digits.empty() && key.substr(phone_start).find(digits) != std::string_view::npos) return true;
  return !folded.empty() && key.substr(0, phone_start).find(folded) != std::string_view::npos;
}

}  // namespace

std::vector<MessageId> search_messages(const State& state, std::string_view text, size_t limit) {
  std::vector<MessageId> out;
  const std::string needle = folded_query(text);
  const std::string& arena = state.views.message_folded;
  const std::vector<uint32_t>& begins = state.views.message_folded_begin;
  scan(arena, needle, [&](size_t offset) {
    const size_t index = static_cast<size_t>(std::upper_bound(begins.begin(), begins.end(), offset) - begins.begin()) - 1;
    out.push_back(MessageId(static_cast<uint32_t>(index)));
    if (out.size() >= limit) return arena.size();
    // One hit per message is enough: resume at the next message.
    return index + 1 < begins.size() ? static_cast<size_t>(begins[index + 1]) : arena.size();
  });
  return out;
}

std::vector<ConversationId> search_conversations(const State& state, const SearchQuery& query) {
  std::vector<ConversationId> found;
  const User* viewer = find_user(state, query.viewer);
  const std::string folded = folded_query(query.text);
  if (viewer == nullptr || folded.empty()) return found;
  const std::string digits = phone_query(query.text);
  for (size_t i = 0; i < state.contacts.size(); ++i) {
    if (state.contacts[i].last_conversation.valid() && contact_matches(state.views.contact_keys[i], folded, digits)) {
      found.push_back(state.contacts[i].last_conversation);
    }
  }
  for (const MessageId message : search_messages(state, folded, state.messages.size())) {
    found.push_back(state.messages[message.index()].conversation);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  found.erase(std::remove_if(found.begin(), found.end(),
                             [&](ConversationId id) { return !may_view(state, query.viewer, state.conversations[id.index()]); }),
              found.end());
  const bool by_window = query.order == SortOrder::window_closing_soon;
  const auto key = [&](ConversationId id) {
    const Conversation& c = state.conversations[id.index()];
    return ListKey{by_window ? window_closes_at(c) : c.last_message_at, id.value};
  };
  std::sort(found.begin(), found.end(), [&](ConversationId a, ConversationId b) {
    return query.order == SortOrder::newest_first ? key(b) < key(a) : key(a) < key(b);
  });
  if (found.size() > query.limit) found.resize(query.limit);
  return found;
}

}  // namespace inbox

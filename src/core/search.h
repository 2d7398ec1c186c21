// Search over the views' indexes: contacts by name, email or phone (any formatting), conversations by
// message text; case- and accent-insensitive ("sao paulo" finds "São Paulo").
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/views.h"

namespace inbox {

struct State;

struct SearchQuery {
  UserId viewer;
  std::string_view text;
  SortOrder order = SortOrder::newest_first;
  size_t limit = 100;
};

// Conversations the viewer may see whose contact or messages match, sorted by last message.
// A contact match yields the contact's newest attention.
std::vector<ConversationId> search_conversations(const State& state, const SearchQuery& query);

// Messages whose folded text contains the folded query, oldest first, at most limit of them.
std::vector<MessageId> search_messages(const State& state, std::string_view text, size_t limit);

}  // namespace inbox

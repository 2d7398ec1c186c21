// The conversation list's filters: by channel, by team and by tag (the conversation's or its contact's).
// With none set the list pages straight through the core's sorted views; with any set, the matching
// conversations of the section and tab are collected once per engine revision and paged from there.
#pragma once
#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/views.h"

namespace inbox {
struct State;
struct Conversation;
}  // namespace inbox

namespace inbox::ui {

struct ListFilters {
  ChannelId channel;
  TeamId team;
  TagId tag;

  bool any() const { return channel.valid() || team.valid() || tag.valid(); }
  friend bool operator==(const ListFilters& a, const ListFilters& b) {
    return a.channel == b.channel && a.team == b.team && a.tag == b.tag;
  }
};

bool filters_match(const State& state, const Conversation& conversation, const ListFilters& filters);

// The combos on one line under the search box.
void draw_list_filters(ListFilters& filters, const State& state);

// The filtered list of a section and tab, recomputed when the query, the filters or the state change.
struct FilteredList {
  ListQuery query;
  ListFilters filters;
  uint64_t revision = 0;
  bool valid = false;
  std::vector<ConversationId> rows;
};

// `query`'s offset and limit are ignored: every match is collected.
const std::vector<ConversationId>& filtered_conversations(FilteredList& cache, const State& state, uint64_t revision,
                                                          ListQuery query, const ListFilters& filters);

// Keeps the matches of `ids` (search results), in order.
std::vector<ConversationId> filter_ids(const State& state, const std::vector<ConversationId>& ids,
                                       const ListFilters& filters);

}  // namespace inbox::ui

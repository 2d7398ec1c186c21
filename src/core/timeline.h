// The audit timeline of a conversation: which events become timeline entries, and reading them back.
#pragma once
#include <optional>
#include <utility>
#include <vector>

#include "core/events.h"
#include "core/timeline_entry.h"

namespace inbox {

struct State;

// The entry an event adds to a conversation's timeline, if any (messages are not timeline entries).
std::optional<std::pair<ConversationId, TimelineEntry>> timeline_entry(const Event& event);

// Every entry of the attention and of the attentions it came from (transfers, reopenings), oldest first.
std::vector<TimelineEntry> contact_history(const State& state, ConversationId newest);

}  // namespace inbox

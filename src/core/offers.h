// The offers a user has to accept or let go: what the agent's offer popup lists.
#pragma once
#include <vector>

#include "core/ids.h"

namespace inbox {

struct State;

// Conversations offered to `user` and not yet accepted, the one expiring first first. Walks the scheduled
// timers (an open offer has one), not the conversations: O(timers), which in a large workspace is far fewer.
std::vector<ConversationId> offers_waiting_for(const State& state, UserId user);

}  // namespace inbox

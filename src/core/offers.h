// The offers a user has to accept or let go: what the agent's offer popup lists.
#pragma once
#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/model.h"

namespace inbox {

struct State;

// Conversations offered to `user` and not yet accepted or declined (the engine's offers and transfer requests
// to them), the one expiring first first. Walks the scheduled timers (each has one), not the conversations:
// O(timers), which in a large workspace is far fewer.
std::vector<ConversationId> offers_waiting_for(const State& state, UserId user);

// What the offered agent is asked: an offer, or a transfer request (from someone, into a team).
bool is_transfer_request(const Conversation& conversation, UserId user);
// When the offer or the request was made and when it ends.
int64_t offer_started_at(const Conversation& conversation, UserId user);
int64_t offer_ends_at(const Conversation& conversation, UserId user);

}  // namespace inbox

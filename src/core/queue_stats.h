// How the waiting queues stand, for a wallboard or the relay's metrics: how many chats wait for an agent
// (routing_index.h: pending, nobody assigned or offered, in a team) and since when the oldest one waits.
#pragma once
#include <cstddef>
#include <cstdint>

#include "core/model.h"

namespace inbox {

struct State;

struct QueueStats {
  size_t waiting = 0;
  int64_t oldest_waiting_since = kNever;  // kNever: nothing waits
};

// Walks every team's queue: O(waiting chats).
QueueStats queue_stats(const State& state);

}  // namespace inbox

#include "core/queue_stats.h"


#include "core/state.h"

namespace inbox {

QueueStats queue_stats(const State& state) {
  QueueStats stats;
  for (const TeamIndex& team : state.routing.teams) {
    stats.waiting += team.queue.size();
    // Ordered by priority first, so the oldest is not necessarily at the front.
    for (const QueueKey& key : team.queue) {
      if (stats.oldest_waiting_since == kNever || key.opened_at < stats.oldest_waiting_since) {
        stats.oldest_waiting_since = key.opened_at;
      }
    }
  }
  return stats;
}

}  // namespace inbox

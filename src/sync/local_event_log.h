// The seam beside engine.h for what only an in-page authority has: its own event log, which the offline demo
// persists (platform/web/demo_store.h) and replays on reload. Views and the simulated world never see it. An
// engine whose log lives elsewhere (the relay keeps it) has none, and a demo on such an engine stores nothing.
#pragma once
#include <cstddef>
#include <vector>

#include "core/events.h"
#include "core/state.h"

namespace inbox::sync {

class LocalEventLog {
 public:
  virtual ~LocalEventLog() = default;

  // The events since log_base(): the earlier ones are in a stored snapshot and no longer kept in memory.
  virtual const std::vector<Event>& log() const = 0;
  virtual size_t log_base() const = 0;
  size_t log_end() const { return log_base() + log().size(); }  // events applied since the workspace began

  // The state after all log_end() events, confirmed ones only: what a snapshot stores.
  virtual const State& logged_state() const = 0;

  // Lets go of the events before `first` (a stored snapshot covers them). Keeps them all if `first` is ahead.
  virtual void forget_log_before(size_t first) = 0;
};

}  // namespace inbox::sync

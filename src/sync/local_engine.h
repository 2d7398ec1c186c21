// The engine of the offline demo: the authority runs in the page. Each command is decided and applied at
// once against the in-memory state, followed by whatever the assignment engine and the timers owe at that
// moment; the event log is kept so it can be persisted and replayed (local_event_log.h).
#pragma once
#include <optional>
#include <vector>

#include "core/events.h"
#include "core/seed_data.h"
#include "sync/engine.h"
#include "sync/local_event_log.h"

namespace inbox::sync {

class LocalEngine final : public Engine, public LocalEventLog {
 public:
  LocalEngine() = default;

  // Replays a scripted workspace (core/seed_data.h); a command of the script that is refused is returned
  // as an error, leaving the engine with everything before it.
  static Result<LocalEngine> from_script(const std::vector<TimedCommand>& script);

  // Rebuilds the engine from a stored event log (written by this engine: see event_log_codec.h).
  static LocalEngine from_events(std::vector<Event> events);

  // Rebuilds the engine from a snapshot: `state` is the state after the log's first `snapshot_events` events;
  // `tail` holds the stored events from number `tail_first` (<= snapshot_events) on. Only those after the
  // snapshot are applied; the ones before it stay in the log so it keeps starting where the store's chunks do.
  static LocalEngine from_snapshot(State state, size_t snapshot_events, size_t tail_first, std::vector<Event> tail);

  const State& state() const override { return state_; }
  uint64_t submit_as(Submitter submitter, const Command& command, int64_t now_ms) override;
  std::vector<Rejection> take_rejections() override;
  void advance(int64_t now_ms) override;
  int64_t next_deadline() const override;
  uint64_t revision() const override { return revision_; }

  const std::vector<Event>& log() const override { return log_; }
  size_t log_base() const override { return log_base_; }
  const State& logged_state() const override { return state_; }  // nothing pending: every event is confirmed
  void forget_log_before(size_t first) override;

 private:
  // Decides and applies at once; a refusal changes nothing and comes back to the caller.
  std::optional<Error> execute(const Command& command, int64_t now_ms);
  void record(const std::vector<Event>& events);

  State state_;
  std::vector<Event> log_;
  size_t log_base_ = 0;
  std::vector<Rejection> rejections_;
  uint64_t submissions_ = 0;
  uint64_t revision_ = 0;
};

}  // namespace inbox::sync

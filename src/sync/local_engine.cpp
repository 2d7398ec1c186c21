#include "sync/local_engine.h"

#include <algorithm>
#include <string>
#include <utility>

#include "core/apply.h"
#include "core/decide.h"
#include "core/timers.h"

namespace inbox::sync {

Result<LocalEngine> LocalEngine::from_script(const std::vector<TimedCommand>& script) {
  LocalEngine engine;
  for (size_t i = 0; i < script.size(); ++i) {
    if (std::optional<Error> error = engine.execute(script[i].command, script[i].at_ms)) {
      error->message = "demo script line " + std::to_string(i + 1) + ": " + error->message;
      return std::move(*error);
    }
  }
  engine.revision_ = 1;  // the script is where the engine starts, whatever its length
  return Result<LocalEngine>(std::move(engine));
}

LocalEngine LocalEngine::from_events(std::vector<Event> events) {
  LocalEngine engine;
  apply_all(engine.state_, events);
  engine.log_ = std::move(events);
  engine.revision_ = 1;
  return engine;
}

LocalEngine LocalEngine::from_snapshot(State state, size_t snapshot_events, size_t tail_first, std::vector<Event> tail) {
  LocalEngine engine;
  engine.state_ = std::move(state);
  const size_t covered = std::min(tail.size(), snapshot_events - std::min(snapshot_events, tail_first));
  for (size_t i = covered; i < tail.size(); ++i) apply(engine.state_, tail[i]);
  engine.log_ = std::move(tail);
  engine.log_base_ = tail_first;
  engine.revision_ = 1;
  return engine;
}

void LocalEngine::forget_log_before(size_t first) {
  if (first <= log_base_ || first > log_end()) return;
  log_.erase(log_.begin(), log_.begin() + static_cast<std::ptrdiff_t>(first - log_base_));
  log_.shrink_to_fit();
  log_base_ = first;
}

uint64_t LocalEngine::submit_as(Submitter submitter, const Command& command, int64_t now_ms) {
  const uint64_t submission = ++submissions_;
  std::optional<Error> refused = execute(command, now_ms);
  if (!refused) return submission;
  if (rejections_.size() == kRejectionsKeptMax) rejections_.erase(rejections_.begin());
  rejections_.push_back({submission, submitter, std::move(*refused)});
  return submission;
}

std::optional<Error> LocalEngine::execute(const Command& command, int64_t now_ms) {
  Decision decision = decide(state_, command, now_ms);
  if (!decision.ok()) return decision.error();
  apply_all(state_, decision.value());
  record(decision.value());
  record(run_due(state_, now_ms));  // e.g. the inbound message just opened a conversation to dispatch
  ++revision_;
  return std::nullopt;
}

void LocalEngine::advance(int64_t now_ms) {
  const std::vector<Event> events = run_due(state_, now_ms);
  if (events.empty()) return;
  record(events);
  ++revision_;
}

int64_t LocalEngine::next_deadline() const { return inbox::next_deadline(state_); }

void LocalEngine::record(const std::vector<Event>& events) { log_.insert(log_.end(), events.begin(), events.end()); }

std::vector<Rejection> LocalEngine::take_rejections() { return std::exchange(rejections_, {}); }

}  // namespace inbox::sync

#include "sync/local_engine.h"

#include <string>
#include <utility>

#include "core/apply.h"
#include "core/decide.h"

namespace inbox::sync {

Result<LocalEngine> LocalEngine::from_script(const std::vector<TimedCommand>& script) {
  LocalEngine engine;
  for (size_t i = 0; i < script.size(); ++i) {
    Decision decision = decide(engine.state_, script[i].command, script[i].at_ms);
    if (!decision.ok()) {
      Error error = decision.error();
      error.message = "demo script line " + std::to_string(i + 1) + ": " + error.message;
      return error;
    }
    for (const Event& event : decision.value()) {
      apply(engine.state_, event);
      engine.log_.push_back(event);
    }
  }
  engine.revision_ = 1;
  return Result<LocalEngine>(std::move(engine));
}

uint64_t LocalEngine::submit(const Command& command, int64_t now_ms) {
  const uint64_t submission = ++submissions_;
  Decision decision = decide(state_, command, now_ms);
  if (!decision.ok()) {
    rejections_.push_back({submission, decision.error()});
    return submission;
  }
  for (const Event& event : decision.value()) {
    apply(state_, event);
    log_.push_back(event);
  }
  ++revision_;
  return submission;
}

std::vector<Rejection> LocalEngine::take_rejections() { return std::exchange(rejections_, {}); }

}  // namespace inbox::sync

// A small seeded demo workspace for the fuzz targets (core/seed_data.h with few users and contacts, so a
// copy and a comparison per input stay cheap) at a fixed clock.
#pragma once
#include <cstdint>

#include "core/apply.h"
#include "core/decide.h"
#include "core/routing_index.h"
#include "core/seed_data.h"
#include "core/state.h"
#include "core/timers.h"
#include "core/views.h"
#include "fuzz_check.h"

namespace inbox::fuzz {

constexpr int64_t kNowMs = 1'717'000'000'000;
constexpr uint64_t kDemoSeed = 7;

inline DemoOptions small_demo() {
  DemoOptions options;
  options.users_per_role = 3;
  options.contacts = 24;
  return options;
}

// The script replayed the way the engine runs it, ending ten minutes before kNowMs (WhatsApp windows open).
inline State demo_state() {
  State state;
  for (const TimedCommand& step : demo_script_ending(kDemoSeed, kNowMs, 10 * 60'000, small_demo())) {
    const Decision decision = decide(state, step.command, step.at_ms);
    FUZZ_CHECK(decision.ok());
    apply_all(state, decision.value());
    run_due(state, step.at_ms);
  }
  run_due(state, kNowMs);
  return state;
}

// demo_state(), built once per fuzz process.
inline const State& pristine_demo() {
  static const State state = demo_state();
  return state;
}

// The derived indexes a state carries equal a rebuild from its facts.
inline void check_indexes(const State& state) {
  FUZZ_CHECK(rebuild_views(state) == state.views);
  FUZZ_CHECK(rebuild_routing(state) == state.routing);
  FUZZ_CHECK(rebuild_timers(state) == state.timers);
}

}  // namespace inbox::fuzz

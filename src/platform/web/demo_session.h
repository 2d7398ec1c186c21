// The offline demo's life in the page: load the stored event log (or seed a fresh workspace), let the
// simulated customers and teammates act (demo/simulator.h), save what happens, and start afresh on "Reset
// demo". Everything the views and the simulated world do goes through the engine seam (sync/engine.h); the
// engine is the in-page authority (sync/local_engine.h), whose event log the store saves through its own
// seam (sync/local_event_log.h).
#pragma once
#include <cstdint>
#include <memory>

#include "app/shell.h"
#include "core/seed_data.h"
#include "demo/simulator.h"
#include "platform/web/demo_store.h"
#include "sync/engine.h"
#include "sync/local_event_log.h"

namespace inbox::web {

struct DemoSession {
  std::unique_ptr<sync::Engine> engine;  // set once ready
  sync::LocalEventLog* log = nullptr;     // the engine's own event log, which the store saves (nullptr: none)
  DemoOptions options;  // the seeded workspace's size: ?contacts=N in the page address (benchmarks use 100,000)
  DemoStore store;
  demo::Simulator simulator;
  demo::SimulatorSettings saved_settings;  // what the page's localStorage holds
  bool ready = false;  // false while loading or resetting: the UI shows a loading screen
};

// Starts loading; when done the session is ready and the shell signed in as the default user.
void demo_open(DemoSession& demo, ui::ShellState& shell);

// Before each frame: lets the engine fire what is due and the simulated world act. Returns whether the state
// changed (the page then draws).
bool demo_tick(DemoSession& demo, ui::ShellState& shell, int64_t now_ms);

// After each frame: saves new events and the simulator's settings, and handles what the demo panel asked.
void demo_after_frame(DemoSession& demo, ui::ShellState& shell);

}  // namespace inbox::web

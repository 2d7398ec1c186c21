// The offline demo's controls in column 1: the simulated customers (on/off, how many messages an hour,
// "a customer writes now"), the simulated teammates (on/off), and Reset demo. The platform that runs the
// demo reads what they ask for after each frame.
#pragma once
#include <optional>

#include "core/errors.h"
#include "demo/simulator.h"

namespace inbox::ui {

struct DemoControls {
  demo::SimulatorSettings simulator;
  bool customer_write_requested = false;  // the platform makes a customer write, then clears it
  bool reset_requested = false;           // the platform starts the demo afresh and clears it
  std::optional<Error> storage_failure;   // set by the platform: why the demo cannot be saved (storage_notice.h)
};

void draw_demo_panel(DemoControls& demo);

}  // namespace inbox::ui

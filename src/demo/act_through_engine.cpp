#include "demo/act_through_engine.h"

namespace inbox::demo {

void simulated_people_act(Simulator& simulator, sync::Engine& engine, int64_t now_ms, UserId human) {
  if (simulator_next_at(simulator) > now_ms) return;
  for (const Command& command : simulator_step(simulator, engine.state(), now_ms, human)) {
    engine.submit_as(sync::Submitter::simulated, command, now_ms);
  }
}

void customer_writes_now(Simulator& simulator, sync::Engine& engine, int64_t now_ms) {
  engine.submit_as(sync::Submitter::user, customer_writes(simulator, engine.state(), now_ms), now_ms);
}

}  // namespace inbox::demo

// The simulated world acting through the engine seam (sync/engine.h), as the page does before each frame, so the
// same demo runs on the in-page authority or on a relay-backed engine. What the simulated people submit is
// marked Submitter::simulated: their refusals reach no toast.
#pragma once
#include <cstdint>

#include "core/ids.h"
#include "demo/simulator.h"
#include "sync/engine.h"

namespace inbox::demo {

// What the world does by now_ms (simulator_step), submitted in order when a step is due. `human` is the
// signed-in user: nobody acts for them.
void simulated_people_act(Simulator& simulator, sync::Engine& engine, int64_t now_ms, UserId human);

// The demo panel's "a customer writes now": the signed-in user asked for it, so a refusal is theirs to hear about.
void customer_writes_now(Simulator& simulator, sync::Engine& engine, int64_t now_ms);

}  // namespace inbox::demo

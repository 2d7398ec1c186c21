// apply(): the only place the state changes. Events come from decide() (or the log), so they are
// trusted: a broken invariant here is our bug and stops the process (check.h).
#pragma once
#include <vector>

#include "core/events.h"
#include "core/state.h"

namespace inbox {

void apply(State& state, const Event& event);
void apply_all(State& state, const std::vector<Event>& events);

}  // namespace inbox

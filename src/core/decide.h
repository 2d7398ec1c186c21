// decide(): validates a command against the state and the role rules, and returns the events it causes
// or the Error refusing it. Pure: never changes the state, reads no clock (now_ms comes in).
#pragma once
#include <cstdint>
#include <vector>

#include "core/commands.h"
#include "core/errors.h"
#include "core/events.h"
#include "core/state.h"

namespace inbox {

using Decision = Result<std::vector<Event>>;

Decision decide(const State& state, const Command& command, int64_t now_ms);

}  // namespace inbox

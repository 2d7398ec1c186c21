// A compact binary form of the domain state: what the browser demo stores as its periodic snapshot, so a
// reload decodes the workspace instead of replaying every event. Written once over the reflected field
// lists (reflect.h), like the JSON codec. The header carries a fingerprint of every field name and type:
// a snapshot written by a build with another layout is refused (the caller replays the event log instead).
#pragma once
#include <string>
#include <string_view>

#include "core/errors.h"
#include "core/state.h"

namespace inbox {

// The state without its derived indexes.
std::string state_to_binary(const State& state);

// The state with its derived indexes rebuilt, or an error (nothing half-decoded is returned) when the bytes
// are truncated, corrupt, or written with another layout, or when the state they hold refers to things it
// does not hold (an id past its vector, a message's text past the text...), checksum or not.
Result<State> state_from_binary(std::string_view bytes);

}  // namespace inbox

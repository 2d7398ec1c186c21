// The line under the chat's header that says why a chat waits with nobody on it (core/waiting.h), or that a
// transfer request is waiting for its agent: no chat sits in a queue without its reason on the screen.
#pragma once
#include <string>

#include "app/time_format.h"
#include "core/model.h"

namespace inbox {
struct State;
}

namespace inbox::ui {

// Empty when nothing waits.
std::string waiting_text(const State& state, const Conversation& conversation, const LocalClock& clock);

}  // namespace inbox::ui

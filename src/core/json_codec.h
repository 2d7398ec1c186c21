// The JSON form of commands, events, errors and state snapshots (nlohmann/json). Encoding writes every
// field, so decode(encode(x)) == x and encoding is stable. The parse functions never throw: malformed
// JSON, an unknown "type", an unknown field or a value of the wrong shape comes back as an Error.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/commands.h"
#include "core/errors.h"
#include "core/events.h"
#include "core/state.h"

namespace inbox {

using Json = nlohmann::json;

// Larger texts are refused before parsing (the relay's frames are smaller still).
constexpr size_t kJsonBytesMax = 1 << 20;
constexpr size_t kJsonDepthMax = 32;

// {"type": "send_message", "actor": 3 | null, ...fields}; actor null is the system.
Json command_to_json(const Command& command);
Result<Command> command_from_json(const Json& json);
std::string command_to_text(const Command& command);
Result<Command> parse_command(std::string_view text);

// {"type": "message_added", "actor": 3 | null, "at_ms": 1717000000000, ...fields}.
Json event_to_json(const Event& event);
Result<Event> event_from_json(const Json& json);
std::string event_to_text(const Event& event);
Result<Event> parse_event(std::string_view text);

// {"error": "message_too_long", "message": "..."}.
Json error_to_json(const Error& error);

// Text -> JSON value with the size and depth limits, as an Error instead of an exception.
Result<Json> parse_json(std::string_view text);

// The domain state without its derived views (rebuild_views() recomputes them): snapshots and diffs.
Json state_to_json(const State& state);

}  // namespace inbox

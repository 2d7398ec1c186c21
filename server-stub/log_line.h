// The relay's log: one JSON object per line on stderr, {"ts":<ms>,"level":"info","event":"session_open",...},
// so a log shipper reads it without parsing prose. Each line is written in one call under a lock, so lines
// from different threads never interleave.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace inbox::relay {

enum class LogLevel { info, warn, error };

// The line (with its newline) for an event; `fields` must be an object (anything else goes under "detail").
std::string log_line(int64_t ts_ms, LogLevel level, std::string_view event, const nlohmann::json& fields);

// Writes log_line() with the wall clock to stderr.
void log_event(LogLevel level, std::string_view event, const nlohmann::json& fields = nlohmann::json::object());

}  // namespace inbox::relay

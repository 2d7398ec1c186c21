#include "server-stub/log_line.h"

#include <chrono>
#include <cstdio>
#include <mutex>

namespace inbox::relay {

std::string log_line(int64_t ts_ms, LogLevel level, std::string_view event, const nlohmann::json& fields) {
  static constexpr const char* kLevels[] = {"info", "warn", "error"};
  nlohmann::json line = {{"ts", ts_ms}, {"level", kLevels[static_cast<int>(level)]}, {"event", event}};
  if (fields.is_object()) {
    for (const auto& [key, value] : fields.items()) {
      if (!line.contains(key)) line[key] = value;
    }
  } else if (!fields.is_null()) {
    line["detail"] = fields;
  }
  // Invalid UTF-8 (a peer's bytes in an error message) is replaced, never thrown on.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void log_event(LogLevel level, std::string_view event, const nlohmann::json& fields) {
  static std::mutex mutex;
  const int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  const std::string line = log_line(now_ms, level, event, fields);
  std::lock_guard<std::mutex> lock(mutex);
  std::fputs(line.c_str(), stderr);
}

}  // namespace inbox::relay

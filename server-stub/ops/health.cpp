#include "server-stub/ops/health.h"

#include <string_view>

#include <nlohmann/json.hpp>

namespace inbox::relay::ops {

const char* health_state(const HealthStatus& status) {
  if (!status.log_writable || !status.hub_running) return "unavailable";
  if (status.shutting_down) return "draining";
  return "ok";
}

int healthz_http_status(const HealthStatus& status) {
  return std::string_view(health_state(status)) == "ok" ? 200 : 503;
}

std::string healthz_json(const HealthStatus& status) {
  nlohmann::ordered_json body;
  body["status"] = health_state(status);
  body["seq"] = status.seq;
  body["uptime_seconds"] = static_cast<double>(status.uptime_ms) / 1000.0;
  body["connections"] = status.connections_open;
  body["waiting"] = status.waiting_conversations;
  body["log"] = status.log_writable ? "ok" : "failed";
  body["hub"] = status.hub_running ? "ok" : "stopped";
  return body.dump();
}

}  // namespace inbox::relay::ops

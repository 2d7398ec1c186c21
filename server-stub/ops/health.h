// GET /healthz: whether the relay can take commands, as a small JSON body for load balancers and people.
// Pure: the relay fills HealthStatus, this builds the body and picks the HTTP status.
#pragma once
#include <cstdint>
#include <string>

namespace inbox::relay::ops {

struct HealthStatus {
  bool log_writable = true;    // the event log took the last commit (or nothing was committed yet)
  bool hub_running = true;     // the hub's thread is taking work
  bool shutting_down = false;  // SIGTERM received: draining, new connections should go elsewhere
  uint64_t seq = 0;            // the last committed event
  int64_t uptime_ms = 0;
  int64_t connections_open = 0;
  uint64_t waiting_conversations = 0;
};

// "ok" when the relay takes commands, "draining" once it is shutting down, "unavailable" when the log or
// the hub has failed.
const char* health_state(const HealthStatus& status);

// 200 for "ok", 503 otherwise (a load balancer takes the relay out of rotation).
int healthz_http_status(const HealthStatus& status);

// {"status":"ok","seq":1234,"uptime_seconds":86.4,"connections":12,"waiting":3,"log":"ok","hub":"ok"}
std::string healthz_json(const HealthStatus& status);

}  // namespace inbox::relay::ops

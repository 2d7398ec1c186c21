#include "server-stub/ops/health.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace inbox::relay::ops;

TEST_CASE("healthz: a relay taking commands answers 200 with its position") {
  HealthStatus status;
  status.seq = 1234;
  status.uptime_ms = 86'400;
  status.connections_open = 12;
  status.waiting_conversations = 3;
  CHECK(healthz_http_status(status) == 200);
  const nlohmann::json body = nlohmann::json::parse(healthz_json(status));
  CHECK(body["status"] == "ok");
  CHECK(body["seq"] == 1234);
  CHECK(body["uptime_seconds"] == doctest::Approx(86.4));
  CHECK(body["connections"] == 12);
  CHECK(body["waiting"] == 3);
  CHECK(body["log"] == "ok");
  CHECK(body["hub"] == "ok");
  CHECK(healthz_json(status).rfind("{\"status\":\"ok\"", 0) == 0);  // status first, for a quick look
}

TEST_CASE("healthz: a failed log or a stopped hub is unavailable, a shutdown is draining, both 503") {
  HealthStatus status;
  status.log_writable = false;
  CHECK(std::string(health_state(status)) == "unavailable");
  CHECK(healthz_http_status(status) == 503);
  CHECK(nlohmann::json::parse(healthz_json(status))["log"] == "failed");

  status = HealthStatus{};
  status.hub_running = false;
  CHECK(std::string(health_state(status)) == "unavailable");
  CHECK(nlohmann::json::parse(healthz_json(status))["hub"] == "stopped");

  status = HealthStatus{};
  status.shutting_down = true;
  CHECK(std::string(health_state(status)) == "draining");
  CHECK(healthz_http_status(status) == 503);

  status.log_writable = false;  // a failure outranks draining
  CHECK(std::string(health_state(status)) == "unavailable");
}

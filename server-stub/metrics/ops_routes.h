// GET /healthz (JSON: whether the relay serves, its log head and sessions) and GET /metrics (Prometheus text),
// for a load balancer and a scraper. They say nothing about the workspace's content; the relay binds to
// loopback unless told otherwise.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>

#include "server-stub/metrics/relay_metrics.h"
#include "server-stub/shared_state.h"

namespace inbox::relay {

struct OpsSources {
  std::shared_ptr<const RelayMetrics> metrics;
  std::function<size_t()> connections_open;
  std::function<int64_t()> clock;  // wall time in ms
};

ApiRoutes ops_routes(OpsSources sources);

// Tries each in order; the first that answers wins.
ApiRoutes first_of(std::vector<ApiRoutes> routes);

}  // namespace inbox::relay

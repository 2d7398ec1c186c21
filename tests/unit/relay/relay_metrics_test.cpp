#include <doctest/doctest.h>

#include "server-stub/metrics/relay_metrics.h"

using namespace inbox::relay;

TEST_CASE("render_prometheus: counters, gauges and cumulative histogram buckets in the text format") {
  RelayMetrics metrics;
  metrics.commands_accepted = 7;
  metrics.commands_rejected = 2;
  metrics.deliveries = 1400;
  metrics.waiting_conversations = 3;
  metrics.oldest_waiting_since_ms = 10'000;
  metrics.ack_latency.observe(0.0004);
  metrics.ack_latency.observe(0.003);
  metrics.ack_latency.observe(9.0);  // past every bound: only +Inf
  const std::string text = render_prometheus(metrics, 5, 70'000);
  CHECK(text.find("inbox_relay_connections 5\n") != std::string::npos);
  CHECK(text.find("inbox_relay_commands_total{result=\"accepted\"} 7\n") != std::string::npos);
  CHECK(text.find("inbox_relay_commands_total{result=\"rejected\"} 2\n") != std::string::npos);
  CHECK(text.find("inbox_relay_deliveries_total 1400\n") != std::string::npos);
  CHECK(text.find("inbox_relay_waiting_conversations 3\n") != std::string::npos);
  CHECK(text.find("inbox_relay_oldest_wait_seconds 60\n") != std::string::npos);
  CHECK(text.find("inbox_relay_ack_latency_seconds_bucket{le=\"0.0001\"} 0\n") != std::string::npos);
  CHECK(text.find("inbox_relay_ack_latency_seconds_bucket{le=\"0.0005\"} 1\n") != std::string::npos);
  CHECK(text.find("inbox_relay_ack_latency_seconds_bucket{le=\"0.005\"} 2\n") != std::string::npos);
  CHECK(text.find("inbox_relay_ack_latency_seconds_bucket{le=\"5\"} 2\n") != std::string::npos);
  CHECK(text.find("inbox_relay_ack_latency_seconds_bucket{le=\"+Inf\"} 3\n") != std::string::npos);
  CHECK(text.find("inbox_relay_ack_latency_seconds_count 3\n") != std::string::npos);
  CHECK(text.find("# TYPE inbox_relay_commands_total counter\n") != std::string::npos);
  RelayMetrics idle;
  CHECK(render_prometheus(idle, 0, 70'000).find("inbox_relay_oldest_wait_seconds 0\n") != std::string::npos);
}

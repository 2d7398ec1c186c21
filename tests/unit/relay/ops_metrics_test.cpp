#include "server-stub/ops/metrics.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace inbox::relay::ops;
using namespace std::chrono_literals;

namespace {

bool has_line(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  for (std::string got; std::getline(in, got);) {
    if (got == line) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("metrics: a histogram puts a duration in the first bucket whose bound holds it (le), past all in +Inf") {
  Histogram h({0.001, 0.01, 0.1});
  h.observe(500us);   // <= 1 ms
  h.observe(1ms);     // == 1 ms: still the first bucket
  h.observe(1001us);  // just past it
  h.observe(50ms);
  h.observe(2s);      // past every bound
  h.observe(-5ms);    // a clock step back counts as 0
  const HistogramSnapshot s = h.snapshot();
  REQUIRE(s.counts.size() == 4);
  CHECK(s.counts == std::vector<uint64_t>{3, 1, 1, 1});
  CHECK(s.sum_seconds == doctest::Approx(0.0005 + 0.001 + 0.001001 + 0.05 + 2));
}

TEST_CASE("metrics: counters from many threads add up") {
  RelayMetrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        metrics.command_answered(CommandResult::ok);
        metrics.ack_latency.observe(3ms);
        metrics.delivered(2);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const RelayMetricsSnapshot s = metrics.snapshot();
  CHECK(s.commands[0] == 4000);
  CHECK(s.fanout_deliveries == 8000);
  uint64_t observed = 0;
  for (uint64_t c : s.ack_latency.counts) observed += c;
  CHECK(observed == 4000);
}

TEST_CASE("metrics: the Prometheus text names every metric with its HELP and TYPE") {
  RelayMetrics metrics;
  metrics.connection_opened();
  metrics.connection_opened();
  metrics.connection_opened();
  metrics.connection_closed();
  metrics.command_answered(CommandResult::ok);
  metrics.command_answered(CommandResult::ok);
  metrics.command_answered(CommandResult::rejected);
  metrics.command_answered(CommandResult::duplicate);
  metrics.delivered(7);
  metrics.set_waiting(5, 90'500);
  const std::string text = render_prometheus(metrics.snapshot());

  CHECK(has_line(text, "# TYPE inbox_relay_connections_open gauge"));
  CHECK(has_line(text, "inbox_relay_connections_open 2"));
  CHECK(has_line(text, "# TYPE inbox_relay_commands_total counter"));
  CHECK(has_line(text, "inbox_relay_commands_total{result=\"ok\"} 2"));
  CHECK(has_line(text, "inbox_relay_commands_total{result=\"rejected\"} 1"));
  CHECK(has_line(text, "inbox_relay_commands_total{result=\"duplicate\"} 1"));
  CHECK(has_line(text, "# TYPE inbox_relay_ack_latency_seconds histogram"));
  CHECK(has_line(text, "# TYPE inbox_relay_fsync_seconds histogram"));
  CHECK(has_line(text, "inbox_relay_fanout_deliveries_total 7"));
  CHECK(has_line(text, "inbox_relay_waiting_conversations 5"));
  CHECK(has_line(text, "inbox_relay_oldest_wait_seconds 90.5"));
  CHECK(text.back() == '\n');
  // Every sample's metric has a TYPE line before it.
  std::istringstream in(text);
  std::string typed;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# TYPE ", 0) == 0) {
      typed = line.substr(7, line.find(' ', 7) - 7);
    } else if (line[0] != '#') {
      CHECK_MESSAGE(line.rfind(typed, 0) == 0, line);
    }
  }
}

TEST_CASE("metrics: histogram buckets are cumulative, +Inf last, with _sum and _count") {
  RelayMetricsSnapshot s;
  s.fsync.bounds = {0.0005, 0.001, 0.005};
  s.fsync.counts = {2, 0, 3, 1};
  s.fsync.sum_seconds = 0.0125;
  const std::string text = render_prometheus(s);
  CHECK(has_line(text, "inbox_relay_fsync_seconds_bucket{le=\"0.0005\"} 2"));
  CHECK(has_line(text, "inbox_relay_fsync_seconds_bucket{le=\"0.001\"} 2"));
  CHECK(has_line(text, "inbox_relay_fsync_seconds_bucket{le=\"0.005\"} 5"));
  CHECK(has_line(text, "inbox_relay_fsync_seconds_bucket{le=\"+Inf\"} 6"));
  CHECK(has_line(text, "inbox_relay_fsync_seconds_sum 0.0125"));
  CHECK(has_line(text, "inbox_relay_fsync_seconds_count 6"));
  CHECK(text.find("_bucket{le=\"+Inf\"} 6\ninbox_relay_fsync_seconds_sum") != std::string::npos);
  // An empty histogram still has its +Inf bucket and a zero count.
  CHECK(has_line(text, "inbox_relay_ack_latency_seconds_bucket{le=\"+Inf\"} 0"));
  CHECK(has_line(text, "inbox_relay_ack_latency_seconds_count 0"));
}

TEST_CASE("metrics: the default buckets are ascending and cover the 20 ms ack objective") {
  for (const auto* bounds : {&ack_latency_buckets(), &fsync_buckets()}) {
    for (size_t i = 1; i < bounds->size(); ++i) CHECK((*bounds)[i - 1] < (*bounds)[i]);
  }
  bool has_20ms = false;
  for (double b : ack_latency_buckets()) has_20ms = has_20ms || b == 0.02;
  CHECK(has_20ms);
  const std::string text = render_prometheus(RelayMetrics().snapshot());
  CHECK(has_line(text, "inbox_relay_ack_latency_seconds_bucket{le=\"0.02\"} 0"));
  CHECK(has_line(text, "inbox_relay_ack_latency_seconds_bucket{le=\"0.0005\"} 0"));
  CHECK(has_line(text, "inbox_relay_ack_latency_seconds_bucket{le=\"2.5\"} 0"));
}

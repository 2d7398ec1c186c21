// The relay's operational metrics: counters and histograms the hub and the sessions bump from any thread
// (relaxed atomics, no lock), a plain snapshot of them, and the snapshot rendered in Prometheus' text
// exposition format (version 0.0.4) for GET /metrics. The renderer is pure: tests feed it snapshots.
#pragma once
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace inbox::relay::ops {

// Bucket upper bounds in seconds, ascending (+Inf is implied). Ack latency: from a command frame read to
// its ack queued (the SLO is p99 <= 20 ms); fsync: one group commit's transaction.
inline const std::vector<double>& ack_latency_buckets() {
  static const std::vector<double> bounds = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  return bounds;
}
inline const std::vector<double>& fsync_buckets() {
  static const std::vector<double> bounds = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1};
  return bounds;
}

struct HistogramSnapshot {
  std::vector<double> bounds;    // seconds, ascending, without +Inf
  std::vector<uint64_t> counts;  // per bucket, not cumulative: bounds.size() + 1 entries (the last is > every bound)
  double sum_seconds = 0;
};

// A fixed-bucket histogram of durations, safe to observe from any thread. A snapshot taken while others
// observe may be off by the observations in flight (each counter is exact on its own).
class Histogram {
 public:
  explicit Histogram(std::vector<double> bounds_seconds);
  Histogram(const Histogram&) = delete;
  Histogram& operator=(const Histogram&) = delete;

  void observe(std::chrono::nanoseconds duration);
  HistogramSnapshot snapshot() const;

 private:
  std::vector<double> bounds_;
  std::vector<int64_t> bounds_ns_;
  std::vector<std::atomic<uint64_t>> counts_;  // bounds_.size() + 1
  std::atomic<uint64_t> sum_ns_{0};
};

enum class CommandResult : uint8_t { ok, rejected, duplicate };

struct RelayMetricsSnapshot {
  int64_t connections_open = 0;
  std::array<uint64_t, 3> commands{};  // by CommandResult
  HistogramSnapshot ack_latency;
  HistogramSnapshot fsync;
  uint64_t fanout_deliveries = 0;      // frames of events queued to sessions, one per session per batch
  uint64_t waiting_conversations = 0;  // waiting for an agent (the core's waiting queue), set by the hub
  double oldest_wait_seconds = 0;      // how long the longest-waiting one has waited; 0 when none waits
};

// One per relay, shared by the hub and the sessions.
struct RelayMetrics {
  RelayMetrics();

  std::atomic<int64_t> connections_open{0};
  std::array<std::atomic<uint64_t>, 3> commands{};
  Histogram ack_latency;
  Histogram fsync;
  std::atomic<uint64_t> fanout_deliveries{0};
  std::atomic<uint64_t> waiting_conversations{0};
  std::atomic<int64_t> oldest_wait_ms{0};

  void connection_opened() { connections_open.fetch_add(1, std::memory_order_relaxed); }
  void connection_closed() { connections_open.fetch_sub(1, std::memory_order_relaxed); }
  void command_answered(CommandResult result) {
    commands[static_cast<size_t>(result)].fetch_add(1, std::memory_order_relaxed);
  }
  void delivered(uint64_t frames) { fanout_deliveries.fetch_add(frames, std::memory_order_relaxed); }
  void set_waiting(uint64_t conversations, int64_t oldest_wait_ms_now) {
    waiting_conversations.store(conversations, std::memory_order_relaxed);
    oldest_wait_ms.store(oldest_wait_ms_now, std::memory_order_relaxed);
  }

  RelayMetricsSnapshot snapshot() const;
};

// The snapshot as Prometheus text: # HELP and # TYPE lines, metric names prefixed inbox_relay_, histograms
// with cumulative _bucket{le="..."} lines (+Inf last), _sum and _count. Ends with a newline.
std::string render_prometheus(const RelayMetricsSnapshot& snapshot);

// The Content-Type GET /metrics answers with.
constexpr const char* kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace inbox::relay::ops

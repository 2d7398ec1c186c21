// What the relay counts for /metrics: lock-free counters and histograms the hub and the sessions update on
// their own threads, read whole by a scrape (render_prometheus).
#pragma once
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace inbox::relay {

// Buckets in seconds, from 100 µs to 5 s: an fsync is ~1 ms on a disk, an ack target is 20 ms.
inline constexpr std::array<double, 14> kLatencyBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                           0.02,   0.05,    0.1,    0.25,  0.5,    1.0,  5.0};

class LatencyHistogram {
 public:
  void observe(double seconds);
  struct Reading {
    std::array<uint64_t, kLatencyBuckets.size()> cumulative{};  // observations <= each bound
    uint64_t count = 0;
    double sum = 0;
  };
  Reading read() const;

 private:
  std::array<std::atomic<uint64_t>, kLatencyBuckets.size() + 1> counts_{};  // the last: above every bound
  std::atomic<uint64_t> sum_nanos_{0};
};

struct RelayMetrics {
  std::atomic<uint64_t> commands_accepted{0};
  std::atomic<uint64_t> commands_rejected{0};
  std::atomic<uint64_t> batches{0};
  std::atomic<uint64_t> events_committed{0};
  std::atomic<uint64_t> deliveries{0};  // events sent to sessions: each event counts once per session
  std::atomic<uint64_t> resyncs{0};     // snapshots sent mid-session (a chat shown to an agent)
  std::atomic<uint64_t> sessions_signed_in{0};
  std::atomic<uint64_t> waiting_conversations{0};
  std::atomic<int64_t> oldest_waiting_since_ms{INT64_MIN};  // INT64_MIN: nothing waits
  std::atomic<uint64_t> head_seq{0};
  LatencyHistogram ack_latency;  // a command's arrival at the hub to its ack being queued
  LatencyHistogram commit;       // one batch's decide + SQLite transaction (its fsync)
};

// The Prometheus text exposition (version 0.0.4) of the metrics; connections_open from the server.
std::string render_prometheus(const RelayMetrics& metrics, size_t connections_open, int64_t now_ms);

}  // namespace inbox::relay

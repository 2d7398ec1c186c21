#include "server-stub/metrics/relay_metrics.h"

#include <algorithm>
#include <cstdio>

namespace inbox::relay {

void LatencyHistogram::observe(double seconds) {
  const auto bound = std::lower_bound(kLatencyBuckets.begin(), kLatencyBuckets.end(), seconds);
  counts_[static_cast<size_t>(bound - kLatencyBuckets.begin())].fetch_add(1, std::memory_order_relaxed);
  sum_nanos_.fetch_add(static_cast<uint64_t>(std::max(0.0, seconds) * 1e9), std::memory_order_relaxed);
}

LatencyHistogram::Reading LatencyHistogram::read() const {
  Reading reading;
  uint64_t running = 0;
  for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    running += counts_[i].load(std::memory_order_relaxed);
    reading.cumulative[i] = running;
  }
  reading.count = running + counts_.back().load(std::memory_order_relaxed);
  reading.sum = static_cast<double>(sum_nanos_.load(std::memory_order_relaxed)) / 1e9;
  return reading;
}

namespace {

void line(std::string& out, const char* text) { out.append(text).push_back('\n'); }

void sample(std::string& out, const std::string& name, double value) {
  char number[64];
  std::snprintf(number, sizeof number, "%.17g", value);
  out.append(name).append(" ").append(number).push_back('\n');
}

void header(std::string& out, const char* name, const char* help, const char* type) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n# TYPE ").append(name).append(" ");
  line(out, type);
}

void counter(std::string& out, const char* name, const char* help, uint64_t value) {
  header(out, name, help, "counter");
  sample(out, name, static_cast<double>(value));
}

void gauge(std::string& out, const char* name, const char* help, double value) {
  header(out, name, help, "gauge");
  sample(out, name, value);
}

void histogram(std::string& out, const char* name, const char* help, const LatencyHistogram& histogram) {
  const LatencyHistogram::Reading reading = histogram.read();
  header(out, name, help, "histogram");
  for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    char bound[32];
    std::snprintf(bound, sizeof bound, "%g", kLatencyBuckets[i]);
    sample(out, std::string(name) + "_bucket{le=\"" + bound + "\"}", static_cast<double>(reading.cumulative[i]));
  }
  sample(out, std::string(name) + "_bucket{le=\"+Inf\"}", static_cast<double>(reading.count));
  sample(out, std::string(name) + "_sum", reading.sum);
  sample(out, std::string(name) + "_count", static_cast<double>(reading.count));
}

}  // namespace

std::string render_prometheus(const RelayMetrics& m, size_t connections_open, int64_t now_ms) {
  std::string out;
  gauge(out, "inbox_relay_connections", "Open HTTP and WebSocket connections.", static_cast<double>(connections_open));
  gauge(out, "inbox_relay_sessions_signed_in", "WebSocket sessions past their hello.",
        static_cast<double>(m.sessions_signed_in.load()));
  header(out, "inbox_relay_commands_total", "Commands answered, by result.", "counter");
  sample(out, "inbox_relay_commands_total{result=\"accepted\"}", static_cast<double>(m.commands_accepted.load()));
  sample(out, "inbox_relay_commands_total{result=\"rejected\"}", static_cast<double>(m.commands_rejected.load()));
  counter(out, "inbox_relay_batches_total", "Group commits (one SQLite transaction each).", m.batches.load());
  counter(out, "inbox_relay_events_total", "Events committed to the log.", m.events_committed.load());
  counter(out, "inbox_relay_deliveries_total", "Events sent to sessions (one per event and session).",
          m.deliveries.load());
  counter(out, "inbox_relay_resyncs_total", "Snapshots sent mid-session because a chat became visible.",
          m.resyncs.load());
  gauge(out, "inbox_relay_log_head", "The sequence number of the last committed event.",
        static_cast<double>(m.head_seq.load()));
  histogram(out, "inbox_relay_ack_latency_seconds", "From a command's arrival to its ack.", m.ack_latency);
  histogram(out, "inbox_relay_commit_seconds", "One batch: decide and the SQLite transaction with its fsync.",
            m.commit);
  gauge(out, "inbox_relay_waiting_conversations", "Chats waiting in a team's queue for an agent.",
        static_cast<double>(m.waiting_conversations.load()));
  const int64_t since = m.oldest_waiting_since_ms.load();
  gauge(out, "inbox_relay_oldest_wait_seconds", "How long the longest-waiting chat has waited (0: none waits).",
        since == INT64_MIN ? 0.0 : std::max<int64_t>(0, now_ms - since) / 1000.0);
  return out;
}

}  // namespace inbox::relay

#include "server-stub/ops/metrics.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace inbox::relay::ops {

namespace {

// The shortest decimal that reads back as the same double ("0.005", not "0.0050000000000000001").
std::string number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char text[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(text, sizeof text, "%.*g", precision, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  return text;
}

void header(std::string& out, const char* name, const char* type, const char* help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

void sample(std::string& out, const std::string& name, const std::string& value) {
  out += name;
  out += ' ';
  out += value;
  out += '\n';
}

void histogram(std::string& out, const char* name, const char* help, const HistogramSnapshot& h) {
  header(out, name, "histogram", help);
  const std::string base(name);
  uint64_t cumulative = 0;
  for (size_t i = 0; i <= h.bounds.size(); ++i) {
    cumulative += i < h.counts.size() ? h.counts[i] : 0;
    const std::string le = i < h.bounds.size() ? number(h.bounds[i]) : "+Inf";
    sample(out, base + "_bucket{le=\"" + le + "\"}", std::to_string(cumulative));
  }
  sample(out, base + "_sum", number(h.sum_seconds));
  sample(out, base + "_count", std::to_string(cumulative));
}

constexpr std::array<const char*, 3> kResultNames = {"ok", "rejected", "duplicate"};

}  // namespace

Histogram::Histogram(std::vector<double> bounds_seconds)
    : bounds_(std::move(bounds_seconds)), counts_(bounds_.size() + 1) {
  bounds_ns_.reserve(bounds_.size());
  for (double bound : bounds_) bounds_ns_.push_back(static_cast<int64_t>(std::llround(bound * 1e9)));
}

void Histogram::observe(std::chrono::nanoseconds duration) {
  const int64_t ns = duration.count() < 0 ? 0 : duration.count();
  size_t bucket = 0;
  while (bucket < bounds_ns_.size() && ns > bounds_ns_[bucket]) ++bucket;  // le: a bound holds values equal to it
  counts_[bucket].fetch_add(1, std::memory_order_relaxed);
  sum_ns_.fetch_add(static_cast<uint64_t>(ns), std::memory_order_relaxed);
}

HistogramSnapshot Histogram::snapshot() const {
  HistogramSnapshot out;
  out.bounds = bounds_;
  out.counts.reserve(counts_.size());
  for (const auto& count : counts_) out.counts.push_back(count.load(std::memory_order_relaxed));
  out.sum_seconds = static_cast<double>(sum_ns_.load(std::memory_order_relaxed)) / 1e9;
  return out;
}

RelayMetrics::RelayMetrics() : ack_latency(ack_latency_buckets()), fsync(fsync_buckets()) {}

RelayMetricsSnapshot RelayMetrics::snapshot() const {
  RelayMetricsSnapshot out;
  out.connections_open = connections_open.load(std::memory_order_relaxed);
  for (size_t i = 0; i < commands.size(); ++i) out.commands[i] = commands[i].load(std::memory_order_relaxed);
  out.ack_latency = ack_latency.snapshot();
  out.fsync = fsync.snapshot();
  out.fanout_deliveries = fanout_deliveries.load(std::memory_order_relaxed);
  out.waiting_conversations = waiting_conversations.load(std::memory_order_relaxed);
  out.oldest_wait_seconds = static_cast<double>(oldest_wait_ms.load(std::memory_order_relaxed)) / 1000.0;
  return out;
}

std::string render_prometheus(const RelayMetricsSnapshot& s) {
  std::string out;
  out.reserve(4096);
  header(out, "inbox_relay_connections_open", "gauge", "WebSocket sessions open on /ws.");
  sample(out, "inbox_relay_connections_open", std::to_string(s.connections_open));
  header(out, "inbox_relay_commands_total", "counter",
         "Command frames answered, by result: ok (acked), rejected, duplicate (a resend answered from the first answer).");
  for (size_t i = 0; i < kResultNames.size(); ++i) {
    sample(out, std::string("inbox_relay_commands_total{result=\"") + kResultNames[i] + "\"}",
           std::to_string(s.commands[i]));
  }
  histogram(out, "inbox_relay_ack_latency_seconds", "From a command frame read to its ack queued.", s.ack_latency);
  histogram(out, "inbox_relay_fsync_seconds", "One group commit: the SQLite transaction with its fsync.", s.fsync);
  header(out, "inbox_relay_fanout_deliveries_total", "counter", "Event frames queued to sessions.");
  sample(out, "inbox_relay_fanout_deliveries_total", std::to_string(s.fanout_deliveries));
  header(out, "inbox_relay_waiting_conversations", "gauge", "Conversations waiting for an agent.");
  sample(out, "inbox_relay_waiting_conversations", std::to_string(s.waiting_conversations));
  header(out, "inbox_relay_oldest_wait_seconds", "gauge",
         "How long the longest-waiting conversation has waited (0 when none waits).");
  sample(out, "inbox_relay_oldest_wait_seconds", number(s.oldest_wait_seconds));
  return out;
}

}  // namespace inbox::relay::ops

// The thread that delivers the WhatsApp outbox: it follows the committed log (from the outbox's cursor, so
// nothing committed while the relay was down is missed), queues each outbound WhatsApp message once, and
// POSTs the due ones to the Graph API. A send that Meta accepted records its wamid in the core (so the
// statuses find it); one it refuses for good marks the message failed in the core, for the UI to show;
// anything else is retried with exponential backoff and jitter until attempts_max.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <random>
#include <string>

#include "server-stub/whatsapp/graph_client.h"
#include "server-stub/whatsapp/outbox_store.h"
#include "server-stub/whatsapp/send_policy.h"
#include "server-stub/whatsapp/state_mirror.h"
#include "server-stub/whatsapp/submit_commands.h"
#include "server-stub/whatsapp/worker_thread.h"

namespace inbox::relay::whatsapp {

struct SenderConfig {
  GraphEndpoint graph;
  std::string access_token;
  BackoffPolicy backoff;
  std::chrono::milliseconds request_timeout{10'000};
  std::function<int64_t()> clock;  // wall time in ms
};

struct SenderStats {
  uint64_t queued = 0;
  uint64_t attempts = 0;
  uint64_t sent = 0;
  uint64_t failed = 0;
};

class OutboxSender {
 public:
  OutboxSender(OutboxStore& store, StateMirror& mirror, SubmitCommands submit, SenderConfig config);

  void start() { worker_.start(); }
  void stop() { worker_.stop(); }  // after the request in flight, if any; idempotent
  void wake() { worker_.wake(); }  // something was committed (any thread; HubConfig::on_committed)
  SenderStats stats() const;

 private:
  std::chrono::milliseconds round();  // how long it may sleep after
  bool queue_committed();  // false: the store failed
  void send(const OutboxRow& row, int64_t now_ms);
  void report(std::vector<Command> commands);

  OutboxStore& store_;
  StateMirror& mirror_;
  SubmitCommands submit_;
  SenderConfig config_;
  std::mt19937_64 random_;
  mutable std::mutex mutex_;  // guards stats_
  SenderStats stats_;
  WorkerThread worker_;  // last: its thread stops before the members it uses go
};

}  // namespace inbox::relay::whatsapp

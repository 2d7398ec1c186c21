// The thread between the webhook inbox and the core: reads the unprocessed bodies in order, turns them into
// system commands, and marks them processed once the hub committed those. A body that can never be read
// (not JSON) is marked processed too, so it cannot hold up the ones behind it.
#pragma once
#include <cstdint>
#include <mutex>

#include "server-stub/whatsapp/state_mirror.h"
#include "server-stub/whatsapp/submit_commands.h"
#include "server-stub/whatsapp/webhook_inbox.h"
#include "server-stub/whatsapp/worker_thread.h"

namespace inbox::relay::whatsapp {

struct ProcessorStats {
  uint64_t bodies_processed = 0;
  uint64_t bodies_unreadable = 0;
  uint64_t commands_submitted = 0;
};

class WebhookProcessor {
 public:
  WebhookProcessor(WebhookInbox& inbox, StateMirror& mirror, SubmitCommands submit);

  void start() { worker_.start(); }  // drains what an earlier run left unprocessed first
  void stop() { worker_.stop(); }    // idempotent
  void wake() { worker_.wake(); }    // a body was stored (any thread)
  ProcessorStats stats() const;

 private:
  bool process_some();  // false: nothing to do, or a failure to wait out

  WebhookInbox& inbox_;
  StateMirror& mirror_;
  SubmitCommands submit_;
  mutable std::mutex mutex_;  // guards stats_
  ProcessorStats stats_;
  WorkerThread worker_;  // last: its thread stops before the members it uses go
};

}  // namespace inbox::relay::whatsapp

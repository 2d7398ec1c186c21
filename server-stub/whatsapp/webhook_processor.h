// The thread between the webhook inbox and the core: reads the unprocessed bodies in order, turns them into
// system commands, and marks them processed once the hub committed those. A body that can never be read
// (not JSON) is marked processed too, so it cannot hold up the ones behind it.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "server-stub/whatsapp/state_mirror.h"
#include "server-stub/whatsapp/submit_commands.h"
#include "server-stub/whatsapp/webhook_inbox.h"

namespace inbox::relay::whatsapp {

struct ProcessorStats {
  uint64_t bodies_processed = 0;
  uint64_t bodies_unreadable = 0;
  uint64_t commands_submitted = 0;
};

class WebhookProcessor {
 public:
  WebhookProcessor(WebhookInbox& inbox, StateMirror& mirror, SubmitCommands submit);
  ~WebhookProcessor();
  WebhookProcessor(const WebhookProcessor&) = delete;
  WebhookProcessor& operator=(const WebhookProcessor&) = delete;

  void start();  // drains what an earlier run left unprocessed first
  void stop();   // idempotent
  void wake();   // a body was stored (any thread)
  ProcessorStats stats() const;

 private:
  void run();
  bool process_some();  // false: nothing to do, or a failure to wait out

  WebhookInbox& inbox_;
  StateMirror& mirror_;
  SubmitCommands submit_;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  ProcessorStats stats_;
};

}  // namespace inbox::relay::whatsapp

// The demo workspace's customers, live in the relay (--demo-customers): once a second the simulator (src/demo)
// looks at the WhatsApp side's state mirror. What WhatsApp customers write, and what their phones report about
// messages that went out through the Graph API, is posted to the relay's own /webhooks/whatsapp signed with
// the app secret, so it takes the path Meta's traffic takes (verified, stored, deduped, parsed). What has no
// WhatsApp form (the Instagram, Messenger and webchat customers; the delivery of a message that never reached
// the Graph API) is submitted as the system. The teammates of the browser demo do not run here: the relay's
// agents are people.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include "demo/simulator.h"
#include "server-stub/whatsapp/graph_client.h"
#include "server-stub/whatsapp/state_mirror.h"
#include "server-stub/whatsapp/submit_commands.h"
#include "server-stub/whatsapp/worker_thread.h"

namespace inbox::relay::demo_customers {

struct DemoCustomersConfig {
  uint64_t seed = 1;
  uint32_t messages_per_hour = 90;
  std::string app_secret;           // signs the webhooks; the relay's --whatsapp-app-secret
  whatsapp::GraphEndpoint relay;    // where /webhooks/whatsapp is: the relay's own address
  std::string wamid_prefix;         // distinct per run (the start time), so wamids never repeat on one database
  std::function<int64_t()> clock;   // wall time in ms
  std::chrono::milliseconds request_timeout{5000};
};

struct DemoCustomersStats {
  uint64_t webhooks_posted = 0;    // answered 200
  uint64_t webhooks_refused = 0;   // any other answer, or none
  uint64_t commands_direct = 0;    // submitted as the system and committed
};

class DemoCustomers {
 public:
  DemoCustomers(DemoCustomersConfig config, whatsapp::StateMirror& mirror, whatsapp::SubmitCommands submit);
  ~DemoCustomers() { stop(); }

  void start();
  void stop();  // idempotent
  // One look at the world (the thread's round). Returns the wait until the next.
  std::chrono::milliseconds round();
  DemoCustomersStats stats() const;

 private:
  bool relay_has_last_message();

  DemoCustomersConfig config_;
  whatsapp::StateMirror& mirror_;
  whatsapp::SubmitCommands submit_;
  demo::Simulator simulator_;
  uint64_t next_wamid_ = 1;
  // The last customer message posted: the simulator waits until the mirror holds it, so an answer is never
  // written twice because the state had not caught up yet.
  std::string awaited_wamid_;
  ChannelId awaited_channel_;
  int64_t awaited_since_ = 0;
  mutable std::mutex stats_mutex_;
  DemoCustomersStats stats_;
  whatsapp::WorkerThread worker_;
};

}  // namespace inbox::relay::demo_customers

#include "server-stub/demo_customers/demo_customers.h"

#include <algorithm>
#include <utility>

#include "core/views.h"
#include "server-stub/demo_customers/customer_webhooks.h"
#include "server-stub/whatsapp/webhook_signature.h"

namespace inbox::relay::demo_customers {

namespace {

constexpr std::chrono::milliseconds kWaitForRelay{200};
constexpr int64_t kGiveUpWaitingMs = 10'000;  // a webhook the relay stored but could not process: go on

}  // namespace

DemoCustomers::DemoCustomers(DemoCustomersConfig config, whatsapp::StateMirror& mirror, whatsapp::SubmitCommands submit)
    : config_(std::move(config)),
      mirror_(mirror),
      submit_(std::move(submit)),
      simulator_(demo::make_simulator(config_.seed, demo::SimulatorSettings{true, config_.messages_per_hour, false})),
      worker_([this] { return round(); }) {}

void DemoCustomers::start() { worker_.start(); }
void DemoCustomers::stop() { worker_.stop(); }

DemoCustomersStats DemoCustomers::stats() const {
  std::lock_guard<std::mutex> lock(stats_mutex_);
  return stats_;
}

bool DemoCustomers::relay_has_last_message() {
  return mirror_.read([&](const State& state) {
    return message_by_provider_id(state, awaited_channel_, awaited_wamid_).valid();
  });
}

std::chrono::milliseconds DemoCustomers::round() {
  const int64_t now = config_.clock();
  mirror_.catch_up();  // a failed read of the log is retried next round
  if (!awaited_wamid_.empty()) {
    if (!relay_has_last_message() && now - awaited_since_ < kGiveUpWaitingMs) return kWaitForRelay;
    awaited_wamid_.clear();
  }
  Webhooks out = mirror_.read([&](const State& state) {
    std::vector<Command> commands = demo::simulator_step(simulator_, state, now, UserId());
    return webhooks_for(state, std::move(commands), config_.wamid_prefix, next_wamid_, now);
  });
  for (const Webhook& hook : out.webhooks) {
    const whatsapp::HttpHeaders headers = {{"X-Hub-Signature-256", whatsapp::signature_header(hook.body, config_.app_secret)}};
    const whatsapp::GraphReply reply =
        whatsapp::post_json(config_.relay, "/webhooks/whatsapp", headers, hook.body, config_.request_timeout);
    std::lock_guard<std::mutex> lock(stats_mutex_);
    if (reply.status != 200) {
      ++stats_.webhooks_refused;
      continue;
    }
    ++stats_.webhooks_posted;
    if (!hook.wamid.empty()) {
      awaited_wamid_ = hook.wamid;
      awaited_channel_ = hook.channel;
      awaited_since_ = now;
    }
  }
  if (!out.direct.empty()) {
    const size_t count = out.direct.size();
    if (whatsapp::submit_and_wait(submit_, std::move(out.direct), [this] { return worker_.stopping(); })) {
      std::lock_guard<std::mutex> lock(stats_mutex_);
      stats_.commands_direct += count;
    }
  }
  const int64_t wait_ms = demo::simulator_next_at(simulator_) - config_.clock();
  return std::chrono::milliseconds(std::clamp<int64_t>(wait_ms, 50, demo::kSimulatorStepMs));
}

}  // namespace inbox::relay::demo_customers

#include "demo/simulator.h"

#include <algorithm>

#include "demo/world.h"

namespace inbox::demo {
namespace {

constexpr int64_t kHourMs = 3'600'000;
constexpr int64_t kCatchUpMaxMs = 5 * 60'000;  // after a long pause (page closed) customers do not all write at once
constexpr int kCustomersPerStepMax = 1;  // new customers are numbered by the contacts so far: one per state

// The gap to the next customer message: the mean the rate asks for, give or take half.
int64_t customer_gap(Simulator& simulator) {
  const int64_t mean = kHourMs / std::max<uint32_t>(1, simulator.settings.customer_messages_per_hour);
  return mean / 2 + static_cast<int64_t>(simulator.random.below(static_cast<size_t>(mean) + 1));
}

}  // namespace

Simulator make_simulator(uint64_t seed, const SimulatorSettings& settings) {
  Simulator simulator;
  simulator.settings = settings;
  simulator.settings.customer_messages_per_hour =
      std::min(settings.customer_messages_per_hour, kCustomerMessagesPerHourMax);
  simulator.random = demo_text::Random(seed);
  return simulator;
}

int64_t simulator_next_at(const Simulator& simulator) { return simulator.next_step_at; }

std::vector<Command> simulator_step(Simulator& simulator, const State& state, int64_t now_ms, UserId human) {
  std::vector<Command> out;
  const SimulatorSettings& settings = simulator.settings;
  const bool customers = settings.customers_write && settings.customer_messages_per_hour > 0;
  if (!customers || simulator.next_customer_at == 0 || simulator.next_customer_at < now_ms - kCatchUpMaxMs) {
    simulator.next_customer_at = now_ms + customer_gap(simulator);
  }
  for (int n = 0; customers && simulator.next_customer_at <= now_ms && n < kCustomersPerStepMax; ++n) {
    out.push_back(customer_writes(simulator, state, now_ms));
    simulator.next_customer_at += customer_gap(simulator);
  }
  if (customers) {
    for (Command& answer : customers_answer(state, now_ms)) out.push_back(std::move(answer));
  }
  for (Command& report : phones_report(state, now_ms)) out.push_back(std::move(report));
  if (settings.teammates_work) {
    for (Command& command : teammates_act(state, now_ms, human)) out.push_back(std::move(command));
  }
  simulator.next_step_at = now_ms + kSimulatorStepMs;
  return out;
}

}  // namespace inbox::demo

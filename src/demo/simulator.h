// The demo's simulated world, so an inbox opened with no server still lives: customers write in at a
// configurable rate (new ones and returning ones, in es/pt/fr/en, some from a Click-to-WhatsApp ad),
// their phones report the agents' messages delivered and read, and they answer the agents who reply; the teammates of whoever is signed in accept their offers, answer
// and close. Deterministic: it reads the state and the time it is given and returns commands to submit.
#pragma once
#include <cstdint>
#include <vector>

#include "core/commands.h"
#include "core/demo_text.h"
#include "core/state.h"

namespace inbox::demo {

struct SimulatorSettings {
  bool customers_write = true;            // new and returning customers write in
  uint32_t customer_messages_per_hour = 40;
  bool teammates_work = true;             // the other agents accept, answer and close

  friend bool operator==(const SimulatorSettings& a, const SimulatorSettings& b) {
    return a.customers_write == b.customers_write && a.customer_messages_per_hour == b.customer_messages_per_hour &&
           a.teammates_work == b.teammates_work;
  }
};

constexpr uint32_t kCustomerMessagesPerHourMax = 3600;
constexpr int64_t kSimulatorStepMs = 1000;  // teammates look at their inbox this often

struct Simulator {
  SimulatorSettings settings;
  demo_text::Random random;
  int64_t next_customer_at = 0;  // 0: not scheduled yet (the first step schedules it)
  int64_t next_step_at = 0;
  uint64_t customers_created = 0;  // numbers new customers' phones
};

Simulator make_simulator(uint64_t seed, const SimulatorSettings& settings);

// When step() next has something to look at.
int64_t simulator_next_at(const Simulator& simulator);

// What the world does by now_ms. `human` is the signed-in user: nobody acts for them. Commands are made
// against `state` as it is; the caller submits them in order (a later one may be refused once an earlier
// one changed things, which is harmless).
std::vector<Command> simulator_step(Simulator& simulator, const State& state, int64_t now_ms, UserId human);

// One customer writes now (the demo's "a customer writes" button): a new customer most of the time, else
// one who wrote before.
Command customer_writes(Simulator& simulator, const State& state, int64_t now_ms);

// The teammates' part of a step, on its own (tests, and step() itself).
std::vector<Command> teammates_act(const State& state, int64_t now_ms, UserId human);

}  // namespace inbox::demo

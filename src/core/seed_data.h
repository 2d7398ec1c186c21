// A realistic demo workspace as a script of commands: teams Sales/Support/Billing, a dozen users of each
// role, a few hundred es/pt/fr/en contacts writing with accents and emoji, agents picking up, replying,
// tagging, transferring and closing. Deterministic from the seed; used by inbox-seed and the demo mode.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/commands.h"

namespace inbox {

struct TimedCommand {
  int64_t at_ms = 0;
  Command command;
};

struct DemoOptions {
  size_t users_per_role = 12;
  size_t contacts = 300;
};

// The demo's WhatsApp team offers each new chat for this long before the agent goes to RONA.
constexpr int64_t kDemoOfferTimeoutMs = 60'000;
constexpr uint32_t kDemoSalesCapacity = 6;  // chats per Sales agent at once: the history leaves a backlog

// Every command in the script is accepted when replayed in order on an empty state the way the engine
// runs commands: decide and apply each, then run_due() at its time (dispatch and due timers).
std::vector<TimedCommand> demo_script(uint64_t seed, int64_t start_ms, const DemoOptions& options = {});

// The same script started so that its last command comes `quiet_ms` before end_ms: the customers' WhatsApp
// windows are open as in a live inbox (what the demo page and the relay's --demo seed load).
std::vector<TimedCommand> demo_script_ending(uint64_t seed, int64_t end_ms, int64_t quiet_ms,
                                             const DemoOptions& options = {});

}  // namespace inbox

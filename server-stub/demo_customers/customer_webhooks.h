// The demo's simulated customers (src/demo) as the WhatsApp Cloud API would report them: what they write
// becomes a message webhook and what their phones report becomes a status webhook, in Meta's format, so the
// demo's traffic enters the relay the way real traffic does (signed, stored, parsed, deduped). Pure.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/state.h"

namespace inbox::relay::demo_customers {

// Body of a webhook carrying one customer message to the business number `to` (digits), sent at `at_ms`.
std::string message_webhook(const std::string& to, const ReceiveMessage& message, const std::string& wamid,
                            int64_t at_ms);
// Body of a webhook reporting that our message `wamid` reached `recipient`'s phone, or was read there.
std::string status_webhook(const std::string& to, const std::string& wamid, DeliveryStatus status,
                           const std::string& recipient, int64_t at_ms);

struct Webhook {
  std::string body;
  std::string wamid;  // a customer message's wamid (how to tell the relay has it); empty for a status
  ChannelId channel;
};

struct Webhooks {
  std::vector<Webhook> webhooks;
  // Commands with no WhatsApp form: what customers write on the other channels, and the delivery of a
  // message that never went through the Graph API (so has no wamid a status could name).
  std::vector<Command> direct;
};

// The simulator's commands made against `state`, as webhooks. `next_wamid` numbers the customers' messages
// (it is advanced); a distinct `wamid_prefix` per run keeps them unique across runs on the same database.
Webhooks webhooks_for(const State& state, std::vector<Command> commands, const std::string& wamid_prefix,
                      uint64_t& next_wamid, int64_t at_ms);

}  // namespace inbox::relay::demo_customers

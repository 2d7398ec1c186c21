// What a parsed webhook asks of the core, given the workspace: each item goes to the WhatsApp channel of the
// business number it was addressed to (the channel's address is that number, or its Graph phone number id).
#pragma once
#include <vector>

#include "core/commands.h"
#include "core/state.h"
#include "server-stub/whatsapp/webhook_parser.h"

namespace inbox::relay::whatsapp {

// none: no WhatsApp channel of the workspace has that number.
ChannelId channel_for(const State& state, const BusinessNumber& number);

// System commands (actor none). Items for an unknown number are left out; the core refuses duplicates and
// statuses that would move a message back, and the hub drops those refusals.
std::vector<Command> webhook_commands(const State& state, const WebhookContents& contents);

}  // namespace inbox::relay::whatsapp

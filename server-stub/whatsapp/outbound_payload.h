// An agent's reply or template on a WhatsApp channel as the Graph API's POST /<phone_number_id>/messages body
// (Meta's JSON: text, template with language and body parameters, media by link or media id). Pure.
#pragma once
#include <optional>
#include <string>

#include "core/events.h"
#include "core/state.h"

namespace inbox::relay::whatsapp {

struct OutboundMessage {
  MessageId message;
  std::string phone_number_id;  // the channel's address, digits only
  std::string payload;          // JSON
};

// nullopt: not a message to a customer on a WhatsApp channel (notes, inbound, other channels), or nobody to
// send it to (a contact without a phone). `state` is any state in which the message's conversation exists.
std::optional<OutboundMessage> outbound_for(const State& state, const MessageAdded& added);

}  // namespace inbox::relay::whatsapp

// A WhatsApp Cloud API webhook body (JSON, as Meta posts it) read into what it asks of the inbox: the customers'
// messages and the delivery reports of ours. Pure: no I/O, no clock, no state; the channel each item belongs
// to is found later (webhook_commands.h) from the business number it names.
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/commands.h"
#include "core/errors.h"

namespace inbox::relay::whatsapp {

// The business number a change was addressed to (the payload's metadata).
struct BusinessNumber {
  std::string phone_number_id;       // the Graph API's id: what replies are posted to
  std::string display_phone_number;  // digits, as the customer dials it
};

struct InboundMessage {
  BusinessNumber to;
  ReceiveMessage message;  // everything but the channel; provider_id is the wamid
};

struct StatusReport {
  BusinessNumber to;
  std::string wamid;
  DeliveryStatus status = DeliveryStatus::none;
};

struct WebhookContents {
  std::vector<InboundMessage> messages;
  std::vector<StatusReport> statuses;
};

// Fields the parser does not know are ignored (Meta adds some every version); a body that is not JSON, or not
// shaped like a webhook at all, is an error. A message of a type the inbox cannot show becomes a visible line
// saying so, never silence.
std::variant<WebhookContents, Error> parse_webhook(std::string_view body);

}  // namespace inbox::relay::whatsapp

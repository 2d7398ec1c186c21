// GET /webhooks/whatsapp: Meta's subscription check (hub.mode=subscribe, hub.verify_token, hub.challenge).
// POST /webhooks/whatsapp: a signed delivery; stored as received, then 200 at once (processing comes later).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "server-stub/request_handler.h"
#include "server-stub/whatsapp/webhook_inbox.h"

namespace inbox::relay::whatsapp {

inline constexpr std::string_view kWebhookPath = "/webhooks/whatsapp";

struct WebhookSecrets {
  std::string app_secret;    // signs POST bodies; empty: every POST is refused
  std::string verify_token;  // the GET check's shared word; empty: every GET is refused
};

// nullopt: not the webhook path. `stored` runs after a body was stored (wakes the processor).
std::optional<StringResponse> handle_webhook_request(const WebhookSecrets& secrets, WebhookInbox& inbox,
                                                     const Request& request, int64_t now_ms,
                                                     const std::function<void()>& stored);

// "a%20b+c" -> "a b c"; malformed escapes are kept as they are.
std::string url_decode(std::string_view text);
// The decoded value of `name` in a query string ("a=1&b=2"), if present.
std::optional<std::string> query_value(std::string_view query, std::string_view name);

}  // namespace inbox::relay::whatsapp

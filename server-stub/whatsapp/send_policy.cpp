#include "server-stub/whatsapp/send_policy.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace inbox::relay::whatsapp {

namespace {

std::string wamid_of(const std::string& body) {
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("messages") || !json["messages"].is_array() || json["messages"].empty()) {
    return {};
  }
  const nlohmann::json& first = json["messages"][0];
  if (!first.is_object() || !first.contains("id") || !first["id"].is_string()) return {};
  return first["id"].get<std::string>();
}

std::string error_of(const GraphReply& reply) {
  const std::string head = reply.body.substr(0, 300);
  return "HTTP " + std::to_string(reply.status) + (head.empty() ? "" : ": " + head);
}

}  // namespace

SendVerdict classify_reply(const GraphReply& reply) {
  if (reply.status == 0) return SendVerdict{SendOutcome::retry, {}, reply.transport_error};
  if (reply.status >= 200 && reply.status < 300) {
    std::string wamid = wamid_of(reply.body);
    // Accepted but unreadable: sending again could reach the customer twice, so keep it as sent.
    return SendVerdict{SendOutcome::sent, std::move(wamid), {}};
  }
  if (reply.status >= 500 || reply.status == 429 || reply.status == 408) {
    return SendVerdict{SendOutcome::retry, {}, error_of(reply)};
  }
  return SendVerdict{SendOutcome::permanent, {}, error_of(reply)};
}

int64_t backoff_ms(const BackoffPolicy& policy, uint32_t attempts, uint64_t random) {
  int64_t delay = policy.first_ms;
  for (uint32_t i = 1; i < attempts && delay < policy.max_ms; ++i) delay *= 2;
  delay = std::min(delay, policy.max_ms);
  const int64_t half = delay / 2;
  return delay - half + static_cast<int64_t>(random % static_cast<uint64_t>(half + 1));
}

}  // namespace inbox::relay::whatsapp

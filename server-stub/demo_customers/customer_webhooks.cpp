#include "server-stub/demo_customers/customer_webhooks.h"

#include <nlohmann/json.hpp>

#include "demo/world.h"
#include "server-stub/whatsapp/digits.h"

namespace inbox::relay::demo_customers {

namespace {

using Json = nlohmann::json;

std::string seconds_of(int64_t at_ms) { return std::to_string(at_ms / 1000); }

std::string body_with_value(const std::string& to, Json value) {
  value["messaging_product"] = "whatsapp";
  value["metadata"] = {{"display_phone_number", to}, {"phone_number_id", to}};
  Json change = {{"field", "messages"}, {"value", std::move(value)}};
  Json entry = {{"id", "DEMO-WABA"}, {"changes", Json::array({std::move(change)})}};
  return Json{{"object", "whatsapp_business_account"}, {"entry", Json::array({std::move(entry)})}}.dump();
}

const char* status_name(DeliveryStatus status) {
  switch (status) {
    case DeliveryStatus::delivered: return "delivered";
    case DeliveryStatus::read: return "read";
    case DeliveryStatus::failed: return "failed";
    default: return "sent";
  }
}

const Channel* whatsapp_channel(const State& state, ChannelId id) {
  if (!id.valid() || id.index() >= state.channels.size()) return nullptr;
  const Channel& channel = state.channels[id.index()];
  return channel.kind == ChannelKind::whatsapp ? &channel : nullptr;
}

const std::string* wamid_of(const State& state, MessageId message) {
  for (const ProviderRef& ref : state.provider_ids) {
    if (ref.message == message) return &ref.id;
  }
  return nullptr;
}

}  // namespace

std::string message_webhook(const std::string& to, const ReceiveMessage& message, const std::string& wamid,
                            int64_t at_ms) {
  const std::string from = whatsapp::digits_of(message.from);  // Meta sends the number without its '+'
  Json sent = {{"from", from}, {"id", wamid}, {"timestamp", seconds_of(at_ms)}, {"type", "text"},
               {"text", {{"body", message.text}}}};
  if (const auto& referral = message.referral) {
    sent["referral"] = {{"source_type", referral->source_type}, {"source_id", referral->source_id},
                        {"source_url", referral->source_url},   {"headline", referral->headline},
                        {"body", referral->body},               {"media_type", "image"},
                        {"image_url", referral->media_url}};
  }
  Json contact = {{"wa_id", from}, {"profile", {{"name", message.profile_name}}}};
  return body_with_value(to, Json{{"contacts", Json::array({std::move(contact)})}, {"messages", Json::array({std::move(sent)})}});
}

std::string status_webhook(const std::string& to, const std::string& wamid, DeliveryStatus status,
                           const std::string& recipient, int64_t at_ms) {
  Json report = {{"id", wamid}, {"status", status_name(status)}, {"timestamp", seconds_of(at_ms)},
                 {"recipient_id", whatsapp::digits_of(recipient)}};
  return body_with_value(to, Json{{"statuses", Json::array({std::move(report)})}});
}

Webhooks webhooks_for(const State& state, std::vector<Command> commands, const std::string& wamid_prefix,
                      uint64_t& next_wamid, int64_t at_ms) {
  Webhooks out;
  for (Command& command : commands) {
    if (const auto* inbound = std::get_if<ReceiveMessage>(&command.body)) {
      const Channel* channel = whatsapp_channel(state, inbound->channel);
      if (channel != nullptr && !inbound->text.empty()) {
        std::string wamid = wamid_prefix + std::to_string(next_wamid++);
        std::string body = message_webhook(whatsapp::digits_of(channel->address), *inbound, wamid, at_ms);
        out.webhooks.push_back(Webhook{std::move(body), std::move(wamid), inbound->channel});
        continue;
      }
    } else if (const auto* update = std::get_if<UpdateDelivery>(&command.body)) {
      const MessageId id = update->message;
      const Message* message = id.valid() && id.index() < state.messages.size() ? &state.messages[id.index()] : nullptr;
      const Conversation* conversation = message ? &state.conversations[message->conversation.index()] : nullptr;
      const Channel* channel = conversation ? whatsapp_channel(state, conversation->channel) : nullptr;
      const std::string* wamid = channel ? wamid_of(state, id) : nullptr;
      const std::string* recipient = wamid ? demo::contact_address(state, *conversation) : nullptr;
      if (recipient != nullptr) {
        std::string body =
            status_webhook(whatsapp::digits_of(channel->address), *wamid, update->status, *recipient, at_ms);
        out.webhooks.push_back(Webhook{std::move(body), {}, conversation->channel});
        continue;
      }
    }
    out.direct.push_back(std::move(command));
  }
  return out;
}

}  // namespace inbox::relay::demo_customers

#include "server-stub/whatsapp/outbound_payload.h"

#include <nlohmann/json.hpp>

#include "server-stub/whatsapp/digits.h"

namespace inbox::relay::whatsapp {

namespace {

using Json = nlohmann::json;

// The customer's WhatsApp id: the identity on that channel, else the contact's phone, without the '+'.
std::string recipient(const Contact& contact, ChannelId channel) {
  for (const ChannelIdentity& identity : contact.identities) {
    if (identity.channel == channel && !digits_of(identity.address).empty()) return digits_of(identity.address);
  }
  return digits_of(contact.phone);
}

const char* media_type(const std::string& mime_type) {
  if (mime_type == "image/webp") return "sticker";
  if (mime_type.rfind("image/", 0) == 0) return "image";
  if (mime_type.rfind("audio/", 0) == 0) return "audio";
  if (mime_type.rfind("video/", 0) == 0) return "video";
  return "document";
}

Json media_body(const Media& media, const std::string& caption) {
  constexpr std::string_view kMediaIdPrefix = "whatsapp-media:";
  Json body = Json::object();
  if (media.url.rfind(kMediaIdPrefix, 0) == 0) body["id"] = media.url.substr(kMediaIdPrefix.size());
  else body["link"] = media.url;
  const std::string type = media_type(media.mime_type);
  if (!caption.empty() && type != "audio" && type != "sticker") body["caption"] = caption;
  return body;
}

Json template_body(const Template& message_template) {
  Json body = {{"name", message_template.name}, {"language", {{"code", message_template.language}}}};
  if (!message_template.params.empty()) {
    Json parameters = Json::array();
    for (const std::string& param : message_template.params) parameters.push_back({{"type", "text"}, {"text", param}});
    body["components"] = Json::array({{{"type", "body"}, {"parameters", parameters}}});
  }
  return body;
}

}  // namespace

std::optional<OutboundMessage> outbound_for(const State& state, const MessageAdded& added) {
  if (added.kind != MessageKind::outbound) return std::nullopt;
  if (!added.conversation.valid() || added.conversation.index() >= state.conversations.size()) return std::nullopt;
  const Conversation& conversation = state.conversations[added.conversation.index()];
  const Channel* channel = find_channel(state, conversation.channel);
  if (channel == nullptr || channel->kind != ChannelKind::whatsapp) return std::nullopt;
  const Contact* contact = find_contact(state, conversation.contact);
  if (contact == nullptr) return std::nullopt;
  const std::string to = recipient(*contact, conversation.channel);
  if (to.empty()) return std::nullopt;

  Json payload = {{"messaging_product", "whatsapp"}, {"recipient_type", "individual"}, {"to", to}};
  if (added.template_) {
    payload["type"] = "template";
    payload["template"] = template_body(*added.template_);
  } else if (!added.media.url.empty()) {
    const std::string type = media_type(added.media.mime_type);
    payload["type"] = type;
    payload[type] = media_body(added.media, added.text);
  } else {
    payload["type"] = "text";
    payload["text"] = {{"preview_url", false}, {"body", added.text}};
  }
  return OutboundMessage{added.message, digits_of(channel->address), payload.dump()};
}

}  // namespace inbox::relay::whatsapp

#include "server-stub/whatsapp/webhook_parser.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace inbox::relay::whatsapp {

namespace {

using Json = nlohmann::json;

std::string text_at(const Json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return {};
  return found->get<std::string>();
}

const Json& object_at(const Json& object, const char* key) {
  static const Json empty = Json::object();
  if (!object.is_object()) return empty;
  const auto found = object.find(key);
  return found != object.end() && found->is_object() ? *found : empty;
}

const Json& array_at(const Json& object, const char* key) {
  static const Json empty = Json::array();
  if (!object.is_object()) return empty;
  const auto found = object.find(key);
  return found != object.end() && found->is_array() ? *found : empty;
}

// Meta's timestamps are seconds as a decimal string.
int64_t timestamp_ms(const Json& message) {
  const std::string seconds = text_at(message, "timestamp");
  if (seconds.empty() || seconds.size() > 12) return kNever;
  for (char c : seconds) {
    if (c < '0' || c > '9') return kNever;
  }
  return std::strtoll(seconds.c_str(), nullptr, 10) * 1000;
}

// Media arrives as an id the Graph API resolves (GET /<media id>); the core keeps that reference.
Media media_of(const Json& media) {
  const std::string id = text_at(media, "id");
  if (id.empty()) return {};
  return Media{"whatsapp-media:" + id, text_at(media, "mime_type")};
}

std::optional<Referral> referral_of(const Json& message, int64_t at_ms) {
  const Json& referral = object_at(message, "referral");
  if (referral.empty()) return std::nullopt;
  Referral out;
  out.source_type = text_at(referral, "source_type");
  out.source_id = text_at(referral, "source_id");
  out.source_url = text_at(referral, "source_url");
  out.headline = text_at(referral, "headline");
  out.body = text_at(referral, "body");
  out.media_url = text_at(referral, "image_url");
  if (out.media_url.empty()) out.media_url = text_at(referral, "video_url");
  out.at_ms = at_ms;
  return out;
}

std::string coordinate(const Json& location, const char* key) {
  const auto found = location.find(key);
  if (found == location.end() || !found->is_number()) return "?";
  return found->dump();
}

std::string location_text(const Json& location) {
  std::string text = "Location: ";
  const std::string name = text_at(location, "name");
  const std::string address = text_at(location, "address");
  if (!name.empty()) text += name + ", ";
  if (!address.empty()) text += address + ", ";
  const std::string lat = coordinate(location, "latitude");
  const std::string lon = coordinate(location, "longitude");
  return text + "https://maps.google.com/?q=" + lat + "," + lon;
}

std::string interactive_text(const Json& interactive) {
  const std::string type = text_at(interactive, "type");
  const Json& reply = object_at(interactive, type.c_str());
  std::string title = text_at(reply, "title");
  if (title.empty()) return "[Unsupported interactive reply: " + type + "]";
  const std::string description = text_at(reply, "description");
  return description.empty() ? title : title + " (" + description + ")";
}

std::string reaction_text(const Json& reaction) {
  const std::string emoji = text_at(reaction, "emoji");
  return emoji.empty() ? "Removed a reaction" : "Reacted " + emoji;
}

ReceiveMessage receive_of(const Json& message, const std::string& profile_name) {
  ReceiveMessage out;
  // WhatsApp ids are the phone's digits; the core wants E.164.
  const std::string from = text_at(message, "from");
  out.from = from.empty() || from[0] == '+' ? from : "+" + from;
  out.profile_name = profile_name;
  out.provider_id = text_at(message, "id");
  const int64_t at_ms = timestamp_ms(message);
  out.referral = referral_of(message, at_ms);
  const std::string type = text_at(message, "type");
  const Json& body = object_at(message, type.c_str());
  if (type == "text") {
    out.text = text_at(body, "body");
  } else if (type == "image" || type == "audio" || type == "video" || type == "document" || type == "sticker") {
    out.media = media_of(body);
    out.text = text_at(body, "caption");
    if (out.text.empty() && type == "document") out.text = text_at(body, "filename");
    if (out.media.url.empty()) out.text = "[Unsupported message: " + type + " without media]";
  } else if (type == "location") {
    out.text = location_text(body);
  } else if (type == "interactive") {
    out.text = interactive_text(body);
  } else if (type == "button") {
    out.text = text_at(body, "text");
    if (out.text.empty()) out.text = text_at(body, "payload");
  } else if (type == "reaction") {
    out.text = reaction_text(body);
  } else {
    out.text = "[Unsupported message type: " + (type.empty() ? std::string("unknown") : type) + "]";
  }
  if (out.text.empty() && out.media.url.empty()) out.text = "[Empty " + type + " message]";
  return out;
}

DeliveryStatus status_of(const std::string& status) {
  if (status == "sent") return DeliveryStatus::sent;
  if (status == "delivered") return DeliveryStatus::delivered;
  if (status == "read") return DeliveryStatus::read;
  if (status == "failed") return DeliveryStatus::failed;
  return DeliveryStatus::none;
}

void read_change(const Json& value, WebhookContents& out) {
  const Json& metadata = object_at(value, "metadata");
  const BusinessNumber to{text_at(metadata, "phone_number_id"), text_at(metadata, "display_phone_number")};
  const Json& contacts = array_at(value, "contacts");
  for (const Json& message : array_at(value, "messages")) {
    // Without its wamid a message cannot be deduped against Meta's retries, without `from` it has no sender:
    // Meta always sends both, so such an item is not a message (found by fuzz_whatsapp_webhook).
    if (!message.is_object() || text_at(message, "id").empty() || text_at(message, "from").empty()) continue;
    std::string profile_name;
    const std::string from = text_at(message, "from");
    for (const Json& contact : contacts) {
      if (text_at(contact, "wa_id") == from) profile_name = text_at(object_at(contact, "profile"), "name");
    }
    out.messages.push_back(InboundMessage{to, receive_of(message, profile_name)});
  }
  for (const Json& status : array_at(value, "statuses")) {
    const DeliveryStatus delivery = status_of(text_at(status, "status"));
    const std::string wamid = text_at(status, "id");
    if (delivery == DeliveryStatus::none || wamid.empty()) continue;
    out.statuses.push_back(StatusReport{to, wamid, delivery});
  }
}

}  // namespace

std::variant<WebhookContents, Error> parse_webhook(std::string_view body) {
  Json json = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return Error{ErrorCode::invalid_json, "The webhook body is not JSON."};
  if (!json.is_object() || !json.contains("entry") || !json["entry"].is_array()) {
    return Error{ErrorCode::invalid_field, "The webhook body has no entry list."};
  }
  WebhookContents out;
  for (const Json& entry : json["entry"]) {
    for (const Json& change : array_at(entry, "changes")) {
      if (text_at(change, "field") != "messages") continue;
      read_change(object_at(change, "value"), out);
    }
  }
  return out;
}

}  // namespace inbox::relay::whatsapp

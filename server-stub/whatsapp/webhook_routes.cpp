#include "server-stub/whatsapp/webhook_routes.h"

#include <sodium.h>

#include "server-stub/whatsapp/webhook_signature.h"

namespace inbox::relay::whatsapp {

namespace {

namespace http = boost::beast::http;

StringResponse text_response(const Request& request, http::status status, std::string body) {
  StringResponse response{status, request.version()};
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

StringResponse verify_subscription(const WebhookSecrets& secrets, const Request& request) {
  const std::string_view target = request.target();
  const size_t question = target.find('?');
  const std::string_view query = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  const auto mode = query_value(query, "hub.mode");
  const auto token = query_value(query, "hub.verify_token");
  const auto challenge = query_value(query, "hub.challenge");
  if (secrets.verify_token.empty() || mode != "subscribe" || !token || !challenge ||
      !same_secret(*token, secrets.verify_token)) {
    return text_response(request, http::status::forbidden, "Forbidden\n");
  }
  return text_response(request, http::status::ok, *challenge);
}

}  // namespace

std::string url_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::optional<std::string> query_value(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const size_t equals = pair.find('=');
    if (url_decode(pair.substr(0, equals)) == name) {
      return equals == std::string_view::npos ? std::string() : url_decode(pair.substr(equals + 1));
    }
    if (amp == std::string_view::npos) break;
    query = query.substr(amp + 1);
  }
  return std::nullopt;
}

std::optional<StringResponse> handle_webhook_request(const WebhookSecrets& secrets, WebhookInbox& inbox,
                                                     const Request& request, int64_t now_ms,
                                                     const std::function<void()>& stored) {
  const std::string_view target = request.target();
  if (target.substr(0, target.find('?')) != kWebhookPath) return std::nullopt;
  if (request.method() == http::verb::get) return verify_subscription(secrets, request);
  if (request.method() != http::verb::post) {
    StringResponse response = text_response(request, http::status::method_not_allowed, "Method Not Allowed\n");
    response.set(http::field::allow, "GET, POST");
    return response;
  }
  const auto header = request.find("X-Hub-Signature-256");
  const std::string_view signature = header == request.end() ? std::string_view() : header->value();
  if (!signature_matches(request.body(), signature, secrets.app_secret)) {
    return text_response(request, http::status::unauthorized, "Bad signature\n");
  }
  // A 500 makes Meta retry later, which is what a full disk or a locked file needs.
  if (store_error(inbox.store(request.body(), now_ms))) {
    return text_response(request, http::status::internal_server_error, "Not stored\n");
  }
  if (stored) stored();
  return text_response(request, http::status::ok, "OK\n");
}

}  // namespace inbox::relay::whatsapp

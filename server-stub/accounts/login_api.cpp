#include "server-stub/accounts/login_api.h"

#include <nlohmann/json.hpp>

#include <string>

#include "core/json_codec.h"
#include "server-stub/accounts/ascii.h"
#include "server-stub/log_line.h"

namespace inbox::relay {

namespace http = boost::beast::http;

namespace {

ApiResponse json_response(Request const& request, http::status status, Json const& body) {
  ApiResponse response{status, request.version()};
  response.set(http::field::server, "inbox-relay");
  response.set("X-Content-Type-Options", "nosniff");
  response.set(http::field::content_type, "application/json");
  response.set(http::field::cache_control, "no-store");
  response.keep_alive(request.keep_alive());
  // replace: a JSON text must never throw on bytes that are not UTF-8.
  response.body() = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  response.prepare_payload();
  return response;
}

ApiResponse error_response(Request const& request, http::status status, std::string_view code,
                           std::string_view message) {
  return json_response(request, status, Json{{"error", code}, {"message", message}});
}

std::optional<ApiResponse> wrong_method(Request const& request) {
  if (request.method() == http::verb::post) return std::nullopt;
  ApiResponse response =
      error_response(request, http::status::method_not_allowed, "method_not_allowed", "Use POST.");
  response.set(http::field::allow, "POST");
  return response;
}

http::status account_error_status(AccountErrorCode code) {
  switch (code) {
    case AccountErrorCode::bad_credentials:
    case AccountErrorCode::unknown_token:
    case AccountErrorCode::expired_token:
    case AccountErrorCode::revoked_token: return http::status::unauthorized;
    case AccountErrorCode::rate_limited: return http::status::too_many_requests;
    case AccountErrorCode::disabled: return http::status::forbidden;
    case AccountErrorCode::invalid_password:
    case AccountErrorCode::invalid_login: return http::status::bad_request;
    case AccountErrorCode::storage: return http::status::service_unavailable;
  }
  return http::status::internal_server_error;
}

ApiResponse account_error_response(Request const& request, AccountError const& error) {
  if (error.code == AccountErrorCode::storage) {
    // The store's message may name files or SQL: the relay's log gets it, the client a generic sentence.
    return error_response(request, http::status::service_unavailable, enum_name(error.code),
                          "Signing in is unavailable right now. Try again later.");
  }
  Json body{{"error", enum_name(error.code)}, {"message", error.message}};
  if (error.code == AccountErrorCode::rate_limited) body["retry_after_s"] = error.retry_after_s;
  ApiResponse response = json_response(request, account_error_status(error.code), body);
  if (error.code == AccountErrorCode::rate_limited) {
    response.set(http::field::retry_after, std::to_string(error.retry_after_s));
  }
  return response;
}

// A cross-site HTML form can post text/plain but not application/json without a CORS preflight, which the
// relay never grants: requiring the type keeps other sites from signing a browser in (login CSRF).
bool is_json_content(Request const& request) {
  std::string_view const type = request[http::field::content_type];
  return ascii_lower(trim_blanks(type.substr(0, type.find(';')))) == "application/json";
}

std::string const* string_field(Json const& object, char const* name) {
  auto const found = object.find(name);
  if (found == object.end() || !found->is_string()) return nullptr;
  return found->get_ptr<std::string const*>();
}

ApiResponse handle_login(Accounts& accounts, Request const& request, std::string_view client_ip, int64_t now_ms) {
  if (!is_json_content(request)) {
    return error_response(request, http::status::unsupported_media_type, "unsupported_media_type",
                          "Send the login as Content-Type: application/json.");
  }
  Result<Json> parsed = parse_json(request.body());
  if (!parsed.ok()) {
    return error_response(request, http::status::bad_request, "invalid_json", "The body is not valid JSON.");
  }
  Json const& json = parsed.value();
  if (!json.is_object()) {
    return error_response(request, http::status::bad_request, "invalid_request", "Send a JSON object.");
  }
  std::string const* const login = string_field(json, "login");
  std::string const* const password = string_field(json, "password");
  if (login == nullptr || password == nullptr) {
    return error_response(request, http::status::bad_request, "invalid_request",
                          "Send \"login\" and \"password\", both strings.");
  }
  AccountResult<LoginSuccess> const result = accounts.login(*login, *password, client_ip, now_ms);
  if (auto const* error = std::get_if<AccountError>(&result)) {
    log_event(LogLevel::warn, "login_refused", {{"login", *login}, {"ip", client_ip}, {"message", error->message}});
    return account_error_response(request, *error);
  }
  LoginSuccess const& success = std::get<LoginSuccess>(result);
  log_event(LogLevel::info, "login", {{"user", success.user.value}, {"ip", client_ip}});
  Json const body{{"token", success.token}, {"expires_ms", success.expires_ms}, {"user", success.user.value}};
  return json_response(request, http::status::ok, body);
}

ApiResponse handle_logout(Accounts& accounts, Request const& request) {
  std::optional<std::string_view> const token = bearer_token(request);
  if (!token) {
    ApiResponse response = error_response(request, http::status::unauthorized, "unknown_token",
                                          "Send Authorization: Bearer <token>.");
    response.set(http::field::www_authenticate, "Bearer");
    return response;
  }
  AccountResult<Stored> const result = accounts.logout(*token);
  if (auto const* error = std::get_if<AccountError>(&result)) return account_error_response(request, *error);
  ApiResponse response{http::status::no_content, request.version()};
  response.set(http::field::server, "inbox-relay");
  response.set(http::field::cache_control, "no-store");
  response.keep_alive(request.keep_alive());
  return response;
}

}  // namespace

std::optional<std::string_view> bearer_token(Request const& request) {
  std::string_view const header = request[http::field::authorization];
  constexpr std::string_view scheme = "bearer ";
  // The scheme is case-insensitive (RFC 9110 section 11.1).
  if (header.size() <= scheme.size() || ascii_lower(header.substr(0, scheme.size())) != scheme) return std::nullopt;
  std::string_view const token = trim_blanks(header.substr(scheme.size()));
  if (token.empty()) return std::nullopt;
  return token;
}

std::optional<ApiResponse> handle_api_request(Accounts& accounts, Request const& request, std::string_view client_ip,
                                              int64_t now_ms) {
  std::string_view const target = request.target();
  std::string_view const path = target.substr(0, target.find('?'));
  bool const is_login = path == "/api/login";
  bool const is_logout = path == "/api/logout";
  if (!is_login && !is_logout) return std::nullopt;
  if (std::optional<ApiResponse> refused = wrong_method(request)) return refused;
  if (request.body().size() > api_body_bytes_max) {
    return error_response(request, http::status::payload_too_large, "body_too_large",
                          "The request body is over " + std::to_string(api_body_bytes_max) + " bytes.");
  }
  if (is_login) return handle_login(accounts, request, client_ip, now_ms);
  return handle_logout(accounts, request);
}

}  // namespace inbox::relay

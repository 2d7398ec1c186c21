#include "server-stub/accounts/login_api.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "tests/unit/relay/memory_account_store.h"

namespace http = boost::beast::http;

using inbox::UserId;
using inbox::relay::Accounts;
using inbox::relay::AccountsConfig;
using inbox::relay::ApiResponse;
using inbox::relay::handle_api_request;
using inbox::relay::MemoryAccountStore;
using inbox::relay::PasswordCost;
using inbox::relay::Request;
using inbox::relay::Stored;
using Json = nlohmann::json;

namespace {

constexpr int64_t t0 = 1'700'000'000'000;
constexpr char const* ip = "203.0.113.5";

AccountsConfig test_config() {
  AccountsConfig config;
  config.password_cost = PasswordCost::minimum;
  return config;
}

Request post(std::string target, std::string body, std::string content_type = "application/json") {
  Request request{http::verb::post, target, 11};
  if (!content_type.empty()) request.set(http::field::content_type, content_type);
  request.body() = std::move(body);
  request.prepare_payload();
  return request;
}

Request login_request(std::string const& login, std::string const& password) {
  return post("/api/login", Json{{"login", login}, {"password", password}}.dump());
}

Request logout_request(std::string const& token) {
  Request request = post("/api/logout", "", "");
  request.set(http::field::authorization, "Bearer " + token);
  return request;
}

Json body_of(ApiResponse const& response) { return Json::parse(response.body()); }

void check_api_headers(ApiResponse const& response) {
  CHECK(response[http::field::cache_control] == "no-store");
  if (response.result() != http::status::no_content) {
    CHECK(response[http::field::content_type] == "application/json");
  }
}

struct Relay {
  MemoryAccountStore store;
  Accounts accounts{store, test_config()};
  Relay() {
    REQUIRE(std::holds_alternative<Stored>(accounts.set_password(UserId(1), "ana@example.com", "ana-password", t0)));
  }

  ApiResponse send(Request const& request, int64_t now_ms = t0) {
    std::optional<ApiResponse> response = handle_api_request(accounts, request, ip, now_ms);
    REQUIRE(response.has_value());
    check_api_headers(*response);
    return *response;
  }
};

}  // namespace

TEST_CASE("login api: the right password gets 200 with a token that signs the user in") {
  Relay relay;
  ApiResponse const response = relay.send(login_request("ana@example.com", "ana-password"));
  CHECK(response.result() == http::status::ok);
  Json const body = body_of(response);
  CHECK(body["user"] == 1);
  CHECK(body["expires_ms"] == t0 + inbox::relay::token_lifetime_ms_default);
  std::string const token = body["token"].get<std::string>();
  auto const who = relay.accounts.authenticate(token, t0);
  REQUIRE(std::holds_alternative<UserId>(who));
  CHECK(std::get<UserId>(who) == UserId(1));
}

TEST_CASE("login api: a wrong password and an unknown email are the same 401") {
  Relay relay;
  ApiResponse const wrong = relay.send(login_request("ana@example.com", "nope-nope"));
  ApiResponse const unknown = relay.send(login_request("who@example.com", "ana-password"));
  CHECK(wrong.result() == http::status::unauthorized);
  CHECK(unknown.result() == http::status::unauthorized);
  CHECK(body_of(wrong)["error"] == "bad_credentials");
  CHECK(wrong.body() == unknown.body());
}

TEST_CASE("login api: the sixth try after five failures is 429 with Retry-After") {
  Relay relay;
  for (int i = 0; i < 5; ++i) relay.send(login_request("ana@example.com", "guess-guess"));
  ApiResponse const limited = relay.send(login_request("ana@example.com", "ana-password"), t0 + 60 * 1000);
  CHECK(limited.result() == http::status::too_many_requests);
  CHECK(limited[http::field::retry_after] == "840");
  CHECK(body_of(limited)["error"] == "rate_limited");
  CHECK(body_of(limited)["retry_after_s"] == 840);
}

TEST_CASE("login api: bodies that are not a login are 400") {
  Relay relay;
  for (std::string const body : {"", "{", "not json", "[1,2]", "\"text\"", "{\"login\":\"ana@example.com\"}",
                                 "{\"password\":\"ana-password\"}", "{\"login\":1,\"password\":\"ana-password\"}",
                                 "{\"login\":\"ana@example.com\",\"password\":null}"}) {
    CAPTURE(body);
    ApiResponse const response = relay.send(post("/api/login", body));
    CHECK(response.result() == http::status::bad_request);
    CHECK(body_of(response).contains("error"));
  }
  CHECK(body_of(relay.send(post("/api/login", "{"))).at("error") == "invalid_json");
  CHECK(body_of(relay.send(post("/api/login", "{}"))).at("error") == "invalid_request");
}

TEST_CASE("login api: a body over 4 KB is 413 and is not looked at") {
  Relay relay;
  std::string const padding(5000, 'x');
  Json const big{{"login", "ana@example.com"}, {"password", "ana-password"}, {"padding", padding}};
  CHECK(relay.send(post("/api/login", big.dump())).result() == http::status::payload_too_large);
  CHECK(relay.send(post("/api/login", std::string(4096, ' '))).result() == http::status::bad_request);
}

TEST_CASE("login api: only POST; anything else is 405 naming POST") {
  Relay relay;
  for (http::verb const verb : {http::verb::get, http::verb::put, http::verb::delete_, http::verb::head}) {
    Request request = login_request("ana@example.com", "ana-password");
    request.method(verb);
    ApiResponse const response = relay.send(request);
    CHECK(response.result() == http::status::method_not_allowed);
    CHECK(response[http::field::allow] == "POST");
  }
  Request logout = logout_request("x");
  logout.method(http::verb::get);
  CHECK(relay.send(logout).result() == http::status::method_not_allowed);
}

TEST_CASE("login api: a login sent as a form or text/plain is 415 (no cross-site sign-in)") {
  Relay relay;
  std::string const body = Json{{"login", "ana@example.com"}, {"password", "ana-password"}}.dump();
  CHECK(relay.send(post("/api/login", body, "text/plain")).result() == http::status::unsupported_media_type);
  CHECK(relay.send(post("/api/login", body, "application/x-www-form-urlencoded")).result() ==
        http::status::unsupported_media_type);
  CHECK(relay.send(post("/api/login", body, "")).result() == http::status::unsupported_media_type);
  CHECK(relay.send(post("/api/login", body, "Application/JSON; charset=utf-8")).result() == http::status::ok);
}

TEST_CASE("login api: logout with the bearer token is 204 and the token no longer works") {
  Relay relay;
  std::string const token = body_of(relay.send(login_request("ana@example.com", "ana-password")))["token"];
  ApiResponse const response = relay.send(logout_request(token));
  CHECK(response.result() == http::status::no_content);
  CHECK(response.body().empty());
  CHECK(std::holds_alternative<inbox::relay::AccountError>(relay.accounts.authenticate(token, t0)));
}

TEST_CASE("login api: logout without a bearer token is 401") {
  Relay relay;
  ApiResponse const none = relay.send(post("/api/logout", "", ""));
  CHECK(none.result() == http::status::unauthorized);
  CHECK(none[http::field::www_authenticate] == "Bearer");
  Request basic = post("/api/logout", "", "");
  basic.set(http::field::authorization, "Basic YW5hOnB3");
  CHECK(relay.send(basic).result() == http::status::unauthorized);
  Request lower = logout_request("abc");
  lower.set(http::field::authorization, "bearer abc");
  CHECK(relay.send(lower).result() == http::status::no_content);
}

TEST_CASE("login api: a failing store is 503 without the store's own message") {
  Relay relay;
  relay.store.fail_next = true;
  ApiResponse const response = relay.send(login_request("ana@example.com", "ana-password"));
  CHECK(response.result() == http::status::service_unavailable);
  CHECK(response.body().find("injected") == std::string::npos);
}

TEST_CASE("login api: other paths are left to the caller; the query string is ignored") {
  Relay relay;
  CHECK_FALSE(handle_api_request(relay.accounts, post("/", ""), ip, t0).has_value());
  CHECK_FALSE(handle_api_request(relay.accounts, post("/api/loginx", ""), ip, t0).has_value());
  CHECK_FALSE(handle_api_request(relay.accounts, post("/api", ""), ip, t0).has_value());
  Request get{http::verb::get, "/index.html", 11};
  CHECK_FALSE(handle_api_request(relay.accounts, get, ip, t0).has_value());
  Request with_query = login_request("ana@example.com", "ana-password");
  with_query.target("/api/login?next=%2F");
  CHECK(relay.send(with_query).result() == http::status::ok);
}

TEST_CASE("login api: the answer keeps the connection as the request asked") {
  Relay relay;
  Request request = login_request("ana@example.com", "ana-password");
  request.keep_alive(false);
  CHECK_FALSE(relay.send(request).keep_alive());
  request.keep_alive(true);
  CHECK(relay.send(request).keep_alive());
}

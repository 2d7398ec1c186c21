// The relay app as its tests start it (a seeded demo on a temp file, port 0) and the HTTP calls they make.
#pragma once
#include <doctest/doctest.h>

#include <boost/asio/connect.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server-stub/relay_app.h"

namespace inbox::relay::test {

namespace http = boost::beast::http;

inline constexpr const char* kDemoPassword = "demo-password-for-tests";

inline RelayAppSettings demo_settings(const std::string& db, AdminCredentials admin = {}) {
  RelayAppSettings settings;
  settings.cli.config.doc_root = std::filesystem::temp_directory_path().string();
  settings.cli.config.port = 0;
  settings.cli.db_path = db;
  settings.cli.seed_demo = true;
  settings.admin = std::move(admin);
  settings.demo_password = kDemoPassword;
  settings.clock = [] { return int64_t{1'796'000'000'000}; };
  settings.password_cost = PasswordCost::minimum;
  return settings;
}

inline std::unique_ptr<RelayApp> started(RelayAppSettings settings) {
  auto opened = RelayApp::open(std::move(settings));
  REQUIRE_MESSAGE(std::holds_alternative<std::unique_ptr<RelayApp>>(opened), std::get<std::string>(opened));
  auto app = std::move(std::get<std::unique_ptr<RelayApp>>(opened));
  REQUIRE_FALSE(app->start());
  return app;
}

inline http::response<http::string_body> call(uint16_t port, http::verb verb, const std::string& target,
                                       const std::string& body = {},
                                       const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  boost::asio::io_context ioc;
  boost::beast::tcp_stream stream(ioc);
  stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> request{verb, target, 11};
  request.set(http::field::host, "127.0.0.1");
  request.set(http::field::content_type, "application/json");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  http::write(stream, request);
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  return response;
}

inline http::response<http::string_body> post_json(uint16_t port, const std::string& target, const nlohmann::json& body) {
  return call(port, http::verb::post, target, body.dump());
}

// The supervisor the relay's start-up notices name to sign in with.
inline std::string supervisor_named(const RelayApp& app) {
  constexpr std::string_view kPrefix = "Sign in as a supervisor: ";
  for (const std::string& notice : app.notices()) {
    const auto at = notice.find(kPrefix);
    if (at != std::string::npos) return notice.substr(at + kPrefix.size(), notice.find(' ', at + kPrefix.size()) - at - kPrefix.size());
  }
  return {};
}

// The token POST /api/login hands out.
inline std::string login_token(uint16_t port, const std::string& login, const std::string& password = kDemoPassword) {
  const auto reply = post_json(port, "/api/login", {{"login", login}, {"password", password}});
  REQUIRE_MESSAGE(reply.result() == http::status::ok, reply.body());
  return nlohmann::json::parse(reply.body())["token"];
}

}  // namespace inbox::relay::test

// The relay as main() starts it: a demo workspace seeded into a SQLite file, a sign-in over HTTP, the token
// on /ws, and the same file opened again after a restart.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/unit/relay/relay_app_steps.h"
#include "tests/unit/relay/sqlite_test_file.h"
#include "tests/unit/relay/whatsapp_payloads.h"
#include "tests/unit/relay/ws_steps.h"

using namespace inbox;
using namespace inbox::relay;
using namespace inbox::relay::test;
namespace {

// The first user of a role with an email in the seeded workspace, read from the sign-in's snapshot.
std::string login_of(const State& state, Role role) {
  for (const User& user : state.users) {
    if (user.role == role && !user.email.empty()) return user.email;
  }
  return {};
}

}  // namespace

TEST_CASE("relay app: the demo workspace signs in over HTTP, its token opens /ws, and a restart keeps both") {
  TestDbFile db;
  auto app = started(demo_settings(db.path()));
  const uint16_t port = app->endpoint().port();
  const std::string supervisor = supervisor_named(*app);
  REQUIRE_FALSE(supervisor.empty());

  auto wrong = post_json(port, "/api/login", {{"login", supervisor}, {"password", "not-the-password"}});
  CHECK(wrong.result() == http::status::unauthorized);
  auto signed_in = post_json(port, "/api/login", {{"login", supervisor}, {"password", kDemoPassword}});
  REQUIRE(signed_in.result() == http::status::ok);
  const auto answer = nlohmann::json::parse(signed_in.body());
  const std::string token = answer.at("token");
  CHECK(token.size() >= 40);

  uint64_t head = 0;
  {
    WsClient client(port);
    client.send(sync::HelloFrame{token, 0});
    const auto welcome = client.expect<sync::WelcomeFrame>();
    CHECK(welcome.role == Role::supervisor);
    REQUIRE(welcome.snapshot_bytes.has_value());
    const auto snapshot = client.read();
    REQUIRE(snapshot.has_value());
    auto state = state_from_binary(snapshot->data);
    REQUIRE(state.ok());
    CHECK(state.value().conversations.size() > 50);
    CHECK(login_of(state.value(), Role::supervisor) == supervisor);
    head = welcome.seq;
  }

  app->stop();
  app.reset();
  auto again = started(demo_settings(db.path()));
  for (const std::string& notice : again->notices()) CHECK(notice.find("Seeded") == std::string::npos);
  WsClient resumed(again->endpoint().port());
  resumed.send(sync::HelloFrame{token, head});
  const auto second = resumed.expect<sync::WelcomeFrame>();
  CHECK(second.seq >= head);
  CHECK_FALSE(second.snapshot_bytes.has_value());

  auto logout = post_json(again->endpoint().port(), "/api/logout", nlohmann::json::object());
  CHECK(logout.result() == http::status::unauthorized);  // no bearer token
}

TEST_CASE("relay app: the first administrator comes from the settings, never a built-in password") {
  TestDbFile db;
  RelayAppSettings nobody = demo_settings(db.path());
  nobody.cli.seed_demo = false;
  CHECK(std::holds_alternative<std::string>(RelayApp::open(nobody)));  // nobody could sign in

  RelayAppSettings settings = demo_settings(db.path(), AdminCredentials{std::string("boss@example.com"),
                                                                         std::string("a-long-admin-password")});
  settings.cli.seed_demo = false;
  auto app = started(settings);
  const uint16_t port = app->endpoint().port();
  CHECK(post_json(port, "/api/login", {{"login", "boss@example.com"}, {"password", kDemoPassword}}).result() ==
        http::status::unauthorized);
  auto signed_in = post_json(port, "/api/login", {{"login", "boss@example.com"}, {"password", "a-long-admin-password"}});
  REQUIRE(signed_in.result() == http::status::ok);
  WsClient client(port);
  client.send(sync::HelloFrame{nlohmann::json::parse(signed_in.body()).at("token"), 0});
  CHECK(client.expect<sync::WelcomeFrame>().role == Role::administrator);
}

TEST_CASE("relay app: /healthz and /metrics report the relay as it runs") {
  TestDbFile db;
  auto app = started(demo_settings(db.path()));
  const uint16_t port = app->endpoint().port();
  const auto health = call(port, http::verb::get, "/healthz");
  REQUIRE(health.result() == http::status::ok);
  const auto status = nlohmann::json::parse(health.body());
  CHECK(status["status"] == "ok");
  CHECK(status["seq"].get<uint64_t>() > 0);
  CHECK(call(port, http::verb::post, "/metrics").result() == http::status::method_not_allowed);

  const std::string supervisor = supervisor_named(*app);
  const std::string token = login_token(port, supervisor);
  WsClient client(port);
  client.send(sync::HelloFrame{token, 0});
  const UserId me = client.expect<sync::WelcomeFrame>().user;
  REQUIRE(client.read().has_value());  // the snapshot
  client.send(set_status("metrics-1", me, "unavailable"));
  expect_ack(client, "metrics-1");
  const auto metrics = call(port, http::verb::get, "/metrics");
  REQUIRE(metrics.result() == http::status::ok);
  CHECK(std::string(metrics[http::field::content_type]).find("text/plain; version=0.0.4") == 0);
  const std::string& text = metrics.body();
  CHECK(text.find("inbox_relay_sessions_signed_in 1\n") != std::string::npos);
  CHECK(text.find("inbox_relay_commands_total{result=\"accepted\"} 1\n") != std::string::npos);
  CHECK(text.find("inbox_relay_commands_total{result=\"rejected\"} 0\n") != std::string::npos);
  CHECK(text.find("inbox_relay_ack_latency_seconds_count 1\n") != std::string::npos);
  CHECK(text.find("# TYPE inbox_relay_commit_seconds histogram") != std::string::npos);
  CHECK(text.find("inbox_relay_waiting_conversations ") != std::string::npos);
  CHECK(text.find("inbox_relay_connections ") != std::string::npos);
}

TEST_CASE("relay app: a signed WhatsApp webhook reaches a supervisor's socket; a wrong signature stores nothing") {
  TestDbFile db;
  RelayAppSettings settings = demo_settings(db.path());
  settings.cli.whatsapp_app_secret = kAppSecret;
  settings.cli.whatsapp_verify_token = "verify-me";
  auto app = started(std::move(settings));
  const uint16_t port = app->endpoint().port();

  const auto challenge =
      call(port, http::verb::get, "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42");
  CHECK(challenge.result() == http::status::ok);
  CHECK(challenge.body() == "42");

  const std::string token = login_token(port, supervisor_named(*app));
  WsClient client(port);
  sign_in(client, token);
  drain(client);

  // The demo workspace's WhatsApp number is +55 11 4004-0000.
  std::string body = text_webhook("wamid.RELAYAPP1", "Oi, o pedido 123 chegou?");
  for (const std::string& number : {kDisplayNumber, kPhoneNumberId}) {
    for (auto at = body.find(number); at != std::string::npos; at = body.find(number)) body.replace(at, number.size(), "551140040000");
  }
  auto signed_post = [&](const std::string& signature) {
    return call(port, http::verb::post, "/webhooks/whatsapp", body, {{"X-Hub-Signature-256", signature}}).result();
  };

  CHECK(signed_post(signature_of(body, "another-secret")) == http::status::unauthorized);
  CHECK_FALSE(client.read(std::chrono::milliseconds(300)).has_value());
  CHECK(app->whatsapp().processor_stats().bodies_processed == 0);

  CHECK(signed_post(signature_of(body)) == http::status::ok);
  const auto seen = events_until(client, "message_added");
  const auto* added = std::get_if<MessageAdded>(&seen.back().event.body);
  REQUIRE(added != nullptr);
  CHECK(added->provider_id == "wamid.RELAYAPP1");
}

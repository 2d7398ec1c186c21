// The WhatsApp side on a real hub and SQLite file: signed webhooks in, the core fed once per wamid across
// restarts, replies out through the durable outbox to a fake Graph API on localhost.
#include "server-stub/whatsapp/whatsapp_service.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include "server-stub/store/sqlite_event_log.h"
#include "server-stub/sync/hub.h"
#include "tests/unit/relay/desk_seed.h"
#include "tests/unit/relay/fake_graph.h"
#include "tests/unit/relay/sqlite_test_file.h"
#include "tests/unit/relay/whatsapp_payloads.h"

using namespace inbox;
using namespace inbox::relay;
using namespace inbox::relay::whatsapp;
using namespace inbox::relay::test;
namespace http = boost::beast::http;

namespace {

int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Threads are at work: poll, within a deadline, for what they should bring about.
template <class F>
bool eventually(F&& condition, std::chrono::milliseconds wait = std::chrono::milliseconds(5000)) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return condition();
}

class Rig {
 public:
  explicit Rig(std::string graph_url = "") : graph_url_(std::move(graph_url)) { start(); }
  ~Rig() { stop(); }

  void start() {
    Authority authority = value_of(Authority::open(value_of(SqliteEventLog::open(db_.path())), desk_seed()));
    WhatsAppSettings settings;
    settings.db_path = db_.path();
    settings.secrets = WebhookSecrets{kAppSecret, "verify-me"};
    settings.graph_url = graph_url_;
    settings.access_token = "TEST-TOKEN";
    settings.clock = wall_ms;
    settings.backoff = BackoffPolicy{20, 100, 4};
    settings.request_timeout = std::chrono::milliseconds(300);
    auto opened = WhatsAppService::open(settings);
    REQUIRE_MESSAGE(std::holds_alternative<std::unique_ptr<WhatsAppService>>(opened), std::get<std::string>(opened));
    service_ = std::move(std::get<std::unique_ptr<WhatsAppService>>(opened));
    HubConfig config;
    config.clock = wall_ms;
    config.authenticate = [](std::string_view, int64_t) -> std::optional<UserId> { return std::nullopt; };
    config.on_committed = service_->on_committed();
    hub_ = std::make_shared<Hub>(std::move(authority), config);
    hub_->start();
    Hub* hub = hub_.get();
    service_->start([hub](std::vector<Command> commands, std::function<void(bool)> done) {
      hub->system(std::move(commands), std::move(done));
    });
  }
  void stop() {
    if (service_) service_->stop();
    if (hub_) hub_->stop();
    service_.reset();
    hub_.reset();
  }

  StringResponse post(const std::string& body) {
    Request request{http::verb::post, "/webhooks/whatsapp", 11};
    request.set("X-Hub-Signature-256", signature_of(body));
    request.body() = body;
    request.prepare_payload();
    auto response = service_->routes()(request, "127.0.0.1");
    REQUIRE(response.has_value());
    return *response;
  }
  void system(CommandBody body) {
    Hub* hub = hub_.get();
    const bool committed = submit_and_wait(
        [hub](std::vector<Command> commands, std::function<void(bool)> done) {
          hub->system(std::move(commands), std::move(done));
        },
        {Command{UserId(), std::move(body)}}, [] { return false; });
    REQUIRE(committed);
  }
  State state() const {
    auto mirror = value_of(StateMirror::open(db_.path()));
    value_of(mirror->catch_up());
    return mirror->read([](const State& state) { return state; });
  }
  bool drained() const {
    auto inbox = value_of(WebhookInbox::open(db_.path()));
    return value_of(inbox->unprocessed(10)).empty();
  }
  // The workspace changed while the relay was down (by the authority alone, as another relay version would).
  void commit_offline(CommandBody body) {
    Authority authority = value_of(Authority::open(value_of(SqliteEventLog::open(db_.path())), {}));
    BatchResult result = authority.run({}, {Command{UserId(), std::move(body)}}, wall_ms());
    REQUIRE_FALSE(result.store_error.has_value());
    REQUIRE_FALSE(result.events.empty());
  }
  const std::string& db_path() const { return db_.path(); }
  void set_graph_url(std::string url) { graph_url_ = std::move(url); }

 private:
  TestDbFile db_;
  std::string graph_url_;
  std::unique_ptr<WhatsAppService> service_;
  std::shared_ptr<Hub> hub_;
};

size_t inbound_with_text(const State& state, std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < state.messages.size(); ++i) {
    if (state.messages[i].kind == MessageKind::inbound && message_text(state, MessageId(static_cast<uint32_t>(i))) == text) {
      ++count;
    }
  }
  return count;
}

MessageId last_message(const State& state) { return MessageId(static_cast<uint32_t>(state.messages.size() - 1)); }

// A customer wrote in (by webhook); returns the conversation.
ConversationId customer_wrote(Rig& rig, const std::string& wamid = "wamid.IN1") {
  CHECK(rig.post(text_webhook(wamid, "Oi")).result() == http::status::ok);
  REQUIRE(eventually([&] { return inbound_with_text(rig.state(), "Oi") >= 1; }));
  return rig.state().messages.back().conversation;
}

DeliveryStatus delivery(const State& state, MessageId message) { return state.message_delivery.at(message.index()); }

}  // namespace

TEST_CASE("whatsapp live: a signed text message reaches the core, with its contact and wamid") {
  Rig rig;
  CHECK(rig.post(text_webhook("wamid.IN1", "Oi")).result() == http::status::ok);
  REQUIRE(eventually([&] { return inbound_with_text(rig.state(), "Oi") == 1 && rig.drained(); }));
  const State state = rig.state();
  CHECK(message_by_provider_id(state, ChannelId(0), "wamid.IN1").valid());
  CHECK(state.contacts.back().name == "Joana");
  CHECK(state.contacts.back().phone == "+5511999990000");
}

TEST_CASE("whatsapp live: Meta's retries of a message (same wamid) apply once, across a restart too") {
  Rig rig;
  const std::string body = text_webhook("wamid.DUP", "Oi");
  CHECK(rig.post(body).result() == http::status::ok);
  CHECK(rig.post(body).result() == http::status::ok);
  REQUIRE(eventually([&] { return rig.drained() && inbound_with_text(rig.state(), "Oi") == 1; }));
  rig.stop();
  rig.start();
  CHECK(rig.post(body).result() == http::status::ok);
  REQUIRE(eventually([&] { return rig.drained(); }));
  CHECK(inbound_with_text(rig.state(), "Oi") == 1);
}

TEST_CASE("whatsapp live: bodies stored but not processed before a crash are processed at the next start") {
  Rig rig;
  rig.stop();
  auto inbox = value_of(WebhookInbox::open(rig.db_path()));
  value_of(inbox->store(text_webhook("wamid.LEFT", "Ficou para depois"), wall_ms()));
  rig.start();
  REQUIRE(eventually([&] { return inbound_with_text(rig.state(), "Ficou para depois") == 1; }));
  CHECK(eventually([&] { return rig.drained(); }));
}

TEST_CASE("whatsapp live: an unreadable body is set aside, the ones after it still processed") {
  Rig rig;
  CHECK(rig.post("{not json").result() == http::status::ok);
  CHECK(rig.post(text_webhook("wamid.AFTER", "Depois")).result() == http::status::ok);
  REQUIRE(eventually([&] { return inbound_with_text(rig.state(), "Depois") == 1 && rig.drained(); }));
}

TEST_CASE("whatsapp live: a reply goes out once in Meta's format, and its statuses move it forward only") {
  FakeGraph graph;
  Rig rig(graph.url());
  const ConversationId conversation = customer_wrote(rig);
  rig.system(SendMessage{conversation, "Olá, Joana!", {}, std::nullopt});
  const MessageId reply = last_message(rig.state());
  REQUIRE(eventually([&] { return graph.received().size() == 1; }));
  const FakeGraph::Received sent = graph.received()[0];
  CHECK(sent.target == "/v19.0/5511400000000/messages");
  CHECK(sent.authorization == "Bearer TEST-TOKEN");
  const nlohmann::json payload = nlohmann::json::parse(sent.body);
  CHECK(payload["messaging_product"] == "whatsapp");
  CHECK(payload["to"] == "5511999990000");
  CHECK(payload["type"] == "text");
  CHECK(payload["text"]["body"] == "Olá, Joana!");

  REQUIRE(eventually([&] { return message_by_provider_id(rig.state(), ChannelId(0), "wamid.OUT1") == reply; }));
  CHECK(rig.post(status_webhook("wamid.OUT1", "read")).result() == http::status::ok);
  REQUIRE(eventually([&] { return delivery(rig.state(), reply) == DeliveryStatus::read; }));
  CHECK(rig.post(status_webhook("wamid.OUT1", "delivered")).result() == http::status::ok);
  REQUIRE(eventually([&] { return rig.drained(); }));
  CHECK(delivery(rig.state(), reply) == DeliveryStatus::read);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(graph.received().size() == 1);
}

TEST_CASE("whatsapp live: a template goes out with its language and body parameters") {
  FakeGraph graph;
  Rig rig(graph.url());
  rig.system(CreateTemplate{"boas_vindas", "pt_BR", "Bem-vindo(a), {{1}}!"});
  const ConversationId conversation = customer_wrote(rig);
  rig.system(SendMessage{conversation, "", {}, Template{"boas_vindas", "pt_BR", {"Joana"}}});
  REQUIRE(eventually([&] { return graph.received().size() == 1; }));
  const nlohmann::json payload = nlohmann::json::parse(graph.received()[0].body);
  CHECK(payload["type"] == "template");
  CHECK(payload["template"]["name"] == "boas_vindas");
  CHECK(payload["template"]["language"]["code"] == "pt_BR");
  CHECK(payload["template"]["components"][0]["type"] == "body");
  CHECK(payload["template"]["components"][0]["parameters"][0]["text"] == "Joana");
}

TEST_CASE("whatsapp live: 500, 429 and a timeout are retried with backoff until Meta accepts, sent once") {
  FakeGraph graph({{500, R"({"error":{"message":"oops"}})"}, {429, "{}"}, {-1, ""}});
  Rig rig(graph.url());
  const ConversationId conversation = customer_wrote(rig);
  rig.system(SendMessage{conversation, "Tentando", {}, std::nullopt});
  const MessageId reply = last_message(rig.state());
  REQUIRE(eventually([&] { return message_by_provider_id(rig.state(), ChannelId(0), "wamid.OUT1") == reply; }));
  CHECK(graph.received().size() == 4);
  CHECK(delivery(rig.state(), reply) == DeliveryStatus::sent);
}

TEST_CASE("whatsapp live: a 400 marks the message failed in the core and is not retried") {
  FakeGraph graph({{400, R"({"error":{"code":131047,"message":"Re-engagement message"}})"}});
  Rig rig(graph.url());
  const ConversationId conversation = customer_wrote(rig);
  rig.system(SendMessage{conversation, "Não vai", {}, std::nullopt});
  const MessageId reply = last_message(rig.state());
  REQUIRE(eventually([&] { return delivery(rig.state(), reply) == DeliveryStatus::failed; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(graph.received().size() == 1);
}

TEST_CASE("whatsapp live: retries that never succeed end as failed after attempts_max") {
  FakeGraph graph({{503, ""}, {503, ""}, {503, ""}, {503, ""}, {503, ""}});
  Rig rig(graph.url());
  const ConversationId conversation = customer_wrote(rig);
  rig.system(SendMessage{conversation, "Sem sorte", {}, std::nullopt});
  const MessageId reply = last_message(rig.state());
  REQUIRE(eventually([&] { return delivery(rig.state(), reply) == DeliveryStatus::failed; }));
  CHECK(graph.received().size() == 4);
}

TEST_CASE("whatsapp live: across a restart nothing is sent twice, and what was committed while down goes out") {
  FakeGraph graph;
  Rig rig(graph.url());
  const ConversationId conversation = customer_wrote(rig);
  rig.system(SendMessage{conversation, "Primeira", {}, std::nullopt});
  REQUIRE(eventually([&] { return graph.received().size() == 1; }));
  REQUIRE(eventually([&] { return message_by_provider_id(rig.state(), ChannelId(0), "wamid.OUT1").valid(); }));
  rig.stop();
  rig.commit_offline(SendMessage{conversation, "Segunda", {}, std::nullopt});
  rig.start();
  REQUIRE(eventually([&] { return graph.received().size() == 2; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  REQUIRE(graph.received().size() == 2);
  CHECK(nlohmann::json::parse(graph.received()[1].body)["text"]["body"] == "Segunda");
  rig.stop();
  rig.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(graph.received().size() == 2);
}

TEST_CASE("whatsapp live: what was committed before sending was configured is never sent; what follows is") {
  FakeGraph graph;
  Rig rig;  // no Graph URL: receives, sends nothing
  const ConversationId conversation = customer_wrote(rig);
  rig.system(SendMessage{conversation, "Antes", {}, std::nullopt});
  rig.stop();
  rig.set_graph_url(graph.url());
  rig.start();
  rig.system(SendMessage{conversation, "Depois", {}, std::nullopt});
  REQUIRE(eventually([&] { return graph.received().size() == 1; }));
  CHECK(nlohmann::json::parse(graph.received()[0].body)["text"]["body"] == "Depois");
}

TEST_CASE("whatsapp settings come from the command line's flags") {
  CliOptions cli = parse_cli({"--root", "web", "--db", "relay.db", "--whatsapp-app-secret", "s", "--whatsapp-verify-token",
                              "v", "--whatsapp-graph-url", "http://127.0.0.1:1/v19.0", "--whatsapp-access-token", "t"});
  REQUIRE(cli.error.empty());
  const WhatsAppSettings settings = whatsapp_settings(cli, wall_ms);
  CHECK(settings.db_path == "relay.db");
  CHECK(settings.secrets.app_secret == "s");
  CHECK(settings.secrets.verify_token == "v");
  CHECK(settings.graph_url == "http://127.0.0.1:1/v19.0");
  CHECK(settings.access_token == "t");
  CHECK(whatsapp_settings(parse_cli({"--root", "web"}), wall_ms).graph_url.empty());
}

TEST_CASE("whatsapp service: a malformed Graph URL, or one without a token, is refused at open; Meta's https one opens") {
  TestDbFile db;
  WhatsAppSettings settings;
  settings.db_path = db.path();
  settings.clock = wall_ms;
  settings.graph_url = "https://graph.facebook.com/v19.0";
  settings.access_token = "t";
  CHECK(std::holds_alternative<std::unique_ptr<WhatsAppService>>(WhatsAppService::open(settings)));
  settings.graph_url = "ftp://graph.facebook.com/v19.0";
  CHECK(std::holds_alternative<std::string>(WhatsAppService::open(settings)));
  settings.graph_url = "http://127.0.0.1:9/v19.0";
  settings.access_token.clear();
  CHECK(std::holds_alternative<std::string>(WhatsAppService::open(settings)));
}

// The demo's customers as WhatsApp would report them: the bodies read back through the relay's own webhook
// parser, what has no WhatsApp form is left to submit directly, and a relay started with --demo-customers
// shows their messages, wamids and all, on a supervisor's socket.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/seed_data.h"
#include "server-stub/demo_customers/customer_webhooks.h"
#include "server-stub/whatsapp/webhook_parser.h"
#include "sync/local_engine.h"
#include "tests/unit/relay/relay_app_steps.h"
#include "tests/unit/relay/sqlite_test_file.h"
#include "tests/unit/relay/whatsapp_payloads.h"
#include "tests/unit/relay/ws_steps.h"

using namespace inbox;
using namespace inbox::relay;
using namespace inbox::relay::demo_customers;
using namespace inbox::relay::test;

namespace {

constexpr int64_t kWorldStart = 1'717'000'000'000;

State demo_world() {
  return sync::LocalEngine::from_script(demo_script(11, kWorldStart)).value().state();
}

ChannelId channel_of(const State& state, ChannelKind kind) {
  for (uint32_t i = 0; i < state.channels.size(); ++i) {
    if (state.channels[i].kind == kind) return ChannelId(i);
  }
  FAIL("no channel of that kind");
  return {};
}

whatsapp::WebhookContents parsed(const std::string& body) {
  auto contents = whatsapp::parse_webhook(body);
  REQUIRE(std::holds_alternative<whatsapp::WebhookContents>(contents));
  return std::get<whatsapp::WebhookContents>(contents);
}

// An agent's message in a WhatsApp conversation.
MessageId outbound_on_whatsapp(const State& state) {
  const ChannelId whatsapp = channel_of(state, ChannelKind::whatsapp);
  for (uint32_t i = 0; i < state.messages.size(); ++i) {
    const Message& message = state.messages[i];
    if (message.kind == MessageKind::outbound && state.conversations[message.conversation.index()].channel == whatsapp) {
      return MessageId(i);
    }
  }
  FAIL("no outbound WhatsApp message in the demo");
  return {};
}

}  // namespace

TEST_CASE("demo customers: a WhatsApp customer's message is a webhook the relay's parser reads back as it was written") {
  const State state = demo_world();
  ReceiveMessage written;
  written.channel = channel_of(state, ChannelKind::whatsapp);
  written.from = "+5511987650001";
  written.profile_name = "Ana Souza";
  written.text = "Olá! O meu pedido já saiu? 📦";
  written.referral = inbox::Referral{"ad", "120000042", "https://fb.me/demo-ad", "Promoção de inverno ❄️", "Até 50% off",
                              "https://cdn.demo.example/ad.jpg", kWorldStart};
  uint64_t next = 7;
  const Webhooks out = webhooks_for(state, {Command{UserId(), written}}, "wamid.TEST.", next, kWorldStart + 5'000);
  CHECK(next == 8);
  CHECK(out.direct.empty());
  REQUIRE(out.webhooks.size() == 1);
  CHECK(out.webhooks[0].wamid == "wamid.TEST.7");
  CHECK(out.webhooks[0].channel == written.channel);

  const whatsapp::WebhookContents contents = parsed(out.webhooks[0].body);
  REQUIRE(contents.messages.size() == 1);
  CHECK(contents.messages[0].to.display_phone_number == "551140040000");  // the demo's +55 11 4004-0000
  const ReceiveMessage& read = contents.messages[0].message;
  CHECK(read.from == written.from);
  CHECK(read.profile_name == written.profile_name);
  CHECK(read.text == written.text);
  CHECK(read.provider_id == "wamid.TEST.7");
  REQUIRE(read.referral.has_value());
  CHECK(read.referral->headline == written.referral->headline);
  CHECK(read.referral->source_id == "120000042");
  CHECK(read.referral->media_url == "https://cdn.demo.example/ad.jpg");
}

TEST_CASE("demo customers: a phone's report on a message with a wamid is a status webhook; without one it goes direct") {
  State state = demo_world();
  const MessageId sent = outbound_on_whatsapp(state);
  const Command delivered{UserId(), UpdateDelivery{sent, DeliveryStatus::delivered, {}, {}}};
  uint64_t next = 1;

  Webhooks out = webhooks_for(state, {delivered}, "wamid.TEST.", next, kWorldStart);
  CHECK(out.webhooks.empty());
  REQUIRE(out.direct.size() == 1);  // never went through the Graph API: no wamid for a status to name
  CHECK(std::holds_alternative<UpdateDelivery>(out.direct[0].body));

  state.provider_ids.push_back(ProviderRef{sent, "wamid.OUT.1"});
  out = webhooks_for(state, {delivered}, "wamid.TEST.", next, kWorldStart);
  CHECK(out.direct.empty());
  REQUIRE(out.webhooks.size() == 1);
  CHECK(out.webhooks[0].wamid.empty());
  const whatsapp::WebhookContents contents = parsed(out.webhooks[0].body);
  REQUIRE(contents.statuses.size() == 1);
  CHECK(contents.statuses[0].wamid == "wamid.OUT.1");
  CHECK(contents.statuses[0].status == DeliveryStatus::delivered);
  CHECK(next == 1);  // statuses take no new wamid
}

TEST_CASE("demo customers: Instagram, Messenger and webchat customers have no webhook and are submitted directly") {
  const State state = demo_world();
  std::vector<Command> commands;
  for (ChannelKind kind : {ChannelKind::instagram, ChannelKind::messenger, ChannelKind::webchat}) {
    ReceiveMessage written;
    written.channel = channel_of(state, kind);
    written.from = "visitor-1";
    written.text = "Hola";
    commands.push_back(Command{UserId(), written});
  }
  uint64_t next = 1;
  const Webhooks out = webhooks_for(state, commands, "wamid.TEST.", next, kWorldStart);
  CHECK(out.webhooks.empty());
  CHECK(out.direct.size() == 3);
  CHECK(next == 1);
}

TEST_CASE("relay app: with --demo-customers the demo's customers write in through signed webhooks") {
  TestDbFile db;
  RelayAppSettings settings = demo_settings(db.path());
  settings.cli.whatsapp_app_secret = kAppSecret;
  settings.cli.demo_customers_per_hour = 3600;  // one a second on average
  settings.clock = [] {  // the simulator needs time to pass
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  };

  RelayAppSettings without_secret = settings;
  without_secret.cli.whatsapp_app_secret.reset();
  auto refused = RelayApp::open(without_secret);
  REQUIRE(std::holds_alternative<std::string>(refused));
  CHECK(std::get<std::string>(refused).find("--demo-customers needs the WhatsApp app secret") != std::string::npos);

  auto app = started(std::move(settings));
  REQUIRE(app->demo_customers() != nullptr);
  WsClient client(app->endpoint().port());
  sign_in(client, login_token(app->endpoint().port(), supervisor_named(*app)));

  // Within 30 s (a Poisson arrival at one a second, 70 % of them on WhatsApp), a message with a demo wamid.
  std::string wamid;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (wamid.empty() && std::chrono::steady_clock::now() < deadline) {
    std::optional<WsMessage> message = client.read(std::chrono::milliseconds(500));
    if (!message || !message->text) continue;
    auto frame = sync::parse_relay_frame(message->data);
    const auto* events = std::get_if<sync::RelayFrame>(&frame) ? std::get_if<sync::EventsFrame>(&std::get<sync::RelayFrame>(frame)) : nullptr;
    if (events == nullptr) continue;
    for (const sync::SequencedEvent& event : events->events) {
      const auto* added = std::get_if<MessageAdded>(&event.event.body);
      if (added != nullptr && added->provider_id.rfind("wamid.DEMO.", 0) == 0) wamid = added->provider_id;
    }
  }
  CHECK_MESSAGE(!wamid.empty(), "no customer message came in through the webhook");  // only webhooks carry wamids
  const DemoCustomersStats stats = app->demo_customers()->stats();
  CHECK(stats.webhooks_posted >= 1);
  CHECK(stats.webhooks_refused == 0);
  app->stop();
}

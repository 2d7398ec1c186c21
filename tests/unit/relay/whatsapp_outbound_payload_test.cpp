#include "server-stub/whatsapp/outbound_payload.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/apply.h"
#include "core/decide.h"
#include "tests/unit/relay/desk_seed.h"

using namespace inbox;
using namespace inbox::relay::whatsapp;
using namespace inbox::relay::test;

namespace {

struct Desk {
  State state;
  Desk() {
    for (const TimedCommand& step : desk_seed()) run(step.command);
    run(customer_writes("Oi"));
  }
  // The last event's MessageAdded.
  MessageAdded run(const Command& command) {
    Decision decision = decide(state, command, kStart + kSecond);
    REQUIRE_MESSAGE(decision.ok(), (decision.ok() ? "" : decision.error().message));
    MessageAdded added;
    for (const Event& event : decision.value()) {
      apply(state, event);
      if (const auto* message = std::get_if<MessageAdded>(&event.body)) added = *message;
    }
    return added;
  }
};

}  // namespace

TEST_CASE("outbound payload: media by link with its caption, a provider media id by id; notes and inbound never") {
  Desk desk;
  const ConversationId conversation = desk.state.messages.back().conversation;
  MessageAdded image = desk.run(Command{UserId(), SendMessage{conversation, "O boleto", Media{"https://cdn.example/b.png", "image/png"}, std::nullopt}});
  auto out = outbound_for(desk.state, image);
  REQUIRE(out.has_value());
  CHECK(out->phone_number_id == "5511400000000");
  nlohmann::json payload = nlohmann::json::parse(out->payload);
  CHECK(payload["type"] == "image");
  CHECK(payload["image"]["link"] == "https://cdn.example/b.png");
  CHECK(payload["image"]["caption"] == "O boleto");

  MessageAdded document = desk.run(Command{UserId(), SendMessage{conversation, "", Media{"whatsapp-media:M9", "application/pdf"}, std::nullopt}});
  payload = nlohmann::json::parse(outbound_for(desk.state, document)->payload);
  CHECK(payload["type"] == "document");
  CHECK(payload["document"]["id"] == "M9");

  MessageAdded note = desk.run(Command{UserId(), AddNote{conversation, "só para a equipe"}});
  CHECK_FALSE(outbound_for(desk.state, note).has_value());
  MessageAdded inbound = desk.run(customer_writes("Mais uma"));
  CHECK_FALSE(outbound_for(desk.state, inbound).has_value());
}

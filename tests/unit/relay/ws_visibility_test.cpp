// Role visibility on the wire: an agent's socket never carries the content of a conversation the agent may
// not view (someone else's chat), in events, snapshots or resumes; a supervisor's carries everything.
#include <doctest/doctest.h>

#include "core/binary_codec.h"
#include "core/state.h"
#include "tests/unit/relay/live_relay.h"
#include "tests/unit/relay/ws_steps.h"

using namespace inbox;
using namespace inbox::relay;
using namespace inbox::relay::test;

namespace {

constexpr const char* kSecret = "my card number is 4111";

sync::CommandFrame assign(std::string client_id, uint32_t conversation, UserId assignee) {
  return {std::move(client_id),
          Json{{"type", "assign_conversation"}, {"conversation", conversation}, {"assignee", assignee.value}}};
}

bool holds_secret(const std::vector<sync::SequencedEvent>& events) {
  for (const auto& event : events) {
    if (const auto* message = std::get_if<MessageAdded>(&event.event.body); message && message->text == kSecret) {
      return true;
    }
  }
  return false;
}

// The raw text frames read until an events frame holds a message_added, and those events.
std::vector<sync::SequencedEvent> until_message(WsClient& client, std::string& raw) {
  std::vector<sync::SequencedEvent> seen;
  for (int frames = 0; frames < 20; ++frames) {
    const std::optional<WsMessage> message = client.read();
    REQUIRE(message.has_value());
    raw += message->data;
    auto parsed = sync::parse_relay_frame(message->data);
    REQUIRE(std::holds_alternative<sync::RelayFrame>(parsed));
    auto* events = std::get_if<sync::EventsFrame>(&std::get<sync::RelayFrame>(parsed));
    if (events == nullptr) continue;
    bool found = false;
    for (auto& event : events->events) {
      found = found || std::holds_alternative<MessageAdded>(event.event.body);
      seen.push_back(std::move(event));
    }
    if (found) return seen;
  }
  FAIL("no message_added");
  return seen;
}

// Reads a welcome that must come with a snapshot; returns the snapshot's bytes.
std::string snapshot_after_welcome(WsClient& client) {
  for (int frames = 0; frames < 20; ++frames) {
    const sync::RelayFrame frame = client.frame();
    const auto* welcome = std::get_if<sync::WelcomeFrame>(&frame);
    if (welcome == nullptr) continue;
    REQUIRE(welcome->snapshot_bytes.has_value());
    const std::optional<WsMessage> snapshot = client.read();
    REQUIRE(snapshot.has_value());
    CHECK(snapshot->data.size() == *welcome->snapshot_bytes);
    return snapshot->data;
  }
  FAIL("no welcome");
  return {};
}

std::string message_texts(const std::string& snapshot) {
  auto state = state_from_binary(snapshot);
  REQUIRE(state.ok());
  return state.value().message_text;
}

}  // namespace

TEST_CASE("relay: an agent never receives the content of a chat it may not see, and gets it when the chat is handed to it") {
  LiveRelay relay;
  WsClient ana(relay.port());
  WsClient marc(relay.port());
  WsClient sofia(relay.port());
  sign_in(ana, "ana-token");
  sign_in(marc, "marc-token");
  sign_in(sofia, "sofia-token");
  for (WsClient* client : {&ana, &marc, &sofia}) drain(*client);

  // Unassigned (nobody is available): every agent may see it.
  relay.hub().system({customer_writes("hello, I need help")});
  std::string raw;
  CHECK(std::get<MessageAdded>(until_message(ana, raw).back().event.body).text == "hello, I need help");
  sofia.send(assign("a-1", 0, kMarc));
  expect_ack(sofia, "a-1");
  for (WsClient* client : {&ana, &marc, &sofia}) drain(*client);

  // Marc's chat now: Ana sees that a message came, never what it says.
  relay.hub().system({customer_writes(kSecret)});
  raw.clear();
  const auto seen_by_ana = until_message(ana, raw);
  CHECK_FALSE(holds_secret(seen_by_ana));
  CHECK(raw.find("4111") == std::string::npos);
  const auto& hidden = std::get<MessageAdded>(seen_by_ana.back().event.body);
  CHECK(hidden.text.empty());
  CHECK(hidden.conversation == ConversationId(0));
  std::string ignored;
  CHECK(holds_secret(until_message(marc, ignored)));
  CHECK(holds_secret(until_message(sofia, ignored)));

  // A new sign-in's snapshot and a resume leave it out too.
  const uint64_t head = relay.hub().stats().head;
  WsClient ana_again(relay.port());
  ana_again.send(sync::HelloFrame{"ana-token", 0});
  const std::string fresh = snapshot_after_welcome(ana_again);
  CHECK(fresh.find("4111") == std::string::npos);
  CHECK(message_texts(fresh).find("hello, I need help") == std::string::npos);
  WsClient ana_resumes(relay.port());
  ana_resumes.send(sync::HelloFrame{"ana-token", head - 1});
  const auto resumed = ana_resumes.expect<sync::WelcomeFrame>();
  CHECK_FALSE(resumed.snapshot_bytes.has_value());
  const auto missed = ana_resumes.expect<sync::EventsFrame>();
  CHECK_FALSE(holds_secret(missed.events));
  WsClient sofia_again(relay.port());
  sofia_again.send(sync::HelloFrame{"sofia-token", 0});
  CHECK(message_texts(snapshot_after_welcome(sofia_again)).find(kSecret) != std::string::npos);

  // Handed to Ana: her copy lacked its history, so she gets a snapshot that has it.
  drain(ana);
  sofia.send(assign("a-2", 0, kAna));
  CHECK(message_texts(snapshot_after_welcome(ana)).find(kSecret) != std::string::npos);
}

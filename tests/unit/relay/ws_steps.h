// Steps the live-relay tests share: sign in, read events until one of a type, drain what is left.
#pragma once
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/binary_codec.h"
#include "tests/unit/relay/live_relay.h"

namespace inbox::relay::test {

// Signs in and reads the welcome (and its snapshot when one comes); returns the welcome's seq.
inline uint64_t sign_in(WsClient& client, const std::string& token, uint64_t last_seq = 0) {
  client.send(sync::HelloFrame{token, last_seq});
  const auto welcome = client.expect<sync::WelcomeFrame>();
  if (welcome.snapshot_bytes) {
    const std::optional<WsMessage> snapshot = client.read();
    REQUIRE(snapshot.has_value());
    CHECK_FALSE(snapshot->text);
    CHECK(snapshot->data.size() == *welcome.snapshot_bytes);
    CHECK(state_from_binary(snapshot->data).ok());
  }
  return welcome.seq;
}

inline sync::CommandFrame set_status(std::string client_id, UserId user, std::string status) {
  return {std::move(client_id), Json{{"type", "set_user_status"}, {"user", user.value}, {"status", status}}};
}

inline std::string_view type_of(const Event& event) {
  return std::visit([](const auto& body) { return std::string_view(std::decay_t<decltype(body)>::kType); }, event.body);
}

// Reads events frames until one holds an event of type `type`; the events read on the way are returned too.
inline std::vector<sync::SequencedEvent> events_until(WsClient& client, std::string_view type) {
  std::vector<sync::SequencedEvent> seen;
  for (int frames = 0; frames < 20; ++frames) {
    auto frame = client.expect<sync::EventsFrame>();
    for (auto& event : frame.events) {
      const bool found = type_of(event.event) == type;
      seen.push_back(std::move(event));
      if (found) return seen;
    }
  }
  FAIL("no " << type << " event");
  return seen;
}

// Reads past events frames to the ack of `client_id`.
inline void expect_ack(WsClient& client, const std::string& client_id) {
  for (int frames = 0; frames < 20; ++frames) {
    const sync::RelayFrame frame = client.frame();
    if (std::holds_alternative<sync::EventsFrame>(frame)) continue;
    REQUIRE_MESSAGE(std::holds_alternative<sync::AckFrame>(frame), sync::encode_relay_frame(frame));
    CHECK(std::get<sync::AckFrame>(frame).client_id == client_id);
    return;
  }
  FAIL("no ack");
}

// Drains what arrives within `wait` (the connection-status events of a sign-in, say).
inline void drain(WsClient& client, std::chrono::milliseconds wait = std::chrono::milliseconds(300)) {
  while (client.read(wait)) {
  }
}

}  // namespace inbox::relay::test

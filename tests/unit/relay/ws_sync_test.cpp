// The relay end to end: real sockets, real frames, the log in a SQLite file.
#include <doctest/doctest.h>

#include "core/binary_codec.h"
#include "tests/unit/relay/live_relay.h"
#include "tests/unit/relay/ws_steps.h"

using namespace inbox;
using namespace inbox::relay;
using namespace inbox::relay::test;


TEST_CASE("relay: two agents see each other's change within a second, and the author gets the ack after the events") {
  LiveRelay relay;
  WsClient ana(relay.port());
  WsClient marc(relay.port());
  sign_in(ana, "ana-token");
  sign_in(marc, "marc-token");
  drain(ana);
  drain(marc);

  const auto sent = std::chrono::steady_clock::now();
  ana.send(set_status("s-1", kAna, "available"));
  const auto seen_by_marc = events_until(marc, "user_status_changed");
  const auto elapsed = std::chrono::steady_clock::now() - sent;
  CHECK(elapsed < std::chrono::seconds(1));

  const auto seen_by_ana = events_until(ana, "user_status_changed");
  const auto ack = ana.expect<sync::AckFrame>();
  CHECK(ack.client_id == "s-1");
  CHECK(ack.seq >= seen_by_ana.back().seq);
  CHECK(seen_by_marc.back().seq == seen_by_ana.back().seq);
}

TEST_CASE("relay: a resent client id gets the first answer and applies nothing twice") {
  LiveRelay relay;
  WsClient ana(relay.port());
  WsClient marc(relay.port());
  sign_in(ana, "ana-token");
  sign_in(marc, "marc-token");
  drain(ana);
  drain(marc);

  ana.send(set_status("once", kAna, "available"));
  events_until(ana, "user_status_changed");
  const auto first = ana.expect<sync::AckFrame>();
  drain(marc);
  ana.send(set_status("once", kAna, "available"));
  const auto second = ana.expect<sync::AckFrame>();
  CHECK(second.seq == first.seq);
  CHECK_FALSE(marc.read(std::chrono::milliseconds(300)).has_value());  // nothing new was broadcast

  // A refused command is answered the same way again, too.
  ana.send(set_status("not-mine", kMarc, "available"));
  const auto refused = ana.expect<sync::RejectFrame>();
  ana.send(set_status("not-mine", kMarc, "available"));
  const auto again = ana.expect<sync::RejectFrame>();
  CHECK(refused.error.code == ErrorCode::forbidden);
  CHECK(again.error.code == refused.error.code);
  CHECK(again.error.message == refused.error.message);
}

TEST_CASE("relay: a client that resumes gets exactly the events it missed, across a relay restart") {
  LiveRelay relay;
  uint64_t marc_seq = 0;
  {
    WsClient marc(relay.port());
    marc_seq = sign_in(marc, "marc-token");
    for (const auto& event : events_until(marc, "user_connection_changed")) marc_seq = event.seq;
  }
  std::vector<uint64_t> missed;
  {
    WsClient ana(relay.port());
    sign_in(ana, "ana-token");
    ana.send(set_status("a-1", kAna, "available"));
    ana.send(set_status("a-2", kAna, "idle"));
    for (int acks = 0; acks < 2;) {
      auto frame = ana.frame();
      REQUIRE_FALSE(std::holds_alternative<sync::RejectFrame>(frame));
      if (std::holds_alternative<sync::AckFrame>(frame)) ++acks;
    }
  }
  relay.stop();
  relay.start();  // the same file: the log goes on where it stopped

  WsClient marc(relay.port());
  marc.send(sync::HelloFrame{"marc-token", marc_seq});
  const auto welcome = marc.expect<sync::WelcomeFrame>();
  CHECK_FALSE(welcome.snapshot_bytes.has_value());
  REQUIRE(welcome.seq > marc_seq);
  const auto resumed = marc.expect<sync::EventsFrame>();
  REQUIRE(resumed.events.size() == welcome.seq - marc_seq);
  for (size_t i = 0; i < resumed.events.size(); ++i) CHECK(resumed.events[i].seq == marc_seq + 1 + i);
  bool saw_idle = false;
  for (const auto& event : resumed.events) {
    if (const auto* changed = std::get_if<UserStatusChanged>(&event.event.body)) {
      saw_idle = saw_idle || changed->status == UserStatus::idle;
    }
  }
  CHECK(saw_idle);
}

TEST_CASE("relay: bad frames get an error and change nothing; the connection stays usable") {
  LiveRelay relay;
  WsClient ana(relay.port());

  ana.send(set_status("early", kAna, "available"));
  CHECK(ana.expect<sync::ErrorFrame>().code == sync::ProtocolErrorCode::hello_required);

  sign_in(ana, "ana-token");
  drain(ana);
  const uint64_t head = relay.hub().stats().head;
  ana.send_text("{not json");
  CHECK(ana.expect<sync::ErrorFrame>().code == sync::ProtocolErrorCode::malformed_frame);
  ana.send_text(R"({"v":1,"type":"teleport"})");
  CHECK(ana.expect<sync::ErrorFrame>().code == sync::ProtocolErrorCode::unknown_frame_type);
  ana.send_binary("\x01\x02");
  CHECK(ana.expect<sync::ErrorFrame>().code == sync::ProtocolErrorCode::binary_not_accepted);
  ana.send_text(std::string(sync::kClientFrameBytesMax + 1, ' '));
  CHECK(ana.expect<sync::ErrorFrame>().code == sync::ProtocolErrorCode::frame_too_large);
  ana.send(sync::HelloFrame{"ana-token", 0});
  CHECK(ana.expect<sync::ErrorFrame>().code == sync::ProtocolErrorCode::hello_repeated);

  // A command naming its actor is refused: nobody can act as someone else, or as the system.
  sync::CommandFrame as_system{"x-1", Json{{"type", "set_user_status"}, {"user", kAna.value},
                                           {"status", "available"}, {"actor", 4294967295u}}};
  ana.send(as_system);
  CHECK(ana.expect<sync::RejectFrame>().error.code == ErrorCode::forbidden);

  ana.send(sync::PingFrame{7});
  CHECK(ana.expect<sync::PongFrame>().id == 7);
  CHECK(relay.hub().stats().head == head);  // nothing decided on bad input
  CHECK(relay.hub().stats().commands_accepted == 0);
}

TEST_CASE("relay: invalid UTF-8 and frames past the transport limit close the connection") {
  LiveRelay relay;
  {
    WsClient client(relay.port());
    client.send_text("{\"v\":1,\"type\":\"ping\",\"id\":\xff}");
    CHECK_FALSE(client.read().has_value());
    CHECK(client.closed());
    CHECK(client.close_reason().code == boost::beast::websocket::close_code::bad_payload);
  }
  {
    WsClient client(relay.port());
    client.send_text(std::string(sync::kFrameTransportBytesMax + 1, ' '));
    CHECK_FALSE(client.read().has_value());
    CHECK(client.closed());
    CHECK(client.close_reason().code == boost::beast::websocket::close_code::too_big);
  }
}

TEST_CASE("relay: an unknown token is refused and the connection closed") {
  LiveRelay relay;
  WsClient client(relay.port());
  client.send(sync::HelloFrame{"forged", 0});
  const auto error = client.expect<sync::ErrorFrame>();
  CHECK(error.code == sync::ProtocolErrorCode::unauthorized);
  CHECK(error.fatal);
  CHECK_FALSE(client.read().has_value());
  CHECK(client.closed());
}

TEST_CASE("relay: group commit is paced: after a quiet spell a command goes at once, the next batch waits its turn") {
  HubConfig config;
  config.batch_interval = std::chrono::milliseconds(400);
  LiveRelay relay(desk_seed(), config);
  WsClient ana(relay.port());
  sign_in(ana, "ana-token");
  drain(ana, std::chrono::milliseconds(600));  // the sign-in's own batch is over and its interval passed

  auto acked_after = [&](const std::string& client_id, const char* status) {
    const auto sent = std::chrono::steady_clock::now();
    ana.send(set_status(client_id, kAna, status));
    expect_ack(ana, client_id);
    return std::chrono::steady_clock::now() - sent;
  };
  const auto quiet_sent = std::chrono::steady_clock::now();
  CHECK(acked_after("quiet", "available") < std::chrono::milliseconds(300));
  // Right behind it: its batch starts 400 ms after the one before, which started after quiet_sent.
  acked_after("paced", "idle");
  CHECK(std::chrono::steady_clock::now() - quiet_sent >= std::chrono::milliseconds(400));
}

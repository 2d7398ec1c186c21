#include "sync/protocol.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace inbox;
using namespace inbox::sync;

namespace {

template <class T, class R>
T frame_of(const R& result) {
  REQUIRE(result.index() == 0);
  const auto& frame = std::get<0>(result);
  REQUIRE(std::holds_alternative<T>(frame));
  return std::get<T>(frame);
}

template <class R>
FrameError error_of(const R& result) {
  REQUIRE(result.index() == 1);
  return std::get<FrameError>(result);
}

}  // namespace

TEST_CASE("protocol: client frames round-trip through their text") {
  const HelloFrame hello = frame_of<HelloFrame>(parse_client_frame(encode_client_frame(HelloFrame{"tok", 42})));
  CHECK(hello.token == "tok");
  CHECK(hello.last_seq == 42);

  CommandFrame command{"c-1", Json{{"type", "send_message"}, {"conversation", 3u}, {"text", "Olá"}}};
  const CommandFrame parsed = frame_of<CommandFrame>(parse_client_frame(encode_client_frame(command)));
  CHECK(parsed.client_id == "c-1");
  CHECK(parsed.command == command.command);

  CHECK(frame_of<PingFrame>(parse_client_frame(encode_client_frame(PingFrame{7}))).id == 7);
}

TEST_CASE("protocol: relay frames round-trip through their text") {
  const WelcomeFrame welcome =
      frame_of<WelcomeFrame>(parse_relay_frame(encode_relay_frame(WelcomeFrame{UserId(4), Role::supervisor, 9, 1234})));
  CHECK(welcome.user == UserId(4));
  CHECK(welcome.role == Role::supervisor);
  CHECK(welcome.seq == 9);
  CHECK(welcome.snapshot_bytes == std::optional<uint64_t>(1234));
  CHECK_FALSE(frame_of<WelcomeFrame>(parse_relay_frame(encode_relay_frame(WelcomeFrame{UserId(1), Role::agent, 3, {}})))
                  .snapshot_bytes.has_value());

  const Event event{UserId(2), 1'717'000'000'000, UserStatusChanged{UserId(2), UserStatus::available}};
  const EventsFrame events = frame_of<EventsFrame>(parse_relay_frame(encode_relay_frame(EventsFrame{{{17, event}}})));
  REQUIRE(events.events.size() == 1);
  CHECK(events.events[0].seq == 17);
  CHECK(events.events[0].event == event);

  CHECK(frame_of<AckFrame>(parse_relay_frame(encode_relay_frame(AckFrame{"c-9", 88}))).seq == 88);
  const RejectFrame reject = frame_of<RejectFrame>(
      parse_relay_frame(encode_relay_frame(RejectFrame{"c-9", Error{ErrorCode::conversation_closed, "closed"}})));
  CHECK(reject.client_id == "c-9");
  CHECK(reject.error.code == ErrorCode::conversation_closed);
  CHECK(reject.error.message == "closed");
  const ErrorFrame error = frame_of<ErrorFrame>(
      parse_relay_frame(encode_relay_frame(ErrorFrame{ProtocolErrorCode::unauthorized, "expired", true})));
  CHECK(error.code == ProtocolErrorCode::unauthorized);
  CHECK(error.fatal);
  CHECK(frame_of<PongFrame>(parse_relay_frame(encode_relay_frame(PongFrame{5}))).id == 5);
}

TEST_CASE("protocol: malformed client frames are errors, never exceptions") {
  CHECK(error_of(parse_client_frame("")).code == ProtocolErrorCode::malformed_frame);
  CHECK(error_of(parse_client_frame("{\"v\":1,\"type\":")).code == ProtocolErrorCode::malformed_frame);
  CHECK(error_of(parse_client_frame("[1,2]")).code == ProtocolErrorCode::malformed_frame);
  CHECK(error_of(parse_client_frame("{\"type\":\"ping\"}")).message.find("\"v\"") != std::string::npos);
  CHECK(error_of(parse_client_frame("{\"v\":2,\"type\":\"ping\"}")).code == ProtocolErrorCode::unsupported_version);
  CHECK(error_of(parse_client_frame("{\"v\":1,\"type\":\"teleport\"}")).code == ProtocolErrorCode::unknown_frame_type);
  CHECK(error_of(parse_client_frame("{\"v\":1,\"type\":\"hello\",\"token\":5}")).message.find("token") !=
        std::string::npos);
  CHECK(error_of(parse_client_frame("{\"v\":1,\"type\":\"hello\",\"token\":\"t\",\"last_seq\":-1}")).code ==
        ProtocolErrorCode::malformed_frame);
  CHECK(error_of(parse_client_frame("{\"v\":1,\"type\":\"command\",\"client_id\":\"\",\"command\":{}}")).code ==
        ProtocolErrorCode::malformed_frame);
  CHECK(error_of(parse_client_frame("{\"v\":1,\"type\":\"command\",\"client_id\":\"a\",\"command\":[]}")).code ==
        ProtocolErrorCode::malformed_frame);
  const std::string long_id(kClientIdBytesMax + 1, 'x');
  CHECK(error_of(parse_client_frame("{\"v\":1,\"type\":\"command\",\"client_id\":\"" + long_id + "\",\"command\":{}}"))
            .message.find("client_id") != std::string::npos);
}

TEST_CASE("protocol: oversized frames and invalid UTF-8 are refused before use") {
  std::string big = "{\"v\":1,\"type\":\"ping\",\"pad\":\"" + std::string(kClientFrameBytesMax, 'a') + "\"}";
  CHECK(error_of(parse_client_frame(big)).code == ProtocolErrorCode::frame_too_large);
  const std::string bad_utf8 = "{\"v\":1,\"type\":\"hello\",\"token\":\"\xC3\x28\"}";
  CHECK(error_of(parse_client_frame(bad_utf8)).code == ProtocolErrorCode::malformed_frame);
  const std::string lone_surrogate = "{\"v\":1,\"type\":\"hello\",\"token\":\"\\ud800\"}";
  CHECK(error_of(parse_client_frame(lone_surrogate)).code == ProtocolErrorCode::malformed_frame);
}

TEST_CASE("protocol: a command acts as the signed-in user and may not name an actor") {
  CommandFrame frame{"c-1", Json{{"type", "set_user_status"}, {"user", 3u}, {"status", "available"}}};
  Result<Command> command = command_as(frame, UserId(3));
  INFO((command.ok() ? std::string() : command.error().message));
  REQUIRE(command.ok());
  CHECK(command.value().actor == UserId(3));
  CHECK(std::holds_alternative<SetUserStatus>(command.value().body));

  frame.command["actor"] = nullptr;  // the system
  REQUIRE_FALSE(command_as(frame, UserId(3)).ok());
  CHECK(command_as(frame, UserId(3)).error().code == ErrorCode::forbidden);
  frame.command["actor"] = 0u;  // someone else
  CHECK(command_as(frame, UserId(3)).error().code == ErrorCode::forbidden);

  CommandFrame unknown{"c-2", Json{{"type", "launch_rocket"}}};
  CHECK(command_as(unknown, UserId(3)).error().code == ErrorCode::unknown_type);
}

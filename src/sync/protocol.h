// The relay's WebSocket protocol (docs/protocol.md): versioned JSON text frames, decoded and encoded here so
// the relay and the browser's relay client share one definition. Pure: the parse functions never throw and
// return an Error for anything malformed; nothing here knows of sockets.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/commands.h"
#include "core/errors.h"
#include "core/events.h"
#include "core/json_codec.h"

#include <nlohmann/json.hpp>

namespace inbox::sync {

constexpr int kProtocolVersion = 1;
// A client frame larger than this gets an error frame and is not parsed (a 4096-character message is ~16 KB
// of JSON at worst). The transport refuses frames past kFrameTransportBytesMax outright.
constexpr size_t kClientFrameBytesMax = 64 * 1024;
constexpr size_t kFrameTransportBytesMax = 1024 * 1024;
constexpr size_t kClientIdBytesMax = 64;

// --- client -> relay ---

// The first frame: who (a token from POST /api/login) and where the client's copy stands (0: it has none).
struct HelloFrame {
  std::string token;
  uint64_t last_seq = 0;
};

// A command on the signed-in user's behalf. `client_id` is the client's own name for it (unique per user):
// the relay answers a resend with the first answer and applies nothing twice. The command names no actor:
// the relay sets it to the signed-in user.
struct CommandFrame {
  std::string client_id;
  Json command;  // the command's JSON with "actor" added by the relay before decoding (core/json_codec.h)
};

struct PingFrame {
  uint64_t id = 0;
};

using ClientFrame = std::variant<HelloFrame, CommandFrame, PingFrame>;

// --- relay -> client ---

// The answer to hello. With a snapshot, the next frame is binary: the state after event `seq`
// (core/binary_codec.h, `snapshot_bytes` long); otherwise `events` holds exactly the events the client missed.
// A welcome with a snapshot may come again mid-session: the client replaces its copy (docs/protocol.md).
struct WelcomeFrame {
  UserId user;
  Role role = Role::agent;
  uint64_t seq = 0;
  std::optional<uint64_t> snapshot_bytes;
};

struct SequencedEvent {
  uint64_t seq = 0;
  Event event;
};

struct EventsFrame {
  std::vector<SequencedEvent> events;
};

struct AckFrame {
  std::string client_id;
  uint64_t seq = 0;  // the client's copy shows the command's effects once it has applied events up to seq
};

struct RejectFrame {
  std::string client_id;
  Error error;
};

// A frame the relay could not use (malformed, unknown type, too large, out of order, bad token). Nothing
// changed; `fatal` ones are followed by the relay closing the connection.
enum class ProtocolErrorCode : uint8_t {
  malformed_frame,
  unsupported_version,
  unknown_frame_type,
  frame_too_large,
  binary_not_accepted,
  hello_required,
  hello_repeated,
  unauthorized,
  seq_ahead,
  overloaded,
  relay_unavailable,
};
}  // namespace inbox::sync

template <>
struct inbox::EnumNames<inbox::sync::ProtocolErrorCode> {
  static constexpr std::array<const char*, 11> names = {
      "malformed_frame", "unsupported_version", "unknown_frame_type", "frame_too_large", "binary_not_accepted",
      "hello_required",  "hello_repeated",      "unauthorized",       "seq_ahead",       "overloaded",
      "relay_unavailable"};
};

namespace inbox::sync {

struct ErrorFrame {
  ProtocolErrorCode code = ProtocolErrorCode::malformed_frame;
  std::string message;
  bool fatal = false;
};

struct PongFrame {
  uint64_t id = 0;
};

using RelayFrame = std::variant<WelcomeFrame, EventsFrame, AckFrame, RejectFrame, ErrorFrame, PongFrame>;

// A frame that could not be decoded: what the error frame says.
struct FrameError {
  ProtocolErrorCode code = ProtocolErrorCode::malformed_frame;
  std::string message;
};

template <class T>
using FrameResult = std::variant<T, FrameError>;

FrameResult<ClientFrame> parse_client_frame(std::string_view text);
std::string encode_client_frame(const ClientFrame& frame);

FrameResult<RelayFrame> parse_relay_frame(std::string_view text);
std::string encode_relay_frame(const RelayFrame& frame);

// The command of a CommandFrame as the signed-in `user`'s: a command naming an actor itself is refused
// (forbidden: nobody may act as someone else or as the system).
Result<Command> command_as(const CommandFrame& frame, UserId user);

}  // namespace inbox::sync

// The relay's frame decoder (src/sync/protocol.h): what WsSession::handle_frame runs on every text frame a
// client sends (hello, command, ping), and the browser's decoder of the relay's frames. Properties: no crash,
// no exception, no sanitizer report on any bytes; a frame that decodes re-encodes to a frame that decodes to
// the same thing; a command frame's command decodes as the signed-in user's or is refused, never throws.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/json_codec.h"
#include "fuzz_check.h"
#include "sync/protocol.h"

#include <nlohmann/json.hpp>

using namespace inbox;
using namespace inbox::sync;

namespace {

bool same(const ClientFrame& a, const ClientFrame& b) {
  if (a.index() != b.index()) return false;
  if (auto* hello = std::get_if<HelloFrame>(&a)) {
    const auto& other = std::get<HelloFrame>(b);
    return hello->token == other.token && hello->last_seq == other.last_seq;
  }
  if (auto* command = std::get_if<CommandFrame>(&a)) {
    const auto& other = std::get<CommandFrame>(b);
    return command->client_id == other.client_id && command->command == other.command;
  }
  return std::get<PingFrame>(a).id == std::get<PingFrame>(b).id;
}

void client_frame(std::string_view text) {
  FrameResult<ClientFrame> parsed = parse_client_frame(text);
  auto* frame = std::get_if<ClientFrame>(&parsed);
  if (frame == nullptr) {
    FUZZ_CHECK(!std::get<FrameError>(parsed).message.empty());
    return;
  }
  const std::string again = encode_client_frame(*frame);
  if (again.size() <= kClientFrameBytesMax) {  // re-encoding may be longer (1e2 -> 100.0)
    FrameResult<ClientFrame> reparsed = parse_client_frame(again);
    auto* reparsed_frame = std::get_if<ClientFrame>(&reparsed);
    FUZZ_CHECK(reparsed_frame != nullptr);
    FUZZ_CHECK(same(*frame, *reparsed_frame));
  }
  if (auto* command = std::get_if<CommandFrame>(frame)) {
    const Result<Command> as_user = command_as(*command, UserId(3));
    if (as_user.ok()) {
      FUZZ_CHECK(as_user.value().actor == UserId(3));
      // The command the relay decodes survives its own JSON form (what the log and the ack carry).
      const Result<Command> reparsed = parse_command(command_to_text(as_user.value()));
      FUZZ_CHECK(reparsed.ok());
      FUZZ_CHECK(reparsed.value() == as_user.value());
    } else {
      FUZZ_CHECK(!as_user.error().message.empty());
    }
  }
}

// The same bytes as a frame from the relay (the browser's relay client decodes these).
void relay_frame(std::string_view text) {
  FrameResult<RelayFrame> parsed = parse_relay_frame(text);
  auto* frame = std::get_if<RelayFrame>(&parsed);
  if (frame == nullptr) return;
  const std::string again = encode_relay_frame(*frame);
  FrameResult<RelayFrame> reparsed = parse_relay_frame(again);
  auto* reparsed_frame = std::get_if<RelayFrame>(&reparsed);
  FUZZ_CHECK(reparsed_frame != nullptr);
  FUZZ_CHECK(reparsed_frame->index() == frame->index());
  FUZZ_CHECK(encode_relay_frame(*reparsed_frame) == again);  // encoding is stable
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  client_frame(text);
  relay_frame(text);
  return 0;
}

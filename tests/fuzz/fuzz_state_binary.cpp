// The binary state snapshot (core/binary_codec.h) on arbitrary bytes: what the browser reloads from
// IndexedDB and the relay from its snapshots. Each input is decoded twice: as it is, and with the trailing
// checksum recomputed and appended (so mutations get past the checksum into the structure decoder). A
// snapshot that decodes re-encodes to bytes that decode to an equal state (derived indexes included).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/binary_codec.h"
#include "core/state.h"
#include "fuzz_check.h"

using namespace inbox;

namespace {

// binary_codec.cpp's trailer: FNV-1a 64 over the body, then a 0xFF separator round, little-endian.
std::string with_checksum(std::string_view body) {
  uint64_t hash = 1469598103934665603ULL;
  for (char ch : body) hash = (hash ^ static_cast<unsigned char>(ch)) * 1099511628211ULL;
  hash = (hash ^ 0xFF) * 1099511628211ULL;
  std::string out(body);
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((hash >> (8 * i)) & 0xFF));
  return out;
}

void decode(std::string_view bytes) {
  const Result<State> state = state_from_binary(bytes);
  if (!state.ok()) {
    FUZZ_CHECK(!state.error().message.empty());
    return;
  }
  const std::string again = state_to_binary(state.value());
  const Result<State> reparsed = state_from_binary(again);
  FUZZ_CHECK(reparsed.ok());
  FUZZ_CHECK(reparsed.value() == state.value());
  FUZZ_CHECK(state_to_binary(reparsed.value()) == again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  decode(bytes);
  decode(with_checksum(bytes));
  return 0;
}

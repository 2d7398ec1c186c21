#include "sync/event_log_codec.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/json_codec.h"
#include "core/seed_data.h"
#include "sync/local_engine.h"

using namespace inbox;
using namespace inbox::sync;

namespace {

std::vector<Event> demo_events() {
  auto engine = LocalEngine::from_script(demo_script(11, 1'717'000'000'000, DemoOptions{2, 40}));
  REQUIRE(engine.ok());
  return engine.value().log();
}

}  // namespace

TEST_CASE("a stored event log reloads into the same state, chunk by chunk") {
  const std::vector<Event> events = demo_events();
  REQUIRE(events.size() > kEventsPerChunk / 10);
  LogManifest manifest;
  std::vector<std::string> chunks;
  for (size_t first = 0; first < events.size(); first += 100) {
    const size_t count = std::min<size_t>(100, events.size() - first);
    chunks.push_back(encode_chunk(events, first, count));
    manifest.chunks.push_back({static_cast<uint32_t>(count), fnv1a(chunks.back())});
  }
  Result<LogManifest> read = decode_manifest(encode_manifest(manifest));
  REQUIRE(read.ok());
  REQUIRE(read.value().chunks.size() == chunks.size());
  std::vector<Event> loaded;
  for (size_t i = 0; i < chunks.size(); ++i) {
    Result<std::vector<Event>> chunk = decode_chunk(chunks[i], read.value().chunks[i]);
    REQUIRE_MESSAGE(chunk.ok(), chunk.error().message);
    loaded.insert(loaded.end(), chunk.value().begin(), chunk.value().end());
  }
  const LocalEngine original = LocalEngine::from_events(events);
  const LocalEngine reloaded = LocalEngine::from_events(loaded);
  CHECK(state_to_json(reloaded.state()) == state_to_json(original.state()));
}

TEST_CASE("a damaged chunk is reported, not applied") {
  const std::vector<Event> events = demo_events();
  std::string chunk = encode_chunk(events, 0, 10);
  const ChunkInfo info{10, fnv1a(chunk)};
  chunk[chunk.size() / 2] ^= 0x20;
  CHECK_FALSE(decode_chunk(chunk, info).ok());
  CHECK_FALSE(decode_chunk(encode_chunk(events, 0, 9), ChunkInfo{10, fnv1a(encode_chunk(events, 0, 9))}).ok());
}

TEST_CASE("a manifest from another version or of the wrong shape is refused") {
  CHECK_FALSE(decode_manifest("{\"version\": 2, \"chunks\": []}").ok());
  CHECK_FALSE(decode_manifest("{\"version\": 1}").ok());
  CHECK_FALSE(decode_manifest("{\"version\": 1, \"chunks\": [{\"events\": -1, \"checksum\": 3}]}").ok());
  CHECK_FALSE(decode_manifest("not json").ok());
  CHECK(decode_manifest("{\"version\": 1, \"chunks\": []}").ok());
}

TEST_CASE("chunk keys sort in log order") {
  CHECK(chunk_key(0) == "log/000000");
  CHECK(chunk_key(42) < chunk_key(100));
}

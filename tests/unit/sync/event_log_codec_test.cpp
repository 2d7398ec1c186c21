#include "sync/event_log_codec.h"

#include <doctest/doctest.h>

#include "core/apply.h"
#include "core/binary_codec.h"

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
  const Result<std::vector<Event>> damaged = decode_chunk(chunk, info);
  REQUIRE_FALSE(damaged.ok());
  CHECK(damaged.error().code == ErrorCode::storage_corrupt);
  const Result<std::vector<Event>> short_chunk = decode_chunk(encode_chunk(events, 0, 9), ChunkInfo{10, fnv1a(encode_chunk(events, 0, 9))});
  REQUIRE_FALSE(short_chunk.ok());
  CHECK(short_chunk.error().code == ErrorCode::storage_corrupt);
}

TEST_CASE("a manifest from another version or of the wrong shape is refused") {
  CHECK_FALSE(decode_manifest("{\"version\": 2, \"chunks\": []}").ok());
  CHECK_FALSE(decode_manifest("{\"version\": 1}").ok());
  CHECK_FALSE(decode_manifest("{\"version\": 1, \"chunks\": [{\"events\": -1, \"checksum\": 3}]}").ok());
  const Result<LogManifest> not_json = decode_manifest("not json");
  REQUIRE_FALSE(not_json.ok());
  CHECK(not_json.error().code == ErrorCode::storage_corrupt);  // damaged storage, not a bad request
  CHECK(decode_manifest("{\"version\": 1, \"chunks\": []}").ok());
}

TEST_CASE("chunk keys sort in log order") {
  CHECK(chunk_key(0) == "log/000000");
  CHECK(chunk_key(42) < chunk_key(100));
}

TEST_CASE("a manifest names its snapshot; one that claims more events than the log holds is refused") {
  LogManifest manifest;
  manifest.chunks = {{1000, 7}, {250, 9}};
  manifest.snapshot = SnapshotInfo{1200, 42};
  Result<LogManifest> read = decode_manifest(encode_manifest(manifest));
  REQUIRE(read.ok());
  REQUIRE(read.value().snapshot.has_value());
  CHECK(read.value().snapshot->events == 1200);
  CHECK(read.value().snapshot->checksum == 42);
  CHECK_FALSE(decode_manifest(encode_manifest(LogManifest{})).value().snapshot.has_value());

  manifest.snapshot->events = 1251;
  CHECK(decode_manifest(encode_manifest(manifest)).error().message.find("ahead of its log") != std::string::npos);
  CHECK_FALSE(decode_manifest("{\"version\": 1, \"chunks\": [], \"snapshot\": {\"events\": \"x\"}}").ok());
  CHECK(snapshot_key(560696) == "snapshot/000560696");
}

TEST_CASE("an engine loaded from a snapshot plus the log after it equals one that replayed everything") {
  const std::vector<Event> events = demo_events();
  const LocalEngine full = LocalEngine::from_events(events);
  for (size_t snapshot_at : {size_t{0}, size_t{150}, events.size() / 2, events.size()}) {
    CAPTURE(snapshot_at);
    State partial;
    apply_all(partial, std::vector<Event>(events.begin(), events.begin() + static_cast<std::ptrdiff_t>(snapshot_at)));
    const Result<State> snapshot = state_from_binary(state_to_binary(partial));
    REQUIRE(snapshot.ok());
    // The tail starts at the chunk holding the snapshot's event, as the store loads it.
    const size_t tail_first = snapshot_at - snapshot_at % 100;
    LocalEngine loaded = LocalEngine::from_snapshot(
        snapshot.value(), snapshot_at, tail_first,
        std::vector<Event>(events.begin() + static_cast<std::ptrdiff_t>(tail_first), events.end()));
    CHECK(loaded.state() == full.state());
    CHECK(loaded.log_base() == tail_first);
    CHECK(loaded.log_end() == events.size());
  }
}

TEST_CASE("an engine forgets the events a snapshot covers, and only those") {
  const std::vector<Event> events = demo_events();
  LocalEngine engine = LocalEngine::from_events(events);
  engine.forget_log_before(events.size() + 1);  // ahead of the log: nothing forgotten
  CHECK(engine.log().size() == events.size());
  engine.forget_log_before(100);
  CHECK(engine.log_base() == 100);
  CHECK(engine.log().size() == events.size() - 100);
  CHECK(event_to_text(engine.log().front()) == event_to_text(events[100]));
  engine.forget_log_before(50);  // behind the base: nothing to do
  CHECK(engine.log_base() == 100);
  CHECK(engine.log_end() == events.size());
}

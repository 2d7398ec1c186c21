// How the demo's event log is stored in the browser: chunks of JSON lines (one event each), now and then a
// binary snapshot of the state (core/binary_codec.h), plus a small manifest that names the chunks and the
// snapshot with their sizes and checksums. Chunks are written first and the manifest
// last, so a reader never sees a manifest pointing at data that is not there; a checksum mismatch (a torn
// or foreign write) is reported, never applied.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/events.h"

namespace inbox::sync {

constexpr size_t kEventsPerChunk = 1000;
constexpr int kLogFormatVersion = 1;

struct ChunkInfo {
  uint32_t events = 0;
  uint32_t checksum = 0;  // FNV-1a of the chunk's bytes
};

// The state after the log's first `events` events; loading decodes it and applies only the events after it.
struct SnapshotInfo {
  uint64_t events = 0;
  uint32_t checksum = 0;  // FNV-1a of the snapshot's bytes
};

struct LogManifest {
  int version = kLogFormatVersion;
  std::vector<ChunkInfo> chunks;  // always the whole log: a snapshot that cannot be read falls back to it
  std::optional<SnapshotInfo> snapshot;
};

std::string chunk_key(size_t index);  // "log/000042"
std::string snapshot_key(uint64_t events);  // "snapshot/000560696": a new one never overwrites the one in use
constexpr const char* kManifestKey = "manifest";

uint32_t fnv1a(std::string_view bytes);

// Events [first, first + count) as JSON lines.
std::string encode_chunk(const std::vector<Event>& events, size_t first, size_t count);
Result<std::vector<Event>> decode_chunk(std::string_view text, const ChunkInfo& expected);

std::string encode_manifest(const LogManifest& manifest);
Result<LogManifest> decode_manifest(std::string_view text);

}  // namespace inbox::sync

// How the demo's event log is stored in the browser: chunks of JSON lines (one event each) plus a small
// manifest that names the chunks with their sizes and checksums. Chunks are written first and the manifest
// last, so a reader never sees a manifest pointing at data that is not there; a checksum mismatch (a torn
// or foreign write) is reported, never applied.
#pragma once
#include <cstdint>
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

struct LogManifest {
  int version = kLogFormatVersion;
  std::vector<ChunkInfo> chunks;
};

std::string chunk_key(size_t index);  // "log/000042"
constexpr const char* kManifestKey = "manifest";

uint32_t fnv1a(std::string_view bytes);

// Events [first, first + count) as JSON lines.
std::string encode_chunk(const std::vector<Event>& events, size_t first, size_t count);
Result<std::vector<Event>> decode_chunk(std::string_view text, const ChunkInfo& expected);

std::string encode_manifest(const LogManifest& manifest);
Result<LogManifest> decode_manifest(std::string_view text);

}  // namespace inbox::sync

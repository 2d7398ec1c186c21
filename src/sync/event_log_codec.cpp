#include "sync/event_log_codec.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/json_codec.h"

namespace inbox::sync {
namespace {

Error storage_error(std::string message) { return Error{ErrorCode::storage_corrupt, std::move(message)}; }

}  // namespace

std::string chunk_key(size_t index) {
  char key[32];
  std::snprintf(key, sizeof(key), "log/%06zu", index);
  return key;
}

std::string snapshot_key(uint64_t events) {
  char key[40];
  std::snprintf(key, sizeof(key), "snapshot/%09llu", static_cast<unsigned long long>(events));
  return key;
}

uint32_t fnv1a(std::string_view bytes) {
  uint32_t hash = 2166136261u;
  for (char c : bytes) {
    hash ^= static_cast<uint8_t>(c);
    hash *= 16777619u;
  }
  return hash;
}

std::string encode_chunk(const std::vector<Event>& events, size_t first, size_t count) {
  std::string text;
  for (size_t i = first; i < first + count && i < events.size(); ++i) {
    text += event_to_text(events[i]);
    text += '\n';
  }
  return text;
}

Result<std::vector<Event>> decode_chunk(std::string_view text, const ChunkInfo& expected) {
  if (fnv1a(text) != expected.checksum) return storage_error("A stored chunk of the event log is damaged.");
  std::vector<Event> events;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    Result<Event> event = parse_event(text.substr(start, end - start));
    if (!event.ok()) return storage_error("A stored event is unreadable: " + event.error().message);
    events.push_back(std::move(event).value());
    start = end + 1;
  }
  if (events.size() != expected.events) return storage_error("A stored chunk of the event log is incomplete.");
  return events;
}

std::string encode_manifest(const LogManifest& manifest) {
  Json chunks = Json::array();
  for (const ChunkInfo& chunk : manifest.chunks) chunks.push_back({{"events", chunk.events}, {"checksum", chunk.checksum}});
  Json out{{"version", manifest.version}, {"chunks", chunks}};
  if (manifest.snapshot) out["snapshot"] = {{"events", manifest.snapshot->events}, {"checksum", manifest.snapshot->checksum}};
  return out.dump();
}

Result<LogManifest> decode_manifest(std::string_view text) {
  Result<Json> json = parse_json(text);
  if (!json.ok()) return storage_error("The stored demo's manifest is unreadable: " + json.error().message);
  const Json& j = json.value();
  if (!j.is_object() || !j.contains("version") || !j["version"].is_number_integer() || !j.contains("chunks") ||
      !j["chunks"].is_array()) {
    return storage_error("The stored demo's manifest is not one this version wrote.");
  }
  LogManifest manifest;
  manifest.version = j["version"].get<int>();
  if (manifest.version != kLogFormatVersion) {
    return storage_error("The stored demo was written by another version (" + std::to_string(manifest.version) + ").");
  }
  for (const Json& chunk : j["chunks"]) {
    if (!chunk.is_object() || !chunk.contains("events") || !chunk["events"].is_number_unsigned() ||
        !chunk.contains("checksum") || !chunk["checksum"].is_number_unsigned()) {
      return storage_error("The stored demo's manifest lists a malformed chunk.");
    }
    manifest.chunks.push_back({chunk["events"].get<uint32_t>(), chunk["checksum"].get<uint32_t>()});
  }
  if (j.contains("snapshot")) {
    const Json& snapshot = j["snapshot"];
    if (!snapshot.is_object() || !snapshot.contains("events") || !snapshot["events"].is_number_unsigned() ||
        !snapshot.contains("checksum") || !snapshot["checksum"].is_number_unsigned()) {
      return storage_error("The stored demo's manifest names a malformed snapshot.");
    }
    manifest.snapshot = SnapshotInfo{snapshot["events"].get<uint64_t>(), snapshot["checksum"].get<uint32_t>()};
    uint64_t logged = 0;
    for (const ChunkInfo& chunk : manifest.chunks) logged += chunk.events;
    if (manifest.snapshot->events > logged) return storage_error("The stored demo's snapshot is ahead of its log.");
  }
  return manifest;
}

}  // namespace inbox::sync

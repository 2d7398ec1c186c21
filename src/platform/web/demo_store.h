// Keeps the offline demo's event log in IndexedDB (emscripten_idb_async_*), so the demo survives reloads.
// Format in sync/event_log_codec.h: chunks first, the manifest last, one write sequence at a time. A page
// closed mid-write leaves the previous manifest, which still names only complete chunks.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/errors.h"
#include "core/events.h"
#include "sync/event_log_codec.h"

namespace inbox::web {

class DemoStore {
 public:
  // Each demo size keeps its own database, so a large measurement workspace never replaces the everyday demo.
  explicit DemoStore(std::string database = "agent-inbox-demo") : database_(std::move(database)) {}

  // Loaded events (empty: nothing stored yet) or why the stored demo could not be read.
  using Loaded = std::function<void(Result<std::vector<Event>>)>;

  void load(Loaded done);

  // Stores the events of `log` not stored yet. `log` must outlive the store's writes (the engine's log).
  void save(const std::vector<Event>& log);

  // Forgets the stored demo: the manifest goes first, so a half-finished reset reads as "nothing stored".
  void reset(std::function<void()> done);

  // Everything handed to save() is in IndexedDB.
  bool saved() const { return !writing_ && (log_ == nullptr || stored_events_ == log_->size()); }

  // The last storage failure, for the UI; empty when none.
  const std::string& last_error() const { return last_error_; }

 private:
  static void on_exists(void* self, int exists);
  static void on_chunk_loaded(void* self, void* data, int size);
  static void on_manifest_loaded(void* self, void* data, int size);
  static void on_load_error(void* self);
  static void on_chunk_stored(void* self);
  static void on_manifest_stored(void* self);
  static void on_store_error(void* self);
  static void on_manifest_deleted(void* self);

  void start_reset();
  void load_next_chunk();
  void write_next_chunk();
  void fail_load(Error error);

  std::string database_;
  const std::vector<Event>* log_ = nullptr;
  sync::LogManifest manifest_;
  size_t stored_events_ = 0;
  bool writing_ = false;
  size_t writing_chunk_ = 0;
  size_t writing_until_ = 0;  // events covered once this write sequence completes
  std::vector<sync::ChunkInfo> pending_chunks_;
  std::string buffer_;
  Loaded loaded_;
  std::vector<Event> loading_;
  size_t loading_chunk_ = 0;
  std::function<void()> reset_done_;
  bool reset_pending_ = false;  // asked while a write sequence was in flight: runs when it ends
  std::string last_error_;
};

}  // namespace inbox::web

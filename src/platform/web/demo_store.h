// Keeps the offline demo in IndexedDB (emscripten_idb_async_*), so the demo survives reloads: the event log
// in chunks and, every kSnapshotEveryEvents, a binary snapshot of the state, so a reload decodes the state
// and replays only the events after it. Format in sync/event_log_codec.h: data keys first, the manifest
// last, one write sequence at a time. A page closed mid-write leaves the previous manifest, which still
// names only complete chunks and a complete snapshot. Failures are Error values with the storage codes of
// core/errors.h: one that stops saving is kept in failure() for the UI to show.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.h"
#include "core/events.h"
#include "core/state.h"
#include "sync/event_log_codec.h"
#include "sync/local_engine.h"
#include "sync/local_event_log.h"

namespace inbox::web {

// A snapshot costs one encode of the whole state (tens of ms at 100,000 conversations): often enough that a
// reload replays little, rarely enough that nobody notices.
constexpr size_t kSnapshotEveryEvents = 5000;

class DemoStore {
 public:
  // The stored demo (nullptr: nothing stored yet) or why it could not be read: storage_unavailable (then
  // failure() says so too) or storage_corrupt (a fresh demo can still be saved over it).
  using Loaded = std::function<void(Result<std::unique_ptr<sync::LocalEngine>>)>;

  // Each demo size keeps its own database, so a large measurement workspace never replaces the everyday demo.
  explicit DemoStore(std::string database = "agent-inbox-demo") : database_(std::move(database)) {}

  void load(Loaded done);

  // Stores the log's events not stored yet, then a snapshot when one is due, after which the log forgets the
  // events the snapshot covers. `log` must outlive the store's writes. Does nothing once failure() is set.
  void save(sync::LocalEventLog& log);

  // Forgets the stored demo: the manifest goes first, so a half-finished reset reads as "nothing stored".
  void reset(std::function<void()> done);

  // Everything handed to save() is in IndexedDB.
  bool saved() const { return !writing_ && (log_ == nullptr || stored_events_ == log_->log_end()); }

  // Whether the last load started from a snapshot (false: it replayed the whole log).
  bool loaded_from_snapshot() const { return loaded_from_snapshot_; }

  // Why nothing more can be saved in this browser (storage_unavailable, storage_write_failed), until the page
  // is reloaded; nullopt while saving works.
  const std::optional<Error>& failure() const { return failure_; }

 private:
  static void on_exists(void* self, int exists);
  static void on_manifest_loaded(void* self, void* data, int size);
  static void on_snapshot_loaded(void* self, void* data, int size);
  static void on_snapshot_missing(void* self);
  static void on_chunk_loaded(void* self, void* data, int size);
  static void on_open_error(void* self);
  static void on_read_error(void* self);
  static void on_chunk_stored(void* self);
  static void on_snapshot_stored(void* self);
  static void on_manifest_stored(void* self);
  static void on_store_error(void* self);
  static void on_manifest_deleted(void* self);
  static void on_deleted(void* self);

  void load_log_from(size_t chunk);
  void load_next_chunk();
  void finish_load();
  void fail_load(Error error);
  void write_next_chunk();
  void write_manifest(sync::LogManifest next);
  bool snapshot_due() const;
  void write_snapshot();
  void start_reset();

  std::string database_;
  sync::LocalEventLog* log_ = nullptr;
  sync::LogManifest manifest_;  // what the stored manifest says
  size_t stored_events_ = 0;
  bool writing_ = false;
  size_t writing_chunk_ = 0;
  size_t writing_until_ = 0;  // events covered once this write sequence completes
  std::vector<sync::ChunkInfo> pending_chunks_;
  std::optional<sync::SnapshotInfo> writing_snapshot_;
  std::string buffer_;
  std::string old_snapshot_key_;  // deleted once the manifest no longer names it
  Loaded loaded_;
  std::optional<State> loading_snapshot_;
  std::vector<Event> loading_;
  size_t loading_first_ = 0;  // the event number of loading_[0]
  size_t loading_chunk_ = 0;
  bool loaded_from_snapshot_ = false;
  std::function<void()> reset_done_;
  bool reset_pending_ = false;  // asked while a write sequence was in flight: runs when it ends
  std::optional<Error> failure_;
};

}  // namespace inbox::web

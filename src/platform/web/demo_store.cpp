#include "platform/web/demo_store.h"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <string_view>

#include "core/binary_codec.h"

namespace inbox::web {
namespace {

DemoStore& self_of(void* self) { return *static_cast<DemoStore*>(self); }

std::string_view bytes_of(void* data, int size) {
  return std::string_view(static_cast<const char*>(data), static_cast<size_t>(size));
}

}  // namespace

// --- loading: manifest, then the snapshot if any, then the chunks after it ---------------------------------

void DemoStore::load(Loaded done) {
  loaded_ = std::move(done);
  // The first call opens the database: its failure means there is no storage at all.
  emscripten_idb_async_exists(database_.c_str(), sync::kManifestKey, this, on_exists, on_open_error);
}

void DemoStore::on_exists(void* self, int exists) {
  DemoStore& store = self_of(self);
  if (!exists) {
    store.loaded_(std::unique_ptr<sync::LocalEngine>());
    return;
  }
  emscripten_idb_async_load(store.database_.c_str(), sync::kManifestKey, self, on_manifest_loaded, on_read_error);
}

void DemoStore::on_manifest_loaded(void* self, void* data, int size) {
  DemoStore& store = self_of(self);
  Result<sync::LogManifest> manifest = sync::decode_manifest(bytes_of(data, size));
  if (!manifest.ok()) {
    store.fail_load(manifest.error());
    return;
  }
  store.manifest_ = std::move(manifest).value();
  store.loading_snapshot_.reset();
  store.loaded_from_snapshot_ = false;
  if (!store.manifest_.snapshot) {
    store.load_log_from(0);
    return;
  }
  emscripten_idb_async_load(store.database_.c_str(), sync::snapshot_key(store.manifest_.snapshot->events).c_str(), self,
                            on_snapshot_loaded, on_snapshot_missing);
}

void DemoStore::on_snapshot_loaded(void* self, void* data, int size) {
  DemoStore& store = self_of(self);
  const std::string_view bytes = bytes_of(data, size);
  Result<State> state = sync::fnv1a(bytes) == store.manifest_.snapshot->checksum
                            ? state_from_binary(bytes)
                            : Result<State>(Error{ErrorCode::storage_corrupt, "The stored snapshot is damaged."});
  if (!state.ok()) {  // e.g. written by a build with another state layout: the whole log still works
    store.load_log_from(0);
    return;
  }
  store.loading_snapshot_ = std::move(state).value();
  store.loaded_from_snapshot_ = true;
  store.load_log_from(static_cast<size_t>(store.manifest_.snapshot->events) / sync::kEventsPerChunk);
}

void DemoStore::on_snapshot_missing(void* self) { self_of(self).load_log_from(0); }

void DemoStore::load_log_from(size_t chunk) {
  loading_.clear();
  loading_chunk_ = chunk;
  loading_first_ = chunk * sync::kEventsPerChunk;
  load_next_chunk();
}

void DemoStore::load_next_chunk() {
  if (loading_chunk_ >= manifest_.chunks.size()) {
    finish_load();
    return;
  }
  emscripten_idb_async_load(database_.c_str(), sync::chunk_key(loading_chunk_).c_str(), this, on_chunk_loaded,
                            on_read_error);
}

void DemoStore::on_chunk_loaded(void* self, void* data, int size) {
  DemoStore& store = self_of(self);
  Result<std::vector<Event>> events = sync::decode_chunk(bytes_of(data, size), store.manifest_.chunks[store.loading_chunk_]);
  if (!events.ok()) {
    store.fail_load(events.error());
    return;
  }
  std::move(events.value().begin(), events.value().end(), std::back_inserter(store.loading_));
  ++store.loading_chunk_;
  store.load_next_chunk();
}

void DemoStore::finish_load() {
  stored_events_ = loading_first_ + loading_.size();
  std::unique_ptr<sync::LocalEngine> engine;
  if (loading_snapshot_) {
    engine = std::make_unique<sync::LocalEngine>(sync::LocalEngine::from_snapshot(
        std::move(*loading_snapshot_), static_cast<size_t>(manifest_.snapshot->events), loading_first_, std::move(loading_)));
    loading_snapshot_.reset();
  } else {
    engine = std::make_unique<sync::LocalEngine>(sync::LocalEngine::from_events(std::move(loading_)));
  }
  loading_.clear();
  loaded_(std::move(engine));
}

// emscripten_idb_async's error callbacks carry no reason: which call failed is all the store can tell.
void DemoStore::on_open_error(void* self) {
  DemoStore& store = self_of(self);
  store.failure_ = Error{ErrorCode::storage_unavailable, "This browser's storage (IndexedDB) cannot be opened."};
  store.fail_load(*store.failure_);
}

// The database opened, so a key it cannot give is one the manifest names but nobody stored.
void DemoStore::on_read_error(void* self) {
  self_of(self).fail_load(Error{ErrorCode::storage_corrupt, "The saved demo is incomplete: a part it names is missing."});
}

void DemoStore::fail_load(Error error) {
  manifest_ = {};
  stored_events_ = 0;
  loading_snapshot_.reset();
  loading_.clear();
  loaded_(std::move(error));
}

// --- saving: new chunks, the manifest; then, when due, a snapshot and the manifest naming it ---------------

void DemoStore::save(sync::LocalEventLog& log) {
  log_ = &log;  // a new log after a reset starts from chunk 0: start_reset() cleared what was stored
  if (failure_ || writing_ || stored_events_ >= log.log_end()) return;  // after a failure: no write per frame
  // Rewrite the last, partial chunk together with the new events, then the chunks after it.
  writing_ = true;
  writing_chunk_ = stored_events_ / sync::kEventsPerChunk;
  writing_until_ = log.log_end();
  pending_chunks_.assign(manifest_.chunks.begin(),
                         manifest_.chunks.begin() + static_cast<std::ptrdiff_t>(std::min(writing_chunk_, manifest_.chunks.size())));
  write_next_chunk();
}

void DemoStore::write_next_chunk() {
  const size_t first = writing_chunk_ * sync::kEventsPerChunk;
  if (first >= writing_until_) {
    sync::LogManifest next;
    next.chunks = pending_chunks_;
    next.snapshot = manifest_.snapshot;
    write_manifest(std::move(next));
    return;
  }
  // The log keeps every event from the first chunk not covered by the stored snapshot (forget_log_before).
  const size_t count = std::min(sync::kEventsPerChunk, writing_until_ - first);
  buffer_ = sync::encode_chunk(log_->log(), first - log_->log_base(), count);
  pending_chunks_.push_back({static_cast<uint32_t>(count), sync::fnv1a(buffer_)});
  emscripten_idb_async_store(database_.c_str(), sync::chunk_key(writing_chunk_).c_str(), buffer_.data(),
                             static_cast<int>(buffer_.size()), this, on_chunk_stored, on_store_error);
}

void DemoStore::on_chunk_stored(void* self) {
  DemoStore& store = self_of(self);
  ++store.writing_chunk_;
  store.write_next_chunk();
}

void DemoStore::write_manifest(sync::LogManifest next) {
  buffer_ = sync::encode_manifest(next);
  manifest_ = std::move(next);
  emscripten_idb_async_store(database_.c_str(), sync::kManifestKey, buffer_.data(), static_cast<int>(buffer_.size()), this,
                             on_manifest_stored, on_store_error);
}

bool DemoStore::snapshot_due() const {
  const size_t covered = manifest_.snapshot ? static_cast<size_t>(manifest_.snapshot->events) : 0;
  return log_ != nullptr && stored_events_ == log_->log_end() && stored_events_ >= covered + kSnapshotEveryEvents;
}

// The state now is the state after every stored event: the snapshot is exact for stored_events_.
void DemoStore::write_snapshot() {
  writing_ = true;
  buffer_ = state_to_binary(log_->logged_state());
  writing_snapshot_ = sync::SnapshotInfo{stored_events_, sync::fnv1a(buffer_)};
  emscripten_idb_async_store(database_.c_str(), sync::snapshot_key(stored_events_).c_str(), buffer_.data(),
                             static_cast<int>(buffer_.size()), this, on_snapshot_stored, on_store_error);
}

void DemoStore::on_snapshot_stored(void* self) {
  DemoStore& store = self_of(self);
  if (store.manifest_.snapshot) store.old_snapshot_key_ = sync::snapshot_key(store.manifest_.snapshot->events);
  sync::LogManifest next = store.manifest_;
  next.snapshot = store.writing_snapshot_;
  store.write_manifest(std::move(next));
}

void DemoStore::on_manifest_stored(void* self) {
  DemoStore& store = self_of(self);
  if (store.writing_snapshot_) {  // the manifest now names the new snapshot
    store.writing_snapshot_.reset();
    if (store.log_ != nullptr) {
      store.log_->forget_log_before(static_cast<size_t>(store.manifest_.snapshot->events) / sync::kEventsPerChunk *
                                       sync::kEventsPerChunk);
    }
    if (!store.old_snapshot_key_.empty()) {
      emscripten_idb_async_delete(store.database_.c_str(), store.old_snapshot_key_.c_str(), self, on_deleted, on_deleted);
      store.old_snapshot_key_.clear();
    }
  } else {
    store.stored_events_ = store.writing_until_;
  }
  store.writing_ = false;
  if (store.reset_pending_) {
    store.start_reset();
    return;
  }
  if (store.snapshot_due()) {
    store.write_snapshot();
    return;
  }
  if (store.log_ != nullptr) store.save(*store.log_);  // events that came in while writing
}

void DemoStore::on_deleted(void*) {}

void DemoStore::on_store_error(void* self) {
  DemoStore& store = self_of(self);
  store.writing_ = false;
  store.writing_snapshot_.reset();
  store.failure_ = Error{ErrorCode::storage_write_failed, "This browser refused to store the demo (storage full or blocked)."};
  if (store.reset_pending_) store.start_reset();
}

// --- reset ------------------------------------------------------------------------------------------------

void DemoStore::reset(std::function<void()> done) {
  reset_done_ = std::move(done);
  if (writing_) {
    reset_pending_ = true;  // the write in flight would put its manifest back after the delete
    return;
  }
  start_reset();
}

void DemoStore::start_reset() {
  reset_pending_ = false;
  log_ = nullptr;
  manifest_ = {};
  stored_events_ = 0;
  emscripten_idb_async_delete(database_.c_str(), sync::kManifestKey, this, on_manifest_deleted, on_manifest_deleted);
}

void DemoStore::on_manifest_deleted(void* self) {
  // Chunks and snapshots without a manifest are never read; the next save overwrites chunks from chunk 0.
  DemoStore& store = self_of(self);
  if (store.reset_done_) store.reset_done_();
}

}  // namespace inbox::web

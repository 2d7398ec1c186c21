#include "platform/web/demo_store.h"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <string_view>

namespace inbox::web {
namespace {

DemoStore& self_of(void* self) { return *static_cast<DemoStore*>(self); }

}  // namespace

void DemoStore::load(Loaded done) {
  loaded_ = std::move(done);
  emscripten_idb_async_exists(database_.c_str(), sync::kManifestKey, this, on_exists, on_load_error);
}

void DemoStore::on_exists(void* self, int exists) {
  DemoStore& store = self_of(self);
  if (!exists) {
    store.loaded_(std::vector<Event>());
    return;
  }
  emscripten_idb_async_load(store.database_.c_str(), sync::kManifestKey, self, on_manifest_loaded, on_load_error);
}

void DemoStore::on_manifest_loaded(void* self, void* data, int size) {
  DemoStore& store = self_of(self);
  Result<sync::LogManifest> manifest =
      sync::decode_manifest(std::string_view(static_cast<const char*>(data), static_cast<size_t>(size)));
  if (!manifest.ok()) {
    store.fail_load(manifest.error());
    return;
  }
  store.manifest_ = std::move(manifest).value();
  store.loading_.clear();
  store.loading_chunk_ = 0;
  store.load_next_chunk();
}

void DemoStore::load_next_chunk() {
  if (loading_chunk_ == manifest_.chunks.size()) {
    stored_events_ = loading_.size();
    loaded_(std::move(loading_));
    return;
  }
  emscripten_idb_async_load(database_.c_str(), sync::chunk_key(loading_chunk_).c_str(), this, on_chunk_loaded, on_load_error);
}

void DemoStore::on_chunk_loaded(void* self, void* data, int size) {
  DemoStore& store = self_of(self);
  Result<std::vector<Event>> events = sync::decode_chunk(
      std::string_view(static_cast<const char*>(data), static_cast<size_t>(size)), store.manifest_.chunks[store.loading_chunk_]);
  if (!events.ok()) {
    store.fail_load(events.error());
    return;
  }
  store.loading_.insert(store.loading_.end(), events.value().begin(), events.value().end());
  ++store.loading_chunk_;
  store.load_next_chunk();
}

void DemoStore::on_load_error(void* self) {
  self_of(self).fail_load(Error{ErrorCode::invalid_json, "The browser's storage could not be read."});
}

void DemoStore::fail_load(Error error) {
  manifest_ = {};
  stored_events_ = 0;
  last_error_ = error.message;
  loaded_(std::move(error));
}

void DemoStore::save(const std::vector<Event>& log) {
  if (log_ != &log) {  // a new engine (first save, or after a reset): its log starts the store afresh
    log_ = &log;
  }
  if (writing_ || stored_events_ >= log.size()) return;
  // Rewrite the last, partial chunk together with the new events, then the chunks after it.
  writing_ = true;
  writing_chunk_ = stored_events_ / sync::kEventsPerChunk;
  writing_until_ = log.size();
  pending_chunks_.assign(manifest_.chunks.begin(),
                         manifest_.chunks.begin() + static_cast<std::ptrdiff_t>(std::min(writing_chunk_, manifest_.chunks.size())));
  write_next_chunk();
}

void DemoStore::write_next_chunk() {
  const size_t first = writing_chunk_ * sync::kEventsPerChunk;
  if (first >= writing_until_) {
    sync::LogManifest next;
    next.chunks = pending_chunks_;
    buffer_ = sync::encode_manifest(next);
    manifest_ = std::move(next);
    emscripten_idb_async_store(database_.c_str(), sync::kManifestKey, buffer_.data(), static_cast<int>(buffer_.size()), this,
                               on_manifest_stored, on_store_error);
    return;
  }
  const size_t count = std::min(sync::kEventsPerChunk, writing_until_ - first);
  buffer_ = sync::encode_chunk(*log_, first, count);
  pending_chunks_.push_back({static_cast<uint32_t>(count), sync::fnv1a(buffer_)});
  emscripten_idb_async_store(database_.c_str(), sync::chunk_key(writing_chunk_).c_str(), buffer_.data(),
                             static_cast<int>(buffer_.size()), this, on_chunk_stored, on_store_error);
}

void DemoStore::on_chunk_stored(void* self) {
  DemoStore& store = self_of(self);
  ++store.writing_chunk_;
  store.write_next_chunk();
}

void DemoStore::on_manifest_stored(void* self) {
  DemoStore& store = self_of(self);
  store.stored_events_ = store.writing_until_;
  store.writing_ = false;
  if (store.reset_pending_) {
    store.start_reset();
    return;
  }
  if (store.log_ != nullptr) store.save(*store.log_);  // events that came in while writing
}

void DemoStore::on_store_error(void* self) {
  DemoStore& store = self_of(self);
  store.writing_ = false;
  store.last_error_ = "The demo could not be saved in this browser (storage full or blocked).";
  if (store.reset_pending_) store.start_reset();
}

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
  // Chunks without a manifest are never read, and the next save overwrites them from chunk 0.
  DemoStore& store = self_of(self);
  if (store.reset_done_) store.reset_done_();
}

}  // namespace inbox::web

// A read-only copy of the workspace that follows the committed log: the WhatsApp side needs to know channels,
// conversations and contacts (which channel a business number is, whom a reply goes to) without reaching into
// the hub's thread. Starts from the log's newest snapshot and the events after it; then the hub hands it each
// committed batch (committed(), cheap, any thread) and catch_up() applies them. Whatever it missed (a batch
// before it was wired, an overflow of the pending queue) it reads back from the log.
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/state.h"
#include "server-stub/store/event_log.h"
#include "sync/protocol.h"

namespace inbox::relay::whatsapp {

class StateMirror {
 public:
  static StoreResult<std::unique_ptr<StateMirror>> open(const std::string& db_path);

  // HubConfig::on_committed's events, in commit order. Only queues them.
  void committed(const std::vector<sync::SequencedEvent>& events);
  // Applies what was committed since; reads the log for any gap.
  StoreResult<Stored> catch_up();
  // Up to `max` events after `after_seq` that the mirror has applied (so the state knows everything they
  // name), oldest first.
  StoreResult<std::vector<Event>> applied_after(uint64_t after_seq, size_t max) const;

  // Runs `read` on the state under the mirror's lock.
  template <class F>
  auto read(F&& read) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return read(static_cast<const State&>(state_));
  }
  uint64_t seq() const;

 private:
  StateMirror(std::string db_path, State state, uint64_t seq)
      : db_path_(std::move(db_path)), state_(std::move(state)), seq_(seq) {}
  StoreResult<Stored> read_log();  // mutex_ held
  void apply_one(const Event& event);  // mutex_ held

  const std::string db_path_;
  mutable std::mutex mutex_;  // guards state_, seq_, recent_
  State state_;
  uint64_t seq_ = 0;
  std::deque<Event> recent_;  // the last applied events, seq_ - size + 1 .. seq_ (for applied_after)

  std::mutex pending_mutex_;  // guards pending_, overflowed_
  std::vector<sync::SequencedEvent> pending_;
  bool overflowed_ = false;
};

}  // namespace inbox::relay::whatsapp

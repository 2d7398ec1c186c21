#include "server-stub/whatsapp/state_mirror.h"

#include <algorithm>

#include "core/apply.h"
#include "core/binary_codec.h"
#include "server-stub/store/sqlite_event_log.h"

namespace inbox::relay::whatsapp {

namespace {
constexpr size_t kReadEventsMax = 1000;
constexpr size_t kPendingEventsMax = 100'000;  // past it the queue is dropped and the log read instead
constexpr size_t kRecentEventsMax = 10'000;

// A fresh connection each time: SqliteEventLog reads only up to the head it knew when it opened.
StoreResult<std::unique_ptr<SqliteEventLog>> open_log(const std::string& db_path) { return SqliteEventLog::open(db_path); }
}  // namespace

StoreResult<std::unique_ptr<StateMirror>> StateMirror::open(const std::string& db_path) {
  auto opened = open_log(db_path);
  if (auto* error = std::get_if<StoreError>(&opened)) return *error;
  auto snapshot = std::get<std::unique_ptr<SqliteEventLog>>(opened)->latest_snapshot();
  if (auto* error = std::get_if<StoreError>(&snapshot)) return *error;
  State state;
  uint64_t seq = 0;
  if (const auto& stored = std::get<std::optional<LogSnapshot>>(snapshot)) {
    Result<State> decoded = state_from_binary(stored->state);
    if (!decoded.ok()) return StoreError{"snapshot: " + decoded.error().message};
    state = std::move(decoded).value();
    seq = stored->seq;
  }
  std::unique_ptr<StateMirror> mirror(new StateMirror(db_path, std::move(state), seq));
  {
    std::lock_guard<std::mutex> lock(mirror->mutex_);
    auto read = mirror->read_log();
    if (auto* error = std::get_if<StoreError>(&read)) return *error;
  }
  return mirror;
}

void StateMirror::committed(const std::vector<sync::SequencedEvent>& events) {
  std::lock_guard<std::mutex> lock(pending_mutex_);
  if (overflowed_) return;
  if (pending_.size() + events.size() > kPendingEventsMax) {
    overflowed_ = true;
    pending_.clear();
    return;
  }
  pending_.insert(pending_.end(), events.begin(), events.end());
}

StoreResult<Stored> StateMirror::catch_up() {
  std::vector<sync::SequencedEvent> pending;
  bool overflowed = false;
  {
    std::lock_guard<std::mutex> lock(pending_mutex_);
    pending.swap(pending_);
    overflowed = overflowed_;
    overflowed_ = false;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (overflowed) return read_log();
  for (const sync::SequencedEvent& committed : pending) {
    if (committed.seq <= seq_) continue;
    if (committed.seq != seq_ + 1) {
      auto read = read_log();
      if (std::holds_alternative<StoreError>(read)) return read;
      if (committed.seq <= seq_) continue;
    }
    apply_one(committed.event);
  }
  return Stored{};
}

StoreResult<Stored> StateMirror::read_log() {
  auto opened = open_log(db_path_);
  if (auto* error = std::get_if<StoreError>(&opened)) return *error;
  const auto& log = std::get<std::unique_ptr<SqliteEventLog>>(opened);
  for (;;) {
    auto read = log->read(seq_, kReadEventsMax);
    if (auto* error = std::get_if<StoreError>(&read)) return *error;
    const auto& events = std::get<std::vector<Event>>(read);
    for (const Event& event : events) apply_one(event);
    if (events.size() < kReadEventsMax) return Stored{};
  }
}

void StateMirror::apply_one(const Event& event) {
  apply(state_, event);
  ++seq_;
  recent_.push_back(event);
  if (recent_.size() > kRecentEventsMax) recent_.pop_front();
}

StoreResult<std::vector<Event>> StateMirror::applied_after(uint64_t after_seq, size_t max) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (after_seq >= seq_) return std::vector<Event>();
  const size_t count = static_cast<size_t>(std::min<uint64_t>(max, seq_ - after_seq));
  const uint64_t first_recent = seq_ - recent_.size();  // the seq before recent_.front()
  if (after_seq >= first_recent) {
    const auto begin = recent_.begin() + static_cast<std::ptrdiff_t>(after_seq - first_recent);
    return std::vector<Event>(begin, begin + static_cast<std::ptrdiff_t>(count));
  }
  auto opened = open_log(db_path_);
  if (auto* error = std::get_if<StoreError>(&opened)) return *error;
  return std::get<std::unique_ptr<SqliteEventLog>>(opened)->read(after_seq, count);
}

uint64_t StateMirror::seq() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return seq_;
}

}  // namespace inbox::relay::whatsapp

// The EventLog on SQLite: events as their JSON text (core/json_codec.h), outcomes keyed by (user, client_id),
// and the two newest snapshots, in the relay's database file (relay_db.h). The log has its own connection and
// keeps its statements prepared, so a group commit is one transaction of reused inserts and one fsync.
// One SqliteEventLog writes a file: head() is kept in memory, and a second writer's appends would fail on the
// seq key rather than interleave. Use from one thread at a time.
#pragma once
#include <memory>
#include <string>
#include <utility>

#include "server-stub/store/event_log.h"
#include "server-stub/store/sqlite_db.h"

namespace inbox::relay {

class SqliteEventLog final : public EventLog {
 public:
  static StoreResult<std::unique_ptr<SqliteEventLog>> open(const std::string& path);

  uint64_t head() const override { return head_; }
  StoreResult<Stored> append(const LogBatch& batch) override;
  StoreResult<std::vector<Event>> read(uint64_t after_seq, size_t max) const override;
  StoreResult<std::optional<CommandOutcome>> find_outcome(UserId user, std::string_view client_id) const override;
  // A snapshot after head() is refused; a second one at the same seq replaces the first.
  StoreResult<Stored> write_snapshot(const LogSnapshot& snapshot) override;
  StoreResult<std::optional<LogSnapshot>> latest_snapshot() const override;

 private:
  struct Statements {
    Statement insert_event;
    Statement insert_outcome;
    Statement read_events;
    Statement find_outcome;
    Statement put_snapshot;
    Statement prune_snapshots;
    Statement latest_snapshot;
  };
  SqliteEventLog(SqliteDb db, Statements statements, uint64_t head)
      : db_(std::move(db)), statements_(std::move(statements)), head_(head) {}

  StoreResult<Stored> insert(const LogBatch& batch);

  SqliteDb db_;  // declared first, destroyed last: the statements are finalized before the connection closes
  mutable Statements statements_;  // reads step statements too
  uint64_t head_ = 0;
};

}  // namespace inbox::relay

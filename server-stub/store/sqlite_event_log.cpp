#include "server-stub/store/sqlite_event_log.h"

#include <algorithm>
#include <limits>

#include "core/json_codec.h"
#include "server-stub/store/relay_db.h"

namespace inbox::relay {

namespace {

constexpr int64_t kSnapshotsKept = 2;

// Seqs and sizes are uint64/size_t in the interface and int64 in SQLite; the log never gets near 2^63.
int64_t to_sql(uint64_t value) {
  return static_cast<int64_t>(std::min<uint64_t>(value, std::numeric_limits<int64_t>::max()));
}

StoreResult<uint64_t> read_head(SqliteDb& db) {
  auto prepared = db.prepare("SELECT MAX(seq) FROM events");
  if (auto* error = std::get_if<StoreError>(&prepared)) return *error;
  Statement& max_seq = std::get<Statement>(prepared);
  auto row = max_seq.step();
  if (auto* error = std::get_if<StoreError>(&row)) return *error;
  if (!std::get<bool>(row) || max_seq.column_is_null(0)) return uint64_t{0};
  return static_cast<uint64_t>(max_seq.column_int(0));
}

}  // namespace

StoreResult<std::unique_ptr<SqliteEventLog>> SqliteEventLog::open(const std::string& path) {
  auto opened = open_relay_db(path);
  if (auto* error = std::get_if<StoreError>(&opened)) return *error;
  SqliteDb& db = std::get<SqliteDb>(opened);
  Statements s;
  auto prepared = prepare_all(
      db, {
              {&s.insert_event, "INSERT INTO events (seq, at_ms, json) VALUES (?1, ?2, ?3)"},
              {&s.insert_outcome,
               "INSERT INTO outcomes (user, client_id, accepted, seq, error_code, error_message) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
              {&s.read_events, "SELECT seq, json FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2"},
              {&s.find_outcome,
               "SELECT accepted, seq, error_code, error_message FROM outcomes WHERE user = ?1 AND client_id = ?2"},
              {&s.put_snapshot, "INSERT OR REPLACE INTO snapshots (seq, state) VALUES (?1, ?2)"},
              {&s.prune_snapshots,
               "DELETE FROM snapshots WHERE seq NOT IN (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT ?1)"},
              {&s.latest_snapshot, "SELECT seq, state FROM snapshots ORDER BY seq DESC LIMIT 1"},
          });
  if (auto* error = std::get_if<StoreError>(&prepared)) return StoreError{path + ": " + error->message};
  auto head = read_head(db);
  if (auto* error = std::get_if<StoreError>(&head)) return StoreError{path + ": " + error->message};
  return std::unique_ptr<SqliteEventLog>(new SqliteEventLog(std::move(db), std::move(s), std::get<uint64_t>(head)));
}

StoreResult<Stored> SqliteEventLog::append(const LogBatch& batch) {
  if (batch.events.empty() && batch.outcomes.empty()) return Stored{};
  auto begun = Transaction::begin(db_);
  if (auto* error = std::get_if<StoreError>(&begun)) return *error;
  auto inserted = insert(batch);
  if (auto* error = std::get_if<StoreError>(&inserted)) return *error;  // the transaction rolls back
  auto committed = std::get<Transaction>(begun).commit();
  if (auto* error = std::get_if<StoreError>(&committed)) return *error;
  head_ += batch.events.size();
  return Stored{};
}

StoreResult<Stored> SqliteEventLog::insert(const LogBatch& batch) {
  Statement& event_insert = statements_.insert_event;
  uint64_t seq = head_;
  for (const Event& event : batch.events) {
    ++seq;
    auto use = event_insert.use();
    event_insert.bind_int(1, to_sql(seq));
    event_insert.bind_int(2, event.at_ms);
    event_insert.bind_text(3, event_to_text(event));
    auto run = event_insert.run();
    if (auto* error = std::get_if<StoreError>(&run)) {
      return StoreError{"event " + std::to_string(seq) + ": " + error->message};
    }
  }
  Statement& outcome_insert = statements_.insert_outcome;
  for (const CommandOutcome& outcome : batch.outcomes) {
    auto use = outcome_insert.use();
    outcome_insert.bind_int(1, outcome.user.value);
    outcome_insert.bind_text(2, outcome.client_id);
    outcome_insert.bind_int(3, outcome.accepted ? 1 : 0);
    outcome_insert.bind_int(4, to_sql(outcome.seq));
    if (outcome.accepted) {
      outcome_insert.bind_null(5);
      outcome_insert.bind_null(6);
    } else {
      outcome_insert.bind_text(5, enum_name(outcome.error_code));
      outcome_insert.bind_text(6, outcome.error_message);
    }
    auto run = outcome_insert.run();
    if (auto* error = std::get_if<StoreError>(&run)) {
      return StoreError{"outcome of user " + std::to_string(outcome.user.value) + " command \"" + outcome.client_id +
                        "\": " + error->message};
    }
  }
  return Stored{};
}

StoreResult<std::vector<Event>> SqliteEventLog::read(uint64_t after_seq, size_t max) const {
  std::vector<Event> events;
  if (max == 0 || after_seq >= head_) return events;
  Statement& select = statements_.read_events;
  auto use = select.use();
  select.bind_int(1, to_sql(after_seq));
  select.bind_int(2, to_sql(max));
  for (;;) {
    auto row = select.step();
    if (auto* error = std::get_if<StoreError>(&row)) return *error;
    if (!std::get<bool>(row)) break;
    // Events carry no seq: the caller numbers them by position, so a hole in the table must not close up.
    const uint64_t expected = after_seq + 1 + events.size();
    const auto seq = static_cast<uint64_t>(select.column_int(0));
    if (seq != expected) return StoreError{"event " + std::to_string(expected) + " is missing from the log"};
    Result<Event> event = parse_event(select.column_text(1));
    if (!event.ok()) {
      return StoreError{"event " + std::to_string(seq) + " does not decode: " + event.error().message};
    }
    events.push_back(std::move(event).value());
  }
  return events;
}

StoreResult<std::optional<CommandOutcome>> SqliteEventLog::find_outcome(UserId user,
                                                                         std::string_view client_id) const {
  Statement& select = statements_.find_outcome;
  auto use = select.use();
  select.bind_int(1, user.value);
  select.bind_text(2, client_id);
  auto row = select.step();
  if (auto* error = std::get_if<StoreError>(&row)) return *error;
  if (!std::get<bool>(row)) return std::optional<CommandOutcome>();
  CommandOutcome outcome;
  outcome.user = user;
  outcome.client_id = std::string(client_id);
  outcome.accepted = select.column_int(0) != 0;
  outcome.seq = static_cast<uint64_t>(select.column_int(1));
  if (!outcome.accepted) {
    const std::string code = select.column_text(2);
    if (!enum_from_name(code, outcome.error_code)) {
      return StoreError{"outcome of user " + std::to_string(user.value) + " command \"" + outcome.client_id +
                        "\" has an unknown error code \"" + code + "\""};
    }
    outcome.error_message = select.column_text(3);
  }
  return std::optional<CommandOutcome>(std::move(outcome));
}

StoreResult<Stored> SqliteEventLog::write_snapshot(const LogSnapshot& snapshot) {
  if (snapshot.seq > head_) {
    return StoreError{"snapshot at " + std::to_string(snapshot.seq) + " is past the log's head " +
                      std::to_string(head_)};
  }
  auto begun = Transaction::begin(db_);
  if (auto* error = std::get_if<StoreError>(&begun)) return *error;
  {
    auto use = statements_.put_snapshot.use();
    statements_.put_snapshot.bind_int(1, to_sql(snapshot.seq));
    statements_.put_snapshot.bind_blob(2, snapshot.state);
    auto put = statements_.put_snapshot.run();
    if (auto* error = std::get_if<StoreError>(&put)) return *error;
  }
  {
    auto use = statements_.prune_snapshots.use();
    statements_.prune_snapshots.bind_int(1, kSnapshotsKept);
    auto pruned = statements_.prune_snapshots.run();
    if (auto* error = std::get_if<StoreError>(&pruned)) return *error;
  }
  return std::get<Transaction>(begun).commit();
}

StoreResult<std::optional<LogSnapshot>> SqliteEventLog::latest_snapshot() const {
  Statement& select = statements_.latest_snapshot;
  auto use = select.use();
  auto row = select.step();
  if (auto* error = std::get_if<StoreError>(&row)) return *error;
  if (!std::get<bool>(row)) return std::optional<LogSnapshot>();
  return std::optional<LogSnapshot>(
      LogSnapshot{static_cast<uint64_t>(select.column_int(0)), select.column_blob(1)});
}

}  // namespace inbox::relay

#include "server-stub/store/sqlite_db.h"

#include <sqlite3.h>

#include <utility>

namespace inbox::relay {

void SqliteDb::Close::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

StoreResult<SqliteDb> SqliteDb::open(const std::string& path) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  SqliteDb db(raw);  // owns the handle even when opening failed: SQLite allocates one for the message
  if (rc != SQLITE_OK) {
    return raw ? db.error("open " + path) : StoreError{"open " + path + ": out of memory"};
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);

  // The first statement reads the file header, so this is where "file is not a database" shows.
  auto mode = db.prepare("PRAGMA journal_mode=WAL");
  if (auto* error = std::get_if<StoreError>(&mode)) return StoreError{path + ": " + error->message};
  Statement& journal = std::get<Statement>(mode);
  auto row = journal.step();
  if (auto* error = std::get_if<StoreError>(&row)) return StoreError{path + ": " + error->message};
  // Other connections share the file through WAL; a file system that cannot do WAL answers another mode.
  if (!std::get<bool>(row) || journal.column_text(0) != "wal") {
    return StoreError{path + ": cannot use write-ahead logging (journal_mode stays " + journal.column_text(0) + ")"};
  }
  journal.reset();
  auto pragmas = db.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
  if (auto* error = std::get_if<StoreError>(&pragmas)) return StoreError{path + ": " + error->message};
  return db;
}

StoreResult<Stored> SqliteDb::exec(const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Stored{};
  StoreError error{std::string(sql).substr(0, 60) + ": " + (message ? message : sqlite3_errstr(rc))};
  sqlite3_free(message);
  return error;
}

StoreResult<Statement> SqliteDb::prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                    &raw, nullptr);
  Statement statement(raw);
  if (rc != SQLITE_OK) return error("prepare " + std::string(sql.substr(0, 60)));
  return statement;
}

StoreResult<int64_t> SqliteDb::user_version() {
  auto prepared = prepare("PRAGMA user_version");
  if (auto* error = std::get_if<StoreError>(&prepared)) return *error;
  Statement& statement = std::get<Statement>(prepared);
  auto row = statement.step();
  if (auto* error = std::get_if<StoreError>(&row)) return *error;
  if (!std::get<bool>(row)) return StoreError{"PRAGMA user_version returned no row"};
  return statement.column_int(0);
}

StoreError SqliteDb::error(std::string_view what) const {
  return StoreError{std::string(what) + ": " + sqlite3_errmsg(db_.get())};
}

void Statement::Finalize::operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }

void Statement::note_bind(int rc) {
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

void Statement::bind_int(int index, int64_t value) {
  note_bind(sqlite3_bind_int64(statement_.get(), index, value));
}

void Statement::bind_text(int index, std::string_view text) {
  note_bind(sqlite3_bind_text64(statement_.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Statement::bind_blob(int index, std::string_view bytes) {
  note_bind(sqlite3_bind_blob64(statement_.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
}

void Statement::bind_null(int index) { note_bind(sqlite3_bind_null(statement_.get(), index)); }

StoreResult<bool> Statement::step() {
  sqlite3* db = sqlite3_db_handle(statement_.get());
  if (bind_rc_ != SQLITE_OK) {
    return StoreError{std::string("bind for ") + sqlite3_sql(statement_.get()) + ": " + sqlite3_errstr(bind_rc_)};
  }
  const int rc = sqlite3_step(statement_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return StoreError{std::string(sqlite3_sql(statement_.get())).substr(0, 60) + ": " + sqlite3_errmsg(db)};
}

StoreResult<Stored> Statement::run() {
  auto row = step();
  if (auto* error = std::get_if<StoreError>(&row)) return *error;
  return Stored{};
}

int64_t Statement::changes() const { return sqlite3_changes64(sqlite3_db_handle(statement_.get())); }

bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

int64_t Statement::column_int(int column) const { return sqlite3_column_int64(statement_.get(), column); }

std::string Statement::column_text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_.get(), column);
  const int bytes = sqlite3_column_bytes(statement_.get(), column);  // after _text: the UTF-8 length
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(bytes)) : std::string();
}

std::string Statement::column_blob(int column) const {
  const void* blob = sqlite3_column_blob(statement_.get(), column);
  const int bytes = sqlite3_column_bytes(statement_.get(), column);
  return blob ? std::string(static_cast<const char*>(blob), static_cast<size_t>(bytes)) : std::string();
}

void Statement::reset() {
  sqlite3_reset(statement_.get());
  sqlite3_clear_bindings(statement_.get());
  bind_rc_ = SQLITE_OK;
}

StoreResult<Transaction> Transaction::begin(SqliteDb& db) {
  auto begun = db.exec("BEGIN IMMEDIATE");
  if (auto* error = std::get_if<StoreError>(&begun)) return *error;
  return Transaction(db);
}

StoreResult<Stored> Transaction::commit() {
  auto committed = db_->exec("COMMIT");
  // A failed COMMIT (SQLITE_BUSY, disk full) may leave the transaction open: the destructor rolls it back.
  if (std::holds_alternative<Stored>(committed)) db_ = nullptr;
  return committed;
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  // SQLite rolls some failures back by itself (an I/O error, a full disk): only an open transaction is ended.
  if (db_ && !sqlite3_get_autocommit(db_->handle())) db_->exec("ROLLBACK");
}

StoreResult<Stored> prepare_all(SqliteDb& db, std::initializer_list<StatementSql> statements) {
  for (const StatementSql& each : statements) {
    auto prepared = db.prepare(each.sql);
    if (auto* error = std::get_if<StoreError>(&prepared)) return *error;
    *each.statement = std::move(std::get<Statement>(prepared));
  }
  return Stored{};
}

StoreResult<Stored> migrate(SqliteDb& db, const std::vector<const char*>& steps) {
  auto begun = Transaction::begin(db);
  if (auto* error = std::get_if<StoreError>(&begun)) return *error;
  // Read under the write lock: two relays opening a new file at once migrate it once.
  auto version = db.user_version();
  if (auto* error = std::get_if<StoreError>(&version)) return *error;
  const int64_t current = std::get<int64_t>(version);
  const auto known = static_cast<int64_t>(steps.size());
  if (current > known) {
    return StoreError{"schema version " + std::to_string(current) + " is newer than this relay's (" +
                      std::to_string(known) + ")"};
  }
  if (current == known) return Stored{};  // the transaction wrote nothing; rolling it back is free
  for (int64_t step = current; step < known; ++step) {
    auto applied = db.exec(steps[static_cast<size_t>(step)]);
    if (auto* error = std::get_if<StoreError>(&applied)) {
      return StoreError{"migration to version " + std::to_string(step + 1) + ": " + error->message};
    }
  }
  auto stamped = db.exec(("PRAGMA user_version=" + std::to_string(known)).c_str());
  if (auto* error = std::get_if<StoreError>(&stamped)) return *error;
  return std::get<Transaction>(begun).commit();
}

}  // namespace inbox::relay

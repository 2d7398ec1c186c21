// A thin RAII layer over the SQLite C API: a connection, cached prepared statements, a write transaction and
// schema migrations. Every failure comes back as a StoreError carrying sqlite3_errmsg's text; nothing throws.
// A connection and its statements are used by one thread at a time (opened SQLITE_OPEN_NOMUTEX).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "server-stub/store/event_log.h"

struct sqlite3;
struct sqlite3_stmt;

namespace inbox::relay {

// How long a write waits for another connection's write transaction before it fails as "database is locked".
constexpr int kBusyTimeoutMs = 5000;

class Statement;

class SqliteDb {
 public:
  // Opens (creating if missing) with WAL, synchronous=FULL, foreign keys on and the busy timeout. A file that is
  // not a database fails here, not at the first query.
  static StoreResult<SqliteDb> open(const std::string& path);

  StoreResult<Stored> exec(const char* sql);  // one or more statements, no results
  StoreResult<Statement> prepare(std::string_view sql);
  StoreResult<int64_t> user_version();

  // "what: <sqlite3_errmsg>".
  StoreError error(std::string_view what) const;
  sqlite3* handle() const { return db_.get(); }

 private:
  struct Close {
    void operator()(sqlite3* db) const;
  };
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  std::unique_ptr<sqlite3, Close> db_;
};

// A prepared statement, kept and reused. Bind failures are remembered and reported by the next step(), so a run
// of binds needs no check each. Columns and bind indexes are as in SQLite: bind from 1, columns from 0.
class Statement {
 public:
  // Resets the statement and clears its bindings when a use ends, so a cached statement never keeps a read
  // transaction open (which would stop WAL checkpoints) nor a stale value for the next use.
  class Use {
   public:
    explicit Use(Statement& statement) : statement_(statement) {}
    ~Use() { statement_.reset(); }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

   private:
    Statement& statement_;
  };
  [[nodiscard]] Use use() { return Use(*this); }

  Statement() = default;  // empty until prepared (prepare_all fills a struct of them)

  void bind_int(int index, int64_t value);
  void bind_text(int index, std::string_view text);
  void bind_blob(int index, std::string_view bytes);
  void bind_null(int index);

  // true: a row is ready for the column getters; false: the statement is done.
  StoreResult<bool> step();
  // Steps a statement that returns no rows (an insert, update or delete).
  StoreResult<Stored> run();
  // Rows changed by the last run() of this statement's connection.
  int64_t changes() const;

  bool column_is_null(int column) const;
  int64_t column_int(int column) const;
  std::string column_text(int column) const;
  std::string column_blob(int column) const;

  void reset();

 private:
  friend class SqliteDb;
  struct Finalize {
    void operator()(sqlite3_stmt* statement) const;
  };
  explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
  void note_bind(int rc);

  std::unique_ptr<sqlite3_stmt, Finalize> statement_;
  int bind_rc_ = 0;  // SQLITE_OK, or the first failed bind's code since the last reset
};

// BEGIN IMMEDIATE: takes the write lock up front, so a transaction never fails halfway for lack of it.
// Rolls back on scope exit unless commit() succeeded.
class Transaction {
 public:
  static StoreResult<Transaction> begin(SqliteDb& db);
  StoreResult<Stored> commit();

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

 private:
  explicit Transaction(SqliteDb& db) : db_(&db) {}
  SqliteDb* db_;  // null once committed or moved from
};

// Prepares each sql into its statement, stopping at the first failure.
struct StatementSql {
  Statement* statement;
  const char* sql;
};
StoreResult<Stored> prepare_all(SqliteDb& db, std::initializer_list<StatementSql> statements);

// steps[i] takes the schema from version i to i + 1 (PRAGMA user_version). Pending steps run in one
// transaction, so a crash mid-migration leaves the old schema; a file from a newer relay is refused.
StoreResult<Stored> migrate(SqliteDb& db, const std::vector<const char*>& steps);

}  // namespace inbox::relay

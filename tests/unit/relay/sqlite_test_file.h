// A database path under the temp directory, unique per test, removed with its WAL files when the test ends;
// and value_of(), which fails the test with the store's message instead of reading a StoreError as a value.
#pragma once
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <string>
#include <variant>

#include "server-stub/store/event_log.h"

namespace inbox::relay::test {

class TestDbFile {
 public:
  TestDbFile() {
    static std::atomic<unsigned> counter{0};
    const std::string name = "inbox-sqlite-test-" + std::to_string(std::random_device()()) + "-" +
                             std::to_string(counter.fetch_add(1)) + ".db";
    path_ = (std::filesystem::temp_directory_path() / name).string();
  }
  ~TestDbFile() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path_ + suffix, ignored);
  }
  TestDbFile(const TestDbFile&) = delete;
  TestDbFile& operator=(const TestDbFile&) = delete;

  const std::string& path() const { return path_; }

  // Runs sql through a raw connection of its own: how the tests damage a file behind a store's back.
  void raw_exec(const std::string& sql) const {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path_.c_str(), &db) == SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    const std::string text = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    REQUIRE_MESSAGE(rc == SQLITE_OK, sql << ": " << text);
  }

  // The first column of the first row of a query, as an integer.
  int64_t raw_int(const std::string& sql) const {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path_.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    int64_t value = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      value = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }

 private:
  std::string path_;
};

template <class T>
T value_of(StoreResult<T> result) {
  const StoreError* error = std::get_if<StoreError>(&result);
  REQUIRE_MESSAGE(error == nullptr, (error ? error->message : std::string()));
  return std::get<T>(std::move(result));
}

template <class T>
std::string error_of(const StoreResult<T>& result) {
  const StoreError* error = std::get_if<StoreError>(&result);
  REQUIRE_MESSAGE(error != nullptr, "expected a StoreError, the store reported success");
  return error->message;
}

}  // namespace inbox::relay::test

#include "server-stub/store/sqlite_account_store.h"

#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <string>

#include "server-stub/store/sqlite_event_log.h"
#include "sqlite_test_file.h"

using namespace inbox;
using namespace inbox::relay;
using inbox::relay::test::error_of;
using inbox::relay::test::TestDbFile;
using inbox::relay::test::value_of;

namespace {

constexpr int64_t kT0 = 1717000000000;
constexpr int64_t kDayMs = 24 * 3600 * 1000;

Account account(uint32_t user, std::string login, std::string hash) {
  return Account{UserId(user), std::move(login), "$argon2id$v=19$m=65536,t=2,p=1$" + std::move(hash), kT0 + user};
}

SessionToken token(std::string hash, uint32_t user, int64_t expires_ms) {
  return SessionToken{std::move(hash), UserId(user), kT0, expires_ms, false};
}

std::unique_ptr<SqliteAccountStore> open_store(const TestDbFile& file) {
  return value_of(SqliteAccountStore::open(file.path()));
}

void check_same(const Account& a, const Account& b) {
  CHECK(a.user == b.user);
  CHECK(a.login == b.login);
  CHECK(a.password_hash == b.password_hash);
  CHECK(a.created_ms == b.created_ms);
}

}  // namespace

TEST_CASE("sqlite account store: accounts are found by login and by user") {
  TestDbFile file;
  auto store = open_store(file);
  CHECK(value_of(store->account_count()) == 0);
  const Account ana = account(1, "ana@example.com", "aaa");
  const Account bruno = account(2, "bruno@example.com", "bbb");
  value_of(store->put_account(ana));
  value_of(store->put_account(bruno));
  CHECK(value_of(store->account_count()) == 2);

  const auto by_login = value_of(store->find_account("bruno@example.com"));
  REQUIRE(by_login.has_value());
  check_same(*by_login, bruno);
  const auto by_user = value_of(store->find_account(UserId(1)));
  REQUIRE(by_user.has_value());
  check_same(*by_user, ana);

  CHECK_FALSE(value_of(store->find_account("carla@example.com")).has_value());
  CHECK_FALSE(value_of(store->find_account(UserId(3))).has_value());
}

TEST_CASE("sqlite account store: a login taken by another user is a StoreError and changes nothing") {
  TestDbFile file;
  auto store = open_store(file);
  value_of(store->put_account(account(1, "ana@example.com", "aaa")));
  const std::string error = error_of(store->put_account(account(2, "ana@example.com", "bbb")));
  CHECK(error.find("ana@example.com") != std::string::npos);
  CHECK(value_of(store->account_count()) == 1);
  CHECK(value_of(store->find_account("ana@example.com"))->user == UserId(1));
  CHECK_FALSE(value_of(store->find_account(UserId(2))).has_value());
}

TEST_CASE("sqlite account store: putting the same user again replaces the password (and may change login)") {
  TestDbFile file;
  auto store = open_store(file);
  value_of(store->put_account(account(1, "ana@example.com", "old")));
  value_of(store->put_account(account(1, "ana@example.com", "new")));
  CHECK(value_of(store->account_count()) == 1);
  CHECK(value_of(store->find_account(UserId(1)))->password_hash == account(1, "", "new").password_hash);

  value_of(store->put_account(account(1, "ana.silva@example.com", "new")));
  CHECK_FALSE(value_of(store->find_account("ana@example.com")).has_value());
  CHECK(value_of(store->find_account("ana.silva@example.com"))->user == UserId(1));
}

TEST_CASE("sqlite account store: tokens are stored, found, revoked one by one and per user") {
  TestDbFile file;
  auto store = open_store(file);
  value_of(store->put_account(account(1, "ana@example.com", "a")));
  value_of(store->put_account(account(2, "bruno@example.com", "b")));
  value_of(store->put_token(token("h1", 1, kT0 + kDayMs)));
  value_of(store->put_token(token("h2", 1, kT0 + kDayMs)));
  value_of(store->put_token(token("h3", 2, kT0 + kDayMs)));

  const auto found = value_of(store->find_token("h1"));
  REQUIRE(found.has_value());
  CHECK(found->token_hash == "h1");
  CHECK(found->user == UserId(1));
  CHECK(found->created_ms == kT0);
  CHECK(found->expires_ms == kT0 + kDayMs);
  CHECK_FALSE(found->revoked);
  CHECK_FALSE(value_of(store->find_token("nope")).has_value());

  value_of(store->revoke_token("h3"));
  CHECK(value_of(store->find_token("h3"))->revoked);
  CHECK_FALSE(value_of(store->find_token("h1"))->revoked);
  value_of(store->revoke_token("unknown"));  // no error

  value_of(store->revoke_user_tokens(UserId(1)));
  CHECK(value_of(store->find_token("h1"))->revoked);
  CHECK(value_of(store->find_token("h2"))->revoked);
}

TEST_CASE("sqlite account store: a token hash stored twice, or for a user without an account, is refused") {
  TestDbFile file;
  auto store = open_store(file);
  value_of(store->put_account(account(1, "ana@example.com", "a")));
  value_of(store->put_token(token("h1", 1, kT0 + kDayMs)));
  value_of(store->revoke_token("h1"));
  error_of(store->put_token(token("h1", 1, kT0 + 2 * kDayMs)));
  CHECK(value_of(store->find_token("h1"))->revoked);  // not un-revoked by the second put
  error_of(store->put_token(token("h9", 9, kT0 + kDayMs)));
  CHECK_FALSE(value_of(store->find_token("h9")).has_value());
}

TEST_CASE("sqlite account store: expired tokens are deleted, revoked or not; live ones stay") {
  TestDbFile file;
  auto store = open_store(file);
  value_of(store->put_account(account(1, "ana@example.com", "a")));
  value_of(store->put_token(token("expired", 1, kT0 + 10)));
  value_of(store->put_token(token("expired-revoked", 1, kT0 + 20)));
  value_of(store->revoke_token("expired-revoked"));
  value_of(store->put_token(token("expires-now", 1, kT0 + 30)));
  value_of(store->put_token(token("live", 1, kT0 + kDayMs)));

  CHECK(value_of(store->delete_expired_tokens(kT0 + 30)) == 2);
  CHECK_FALSE(value_of(store->find_token("expired")).has_value());
  CHECK_FALSE(value_of(store->find_token("expired-revoked")).has_value());
  CHECK(value_of(store->find_token("expires-now")).has_value());
  CHECK(value_of(store->find_token("live")).has_value());
  CHECK(value_of(store->delete_expired_tokens(kT0 + 30)) == 0);
}

TEST_CASE("sqlite account store: accounts and tokens survive a reopen") {
  TestDbFile file;
  {
    auto store = open_store(file);
    value_of(store->put_account(account(1, "ana@example.com", "a")));
    value_of(store->put_token(token("h1", 1, kT0 + kDayMs)));
    value_of(store->put_token(token("h2", 1, kT0 + kDayMs)));
    value_of(store->revoke_token("h2"));
  }
  auto store = open_store(file);
  CHECK(value_of(store->account_count()) == 1);
  check_same(value_of(store->find_account("ana@example.com")).value(), account(1, "ana@example.com", "a"));
  CHECK_FALSE(value_of(store->find_token("h1"))->revoked);
  CHECK(value_of(store->find_token("h2"))->revoked);
}

TEST_CASE("sqlite account store: shares one database file with the event log") {
  TestDbFile file;
  {
    auto log = value_of(SqliteEventLog::open(file.path()));
    auto store = open_store(file);  // a second connection to the file, both open at once
    value_of(store->put_account(account(1, "ana@example.com", "a")));
    value_of(log->append(LogBatch{{Event{UserId(1), kT0, UserStatusChanged{UserId(1), UserStatus::unavailable}}}, {}}));
    value_of(store->put_token(token("h1", 1, kT0 + kDayMs)));
    CHECK(log->head() == 1);
  }
  auto store = open_store(file);
  auto log = value_of(SqliteEventLog::open(file.path()));
  CHECK(log->head() == 1);
  CHECK(value_of(store->find_token("h1")).has_value());
  CHECK(file.raw_int("PRAGMA user_version") == 2);
}

TEST_CASE("sqlite account store: a file that is not a database is a StoreError at open") {
  TestDbFile file;
  {
    std::ofstream out(file.path(), std::ios::binary);
    for (int i = 0; i < 200; ++i) out << "garbage garbage garbage garbage\n";
  }
  CHECK(error_of(SqliteAccountStore::open(file.path())).find("not a database") != std::string::npos);
}

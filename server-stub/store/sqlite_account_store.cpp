#include "server-stub/store/sqlite_account_store.h"

#include <sqlite3.h>

#include "server-stub/store/relay_db.h"

namespace inbox::relay {

namespace {

constexpr const char* kAccountColumns = "user, login, password_hash, created_ms";

// Runs a statement whose parameters are bound; its use ends (and it resets) when the caller's scope does.
StoreResult<Stored> run_checked(Statement& statement, std::string_view what) {
  auto run = statement.run();
  if (auto* error = std::get_if<StoreError>(&run)) return StoreError{std::string(what) + ": " + error->message};
  return Stored{};
}

}  // namespace

StoreResult<std::unique_ptr<SqliteAccountStore>> SqliteAccountStore::open(const std::string& path) {
  auto opened = open_relay_db(path);
  if (auto* error = std::get_if<StoreError>(&opened)) return *error;
  SqliteDb& db = std::get<SqliteDb>(opened);
  const std::string by_login = std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE login = ?1";
  const std::string by_user = std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE user = ?1";
  Statements s;
  auto prepared = prepare_all(
      db, {
              // An upsert on user, not INSERT OR REPLACE: REPLACE would delete another user's account to free
              // its login, where a taken login must fail on the UNIQUE constraint.
              {&s.put_account,
               "INSERT INTO accounts (user, login, password_hash, created_ms) VALUES (?1, ?2, ?3, ?4) "
               "ON CONFLICT (user) DO UPDATE SET login = excluded.login, password_hash = excluded.password_hash, "
               "created_ms = excluded.created_ms"},
              {&s.account_by_login, by_login.c_str()},
              {&s.account_by_user, by_user.c_str()},
              {&s.account_count, "SELECT COUNT(*) FROM accounts"},
              {&s.put_token,
               "INSERT INTO tokens (token_hash, user, created_ms, expires_ms, revoked) VALUES (?1, ?2, ?3, ?4, ?5)"},
              {&s.find_token,
               "SELECT user, created_ms, expires_ms, revoked FROM tokens WHERE token_hash = ?1"},
              {&s.revoke_token, "UPDATE tokens SET revoked = 1 WHERE token_hash = ?1"},
              {&s.revoke_user_tokens, "UPDATE tokens SET revoked = 1 WHERE user = ?1"},
              {&s.delete_expired_tokens, "DELETE FROM tokens WHERE expires_ms < ?1"},
          });
  if (auto* error = std::get_if<StoreError>(&prepared)) return StoreError{path + ": " + error->message};
  return std::unique_ptr<SqliteAccountStore>(new SqliteAccountStore(std::move(db), std::move(s)));
}

StoreResult<Stored> SqliteAccountStore::put_account(const Account& account) {
  Statement& put = statements_.put_account;
  auto use = put.use();
  put.bind_int(1, account.user.value);
  put.bind_text(2, account.login);
  put.bind_text(3, account.password_hash);
  put.bind_int(4, account.created_ms);
  auto run = put.run();
  if (std::holds_alternative<StoreError>(run) &&
      sqlite3_extended_errcode(db_.handle()) == SQLITE_CONSTRAINT_UNIQUE) {
    return StoreError{"login \"" + account.login + "\" is already used by another user"};
  }
  return run;
}

StoreResult<std::optional<Account>> SqliteAccountStore::account_row(Statement& select) const {
  auto row = select.step();
  if (auto* error = std::get_if<StoreError>(&row)) return *error;
  if (!std::get<bool>(row)) return std::optional<Account>();
  return std::optional<Account>(Account{UserId(static_cast<uint32_t>(select.column_int(0))), select.column_text(1),
                                        select.column_text(2), select.column_int(3)});
}

StoreResult<std::optional<Account>> SqliteAccountStore::find_account(std::string_view login) const {
  Statement& select = statements_.account_by_login;
  auto use = select.use();
  select.bind_text(1, login);
  return account_row(select);
}

StoreResult<std::optional<Account>> SqliteAccountStore::find_account(UserId user) const {
  Statement& select = statements_.account_by_user;
  auto use = select.use();
  select.bind_int(1, user.value);
  return account_row(select);
}

StoreResult<size_t> SqliteAccountStore::account_count() const {
  Statement& count = statements_.account_count;
  auto use = count.use();
  auto row = count.step();
  if (auto* error = std::get_if<StoreError>(&row)) return *error;
  return static_cast<size_t>(count.column_int(0));
}

StoreResult<Stored> SqliteAccountStore::put_token(const SessionToken& token) {
  Statement& put = statements_.put_token;
  auto use = put.use();
  put.bind_text(1, token.token_hash);
  put.bind_int(2, token.user.value);
  put.bind_int(3, token.created_ms);
  put.bind_int(4, token.expires_ms);
  put.bind_int(5, token.revoked ? 1 : 0);
  return run_checked(put, "token of user " + std::to_string(token.user.value));
}

StoreResult<std::optional<SessionToken>> SqliteAccountStore::find_token(std::string_view token_hash) const {
  Statement& select = statements_.find_token;
  auto use = select.use();
  select.bind_text(1, token_hash);
  auto row = select.step();
  if (auto* error = std::get_if<StoreError>(&row)) return *error;
  if (!std::get<bool>(row)) return std::optional<SessionToken>();
  return std::optional<SessionToken>(SessionToken{std::string(token_hash),
                                                  UserId(static_cast<uint32_t>(select.column_int(0))),
                                                  select.column_int(1), select.column_int(2),
                                                  select.column_int(3) != 0});
}

StoreResult<Stored> SqliteAccountStore::revoke_token(std::string_view token_hash) {
  Statement& revoke = statements_.revoke_token;
  auto use = revoke.use();
  revoke.bind_text(1, token_hash);
  return run_checked(revoke, "revoke token");
}

StoreResult<Stored> SqliteAccountStore::revoke_user_tokens(UserId user) {
  Statement& revoke = statements_.revoke_user_tokens;
  auto use = revoke.use();
  revoke.bind_int(1, user.value);
  return run_checked(revoke, "revoke the tokens of user " + std::to_string(user.value));
}

StoreResult<size_t> SqliteAccountStore::delete_expired_tokens(int64_t now_ms) {
  Statement& remove = statements_.delete_expired_tokens;
  auto use = remove.use();
  remove.bind_int(1, now_ms);
  auto run = run_checked(remove, "delete expired tokens");
  if (auto* error = std::get_if<StoreError>(&run)) return *error;
  return static_cast<size_t>(remove.changes());
}

}  // namespace inbox::relay

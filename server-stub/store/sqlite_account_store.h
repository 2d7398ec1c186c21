// The AccountStore on SQLite, in the relay's database file (relay_db.h) through a connection of its own.
// A token whose hash is already stored is a StoreError (hashes of fresh random tokens never collide; a repeat
// is a bug, and must not quietly un-revoke a token). Revoking an unknown token is no error. Use from one thread
// at a time.
#pragma once
#include <memory>
#include <string>
#include <utility>

#include "server-stub/accounts/account_store.h"
#include "server-stub/store/sqlite_db.h"

namespace inbox::relay {

class SqliteAccountStore final : public AccountStore {
 public:
  static StoreResult<std::unique_ptr<SqliteAccountStore>> open(const std::string& path);

  StoreResult<Stored> put_account(const Account& account) override;
  StoreResult<std::optional<Account>> find_account(std::string_view login) const override;
  StoreResult<std::optional<Account>> find_account(UserId user) const override;
  StoreResult<size_t> account_count() const override;

  StoreResult<Stored> put_token(const SessionToken& token) override;
  StoreResult<std::optional<SessionToken>> find_token(std::string_view token_hash) const override;
  StoreResult<Stored> revoke_token(std::string_view token_hash) override;
  StoreResult<Stored> revoke_user_tokens(UserId user) override;
  StoreResult<size_t> delete_expired_tokens(int64_t now_ms) override;

 private:
  struct Statements {
    Statement put_account;
    Statement account_by_login;
    Statement account_by_user;
    Statement account_count;
    Statement put_token;
    Statement find_token;
    Statement revoke_token;
    Statement revoke_user_tokens;
    Statement delete_expired_tokens;
  };
  SqliteAccountStore(SqliteDb db, Statements statements) : db_(std::move(db)), statements_(std::move(statements)) {}

  StoreResult<std::optional<Account>> account_row(Statement& select) const;

  SqliteDb db_;  // declared first, destroyed last: the statements are finalized before the connection closes
  mutable Statements statements_;
};

}  // namespace inbox::relay

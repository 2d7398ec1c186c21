// Where the relay keeps sign-in data: one password per workspace user (an argon2id hash, never the password)
// and the session tokens handed out at login (only their hash: a stolen database holds no usable token).
// The workspace's users themselves (name, email, role) live in the core's state; an account links a login to
// one of them by UserId. SQLite implementation: store/sqlite_account_store.h.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "server-stub/store/event_log.h"

namespace inbox::relay {

struct Account {
  UserId user;
  std::string login;          // the user's email, lower-cased: what the login form asks for
  std::string password_hash;  // crypto_pwhash_str (argon2id) output, "$argon2id$v=19$..."
  int64_t created_ms = 0;
};

struct SessionToken {
  std::string token_hash;  // hex of the token's BLAKE2b-256 (crypto_generichash); the token itself is never stored
  UserId user;
  int64_t created_ms = 0;
  int64_t expires_ms = 0;
  bool revoked = false;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Inserts, or replaces the account of the same user (a password change). A login already used by another
  // user is a StoreError.
  virtual StoreResult<Stored> put_account(const Account& account) = 0;
  virtual StoreResult<std::optional<Account>> find_account(std::string_view login) const = 0;
  virtual StoreResult<std::optional<Account>> find_account(UserId user) const = 0;
  virtual StoreResult<size_t> account_count() const = 0;

  virtual StoreResult<Stored> put_token(const SessionToken& token) = 0;
  virtual StoreResult<std::optional<SessionToken>> find_token(std::string_view token_hash) const = 0;
  virtual StoreResult<Stored> revoke_token(std::string_view token_hash) = 0;
  virtual StoreResult<Stored> revoke_user_tokens(UserId user) = 0;  // e.g. after a password change
  // Removes tokens whose expiry is before now_ms (revoked ones too); returns how many.
  virtual StoreResult<size_t> delete_expired_tokens(int64_t now_ms) = 0;
};

}  // namespace inbox::relay

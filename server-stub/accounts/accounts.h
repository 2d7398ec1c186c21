// The relay's sign-in service: login, token checks, logout and password changes over an AccountStore, with
// the login limiter. Time comes in as an argument; the store is its only I/O. Safe to call from several io
// threads: the store and the limiter are used under one mutex, the argon2id work happens outside it.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <variant>

#include "core/ids.h"
#include "core/reflect.h"
#include "server-stub/accounts/account_store.h"
#include "server-stub/accounts/login_limiter.h"
#include "server-stub/accounts/passwords.h"

namespace inbox::relay {

enum class AccountErrorCode : uint8_t {
  bad_credentials,   // unknown login or wrong password: deliberately the same answer
  rate_limited,      // too many failures for this login or this client; see retry_after_s
  disabled,          // right password, but the user may not sign in (no longer in the workspace)
  invalid_password,  // set_password: refused by the policy (the message says why)
  invalid_login,     // set_password: empty or over-long login
  unknown_token,
  expired_token,
  revoked_token,
  storage,           // the AccountStore failed, or libsodium could not allocate
};

}  // namespace inbox::relay

template <>
struct inbox::EnumNames<inbox::relay::AccountErrorCode> {
  static constexpr std::array<const char*, 9> names = {
      "bad_credentials", "rate_limited", "disabled", "invalid_password", "invalid_login",
      "unknown_token",   "expired_token", "revoked_token", "storage"};
};

namespace inbox::relay {

struct AccountError {
  AccountErrorCode code = AccountErrorCode::storage;
  std::string message;
  int64_t retry_after_s = 0;  // rate_limited only
};

template <class T>
using AccountResult = std::variant<T, AccountError>;

struct LoginSuccess {
  std::string token;  // shown to the client once; the store keeps only token_hash(token)
  int64_t expires_ms = 0;
  UserId user;
};

inline constexpr int64_t token_lifetime_ms_default = 12 * 60 * 60 * 1000;
inline constexpr size_t login_bytes_max = 254;  // an email address's limit (core's check_email)

struct AccountsConfig {
  int64_t token_lifetime_ms = token_lifetime_ms_default;
  PasswordCost password_cost = PasswordCost::interactive;
  LoginLimits limits;
};

// Whether a user may sign in now (still in the workspace, not disabled). It runs on io threads while the
// authority thread owns the State, so it must be safe to call concurrently (e.g. read a published set).
using UserAllowed = std::function<bool(UserId)>;

// The login form's form of an email: ASCII lower-cased, surrounding spaces dropped.
std::string normalize_login(std::string_view login);

class Accounts {
 public:
  // An empty user_allowed lets every account's user sign in (the caller checks the State on its side).
  // Computes one throw-away hash at the configured cost: logins for unknown names verify against it.
  Accounts(AccountStore& store, AccountsConfig config = {}, UserAllowed user_allowed = {});

  AccountResult<LoginSuccess> login(std::string_view login, std::string_view password, std::string_view client_ip,
                                    int64_t now_ms);
  // The token's user while it is neither expired (now_ms >= expires_ms) nor revoked.
  AccountResult<UserId> authenticate(std::string_view token, int64_t now_ms);
  // Revokes the token; an unknown one is already as good as revoked, so that also succeeds.
  AccountResult<Stored> logout(std::string_view token);
  // Creates or replaces the user's account (login normalized) and revokes the user's existing sessions.
  // The caller checks that `user` exists and `login` is their email in the State.
  AccountResult<Stored> set_password(UserId user, std::string_view login, std::string_view password, int64_t now_ms);
  // Housekeeping, e.g. hourly: drops tokens that expired before now_ms.
  AccountResult<size_t> delete_expired_tokens(int64_t now_ms);

  AccountsConfig const& config() const { return config_; }

 private:
  AccountStore& store_;
  AccountsConfig const config_;
  UserAllowed const user_allowed_;
  std::string const dummy_hash_;
  std::mutex mutex_;  // guards store_ and limiter_
  LoginLimiter limiter_;
};

}  // namespace inbox::relay

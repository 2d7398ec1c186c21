#include "server-stub/accounts/accounts.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "server-stub/accounts/tokens.h"
#include "tests/unit/relay/memory_account_store.h"

using inbox::UserId;
using inbox::relay::AccountError;
using inbox::relay::AccountErrorCode;
using inbox::relay::Accounts;
using inbox::relay::AccountsConfig;
using inbox::relay::LoginSuccess;
using inbox::relay::MemoryAccountStore;
using inbox::relay::PasswordCost;
using inbox::relay::Stored;

namespace {

constexpr int64_t t0 = 1'700'000'000'000;
constexpr int64_t hour_ms = 60 * 60 * 1000;
constexpr char const* ip = "192.0.2.7";

AccountsConfig test_config() {
  AccountsConfig config;
  config.password_cost = PasswordCost::minimum;
  return config;
}

template <class T>
AccountErrorCode error_code(std::variant<T, AccountError> const& result) {
  REQUIRE(std::holds_alternative<AccountError>(result));
  return std::get<AccountError>(result).code;
}

// Ana (user 2) has an account with password "ana-password".
struct Workspace {
  MemoryAccountStore store;
  Accounts accounts{store, test_config()};
  Workspace() {
    REQUIRE(std::holds_alternative<Stored>(accounts.set_password(UserId(2), "Ana@Example.com", "ana-password", t0)));
  }

  LoginSuccess login_ana(int64_t now_ms = t0) {
    auto result = accounts.login("ana@example.com", "ana-password", ip, now_ms);
    REQUIRE(std::holds_alternative<LoginSuccess>(result));
    return std::get<LoginSuccess>(result);
  }
};

}  // namespace

TEST_CASE("accounts: Ana signs in and her token names her until it expires 12 h later") {
  Workspace w;
  LoginSuccess const session = w.login_ana();
  CHECK(session.user == UserId(2));
  CHECK(session.expires_ms == t0 + 12 * hour_ms);
  auto const who = w.accounts.authenticate(session.token, t0 + 1);
  REQUIRE(std::holds_alternative<UserId>(who));
  CHECK(std::get<UserId>(who) == UserId(2));
  CHECK(std::holds_alternative<UserId>(w.accounts.authenticate(session.token, session.expires_ms - 1)));
  CHECK(error_code(w.accounts.authenticate(session.token, session.expires_ms)) == AccountErrorCode::expired_token);
}

TEST_CASE("accounts: the login is the email in any case, with stray spaces") {
  Workspace w;
  CHECK(std::holds_alternative<LoginSuccess>(w.accounts.login("  ANA@example.COM ", "ana-password", ip, t0)));
}

TEST_CASE("accounts: the store holds the token's hash, never the token") {
  Workspace w;
  LoginSuccess const session = w.login_ana();
  std::vector<inbox::relay::SessionToken> const tokens = w.store.tokens();
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].token_hash == inbox::relay::token_hash(session.token));
  CHECK(tokens[0].token_hash != session.token);
  CHECK(tokens[0].created_ms == t0);
}

TEST_CASE("accounts: a wrong password and an unknown email get the same answer") {
  Workspace w;
  auto const wrong = w.accounts.login("ana@example.com", "not-her-password", ip, t0);
  auto const unknown = w.accounts.login("nobody@example.com", "ana-password", ip, t0);
  CHECK(error_code(wrong) == AccountErrorCode::bad_credentials);
  CHECK(error_code(unknown) == AccountErrorCode::bad_credentials);
  CHECK(std::get<AccountError>(wrong).message == std::get<AccountError>(unknown).message);
  CHECK(error_code(w.accounts.login("", "", ip, t0)) == AccountErrorCode::bad_credentials);
  CHECK(error_code(w.accounts.login(std::string(300, 'a'), "x", ip, t0)) == AccountErrorCode::bad_credentials);
}

TEST_CASE("accounts: five wrong passwords lock the login, even against the right one, until the window passes") {
  Workspace w;
  for (int i = 0; i < 5; ++i) {
    CHECK(error_code(w.accounts.login("ana@example.com", "guess", ip, t0)) == AccountErrorCode::bad_credentials);
  }
  auto const locked = w.accounts.login("ana@example.com", "ana-password", "198.51.100.1", t0 + 1000);
  CHECK(error_code(locked) == AccountErrorCode::rate_limited);
  CHECK(std::get<AccountError>(locked).retry_after_s == 15 * 60 - 1);
  w.login_ana(t0 + 15 * 60 * 1000);
}

TEST_CASE("accounts: unknown logins count towards the client's limit too") {
  Workspace w;
  for (int i = 0; i < 20; ++i) w.accounts.login("spray" + std::to_string(i) + "@example.com", "guess", ip, t0);
  CHECK(error_code(w.accounts.login("ana@example.com", "ana-password", ip, t0)) == AccountErrorCode::rate_limited);
}

TEST_CASE("accounts: signing out revokes the token; signing out again is fine") {
  Workspace w;
  LoginSuccess const session = w.login_ana();
  LoginSuccess const other = w.login_ana();
  CHECK(std::holds_alternative<Stored>(w.accounts.logout(session.token)));
  CHECK(error_code(w.accounts.authenticate(session.token, t0)) == AccountErrorCode::revoked_token);
  CHECK(std::holds_alternative<UserId>(w.accounts.authenticate(other.token, t0)));  // the other device stays in
  CHECK(std::holds_alternative<Stored>(w.accounts.logout(session.token)));
  CHECK(std::holds_alternative<Stored>(w.accounts.logout("not a token")));
}

TEST_CASE("accounts: made-up and mangled tokens are unknown") {
  Workspace w;
  LoginSuccess const session = w.login_ana();
  CHECK(error_code(w.accounts.authenticate(inbox::relay::new_token(), t0)) == AccountErrorCode::unknown_token);
  CHECK(error_code(w.accounts.authenticate("", t0)) == AccountErrorCode::unknown_token);
  CHECK(error_code(w.accounts.authenticate(session.token.substr(1), t0)) == AccountErrorCode::unknown_token);
  CHECK(error_code(w.accounts.authenticate(inbox::relay::token_hash(session.token), t0)) ==
        AccountErrorCode::unknown_token);
}

TEST_CASE("accounts: a new password ends every session and the old password stops working") {
  Workspace w;
  LoginSuccess const session = w.login_ana();
  CHECK(std::holds_alternative<Stored>(w.accounts.set_password(UserId(2), "ana@example.com", "new-password", t0 + 1)));
  CHECK(error_code(w.accounts.authenticate(session.token, t0 + 2)) == AccountErrorCode::revoked_token);
  CHECK(error_code(w.accounts.login("ana@example.com", "ana-password", ip, t0 + 2)) ==
        AccountErrorCode::bad_credentials);
  CHECK(std::holds_alternative<LoginSuccess>(w.accounts.login("ana@example.com", "new-password", ip, t0 + 2)));
  auto const account = std::get<std::optional<inbox::relay::Account>>(w.store.find_account(UserId(2)));
  REQUIRE(account.has_value());
  CHECK(account->created_ms == t0);  // a password change keeps when the account was made
  CHECK(account->login == "ana@example.com");
}

TEST_CASE("accounts: set_password applies the policy and wants a login") {
  Workspace w;
  auto const weak = w.accounts.set_password(UserId(3), "bruno@example.com", "short", t0);
  CHECK(error_code(weak) == AccountErrorCode::invalid_password);
  CHECK(std::get<AccountError>(weak).message.find("at least 8") != std::string::npos);
  CHECK(error_code(w.accounts.set_password(UserId(3), " ", "long enough", t0)) == AccountErrorCode::invalid_login);
  // Ana's login for another user: the store refuses it.
  CHECK(error_code(w.accounts.set_password(UserId(3), "ana@example.com", "long enough", t0)) ==
        AccountErrorCode::storage);
}

TEST_CASE("accounts: a user the workspace no longer allows is refused, after the password check") {
  MemoryAccountStore store;
  std::atomic<bool> ana_allowed{true};
  Accounts accounts(store, test_config(), [&](UserId user) { return user != UserId(2) || ana_allowed.load(); });
  REQUIRE(std::holds_alternative<Stored>(accounts.set_password(UserId(2), "ana@example.com", "ana-password", t0)));
  auto const signed_in = accounts.login("ana@example.com", "ana-password", ip, t0);
  REQUIRE(std::holds_alternative<LoginSuccess>(signed_in));
  ana_allowed = false;
  CHECK(error_code(accounts.login("ana@example.com", "ana-password", ip, t0)) == AccountErrorCode::disabled);
  CHECK(error_code(accounts.login("ana@example.com", "wrong-password", ip, t0)) == AccountErrorCode::bad_credentials);
  CHECK(error_code(accounts.authenticate(std::get<LoginSuccess>(signed_in).token, t0)) == AccountErrorCode::disabled);
}

TEST_CASE("accounts: a failing store is reported as a storage error, not as bad credentials") {
  Workspace w;
  w.store.fail_next = true;
  CHECK(error_code(w.accounts.login("ana@example.com", "ana-password", ip, t0)) == AccountErrorCode::storage);
  LoginSuccess const session = w.login_ana();
  w.store.fail_next = true;
  CHECK(error_code(w.accounts.authenticate(session.token, t0)) == AccountErrorCode::storage);
  w.store.fail_next = true;
  CHECK(error_code(w.accounts.logout(session.token)) == AccountErrorCode::storage);
  CHECK(std::holds_alternative<UserId>(w.accounts.authenticate(session.token, t0)));
}

TEST_CASE("accounts: the token lifetime is configurable; expired tokens are cleaned up") {
  MemoryAccountStore store;
  AccountsConfig config = test_config();
  config.token_lifetime_ms = hour_ms;
  Accounts accounts(store, config);
  REQUIRE(std::holds_alternative<Stored>(accounts.set_password(UserId(0), "ana@example.com", "ana-password", t0)));
  auto const session = accounts.login("ana@example.com", "ana-password", ip, t0);
  REQUIRE(std::holds_alternative<LoginSuccess>(session));
  CHECK(std::get<LoginSuccess>(session).expires_ms == t0 + hour_ms);
  auto const deleted = accounts.delete_expired_tokens(t0 + hour_ms + 1);
  REQUIRE(std::holds_alternative<size_t>(deleted));
  CHECK(std::get<size_t>(deleted) == 1);
  CHECK(store.tokens().empty());
}

TEST_CASE("accounts: logins from several threads at once each get their own working token") {
  Workspace w;
  std::vector<std::string> tokens(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < tokens.size(); ++i) {
    threads.emplace_back([&, i] {
      auto result = w.accounts.login("ana@example.com", "ana-password", ip, t0);
      if (auto* success = std::get_if<LoginSuccess>(&result)) tokens[i] = success->token;
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> const distinct(tokens.begin(), tokens.end());
  CHECK(distinct.size() == tokens.size());
  for (std::string const& token : tokens) CHECK(std::holds_alternative<UserId>(w.accounts.authenticate(token, t0)));
}

TEST_CASE("accounts: an unknown email costs a password verify too, so timing does not tell which emails exist") {
  MemoryAccountStore store;
  AccountsConfig config;  // the production cost: a verify takes long enough to measure
  config.limits.failures_per_ip_max = 100;
  Accounts accounts(store, config);
  REQUIRE(std::holds_alternative<Stored>(accounts.set_password(UserId(2), "ana@example.com", "ana-password", t0)));
  auto fastest_ms = [&](std::string const& login) {
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
      auto const start = std::chrono::steady_clock::now();
      accounts.login(login, "wrong-password", ip, t0);
      std::chrono::duration<double, std::milli> const took = std::chrono::steady_clock::now() - start;
      best = std::min(best, took.count());
    }
    return best;
  };
  double const known_ms = fastest_ms("ana@example.com");
  double const unknown_ms = fastest_ms("nobody@example.com");
  CAPTURE(known_ms);
  CAPTURE(unknown_ms);
  // Without the dummy verify the unknown email answers in microseconds, a thousand times faster.
  CHECK(unknown_ms > known_ms / 4);
}

#include "server-stub/accounts/accounts.h"

#include <optional>
#include <utility>

#include "server-stub/accounts/ascii.h"
#include "server-stub/accounts/tokens.h"

namespace inbox::relay {

namespace {

AccountError fail(AccountErrorCode code, std::string message) { return AccountError{code, std::move(message), 0}; }

AccountError storage_failed(StoreError const& error) {
  return fail(AccountErrorCode::storage, "The account store failed: " + error.message);
}

AccountError bad_credentials() {
  return fail(AccountErrorCode::bad_credentials, "The email or the password is not right.");
}

// A password nobody knows, hashed like real ones: verifying against it costs what a real verify costs.
std::string make_dummy_hash(PasswordCost cost) {
  return hash_password(new_token(), cost).value_or(std::string());
}

}  // namespace

std::string normalize_login(std::string_view login) { return ascii_lower(trim_blanks(login)); }

Accounts::Accounts(AccountStore& store, AccountsConfig config, UserAllowed user_allowed)
    : store_(store),
      config_(config),
      user_allowed_(std::move(user_allowed)),
      dummy_hash_(make_dummy_hash(config.password_cost)),
      limiter_(config.limits) {}

AccountResult<LoginSuccess> Accounts::login(std::string_view login_text, std::string_view password,
                                            std::string_view client_ip, int64_t now_ms) {
  std::string const login = normalize_login(login_text);
  // Over-long input is never a stored login; truncating the key keeps the limiter's memory bounded too.
  bool const plausible = !login.empty() && login.size() <= login_bytes_max;
  std::string_view const limiter_key = std::string_view(login).substr(0, login_bytes_max);

  std::optional<Account> account;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    LoginVerdict const verdict = limiter_.check(limiter_key, client_ip, now_ms);
    if (!verdict.allowed) {
      return AccountError{AccountErrorCode::rate_limited,
                          "Too many failed sign-ins. Try again in " + std::to_string(verdict.retry_after_s) + " s.",
                          verdict.retry_after_s};
    }
    if (plausible) {
      StoreResult<std::optional<Account>> found = store_.find_account(login);
      if (auto const* error = std::get_if<StoreError>(&found)) return storage_failed(*error);
      account = std::get<std::optional<Account>>(std::move(found));
    }
  }

  // Unknown logins verify too, against the dummy: both answers take one argon2id verify.
  bool const verified = verify_password(account ? account->password_hash : dummy_hash_, password);
  bool const ok = verified && account.has_value();
  bool const allowed = ok && (!user_allowed_ || user_allowed_(account->user));

  std::lock_guard<std::mutex> lock(mutex_);
  if (!ok) {
    limiter_.record_failure(limiter_key, client_ip, now_ms);
    return bad_credentials();
  }
  if (!allowed) return fail(AccountErrorCode::disabled, "This account may not sign in to the workspace.");
  limiter_.record_success(limiter_key);

  LoginSuccess success{new_token(), now_ms + config_.token_lifetime_ms, account->user};
  SessionToken const stored{token_hash(success.token), success.user, now_ms, success.expires_ms, false};
  StoreResult<Stored> const put = store_.put_token(stored);
  if (auto const* error = std::get_if<StoreError>(&put)) return storage_failed(*error);
  return success;
}

AccountResult<UserId> Accounts::authenticate(std::string_view token, int64_t now_ms) {
  if (!is_token_shaped(token)) return fail(AccountErrorCode::unknown_token, "This session is not known.");
  std::string const hash = token_hash(token);
  std::optional<SessionToken> session;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    StoreResult<std::optional<SessionToken>> found = store_.find_token(hash);
    if (auto const* error = std::get_if<StoreError>(&found)) return storage_failed(*error);
    session = std::get<std::optional<SessionToken>>(std::move(found));
  }
  if (!session) return fail(AccountErrorCode::unknown_token, "This session is not known.");
  if (session->revoked) return fail(AccountErrorCode::revoked_token, "This session was signed out.");
  if (now_ms >= session->expires_ms) return fail(AccountErrorCode::expired_token, "This session has expired.");
  if (user_allowed_ && !user_allowed_(session->user)) {
    return fail(AccountErrorCode::disabled, "This account may not sign in to the workspace.");
  }
  return session->user;
}

AccountResult<Stored> Accounts::logout(std::string_view token) {
  if (!is_token_shaped(token)) return Stored{};
  std::string const hash = token_hash(token);
  std::lock_guard<std::mutex> lock(mutex_);
  StoreResult<Stored> const revoked = store_.revoke_token(hash);
  if (auto const* error = std::get_if<StoreError>(&revoked)) return storage_failed(*error);
  return Stored{};
}

AccountResult<Stored> Accounts::set_password(UserId user, std::string_view login_text, std::string_view password,
                                             int64_t now_ms) {
  std::string const login = normalize_login(login_text);
  if (login.empty() || login.size() > login_bytes_max) {
    return fail(AccountErrorCode::invalid_login,
                "The login must be an email address of at most " + std::to_string(login_bytes_max) + " bytes.");
  }
  if (std::optional<std::string> problem = password_policy_problem(password)) {
    return fail(AccountErrorCode::invalid_password, std::move(*problem));
  }
  std::optional<std::string> hash = hash_password(password, config_.password_cost);
  if (!hash) return fail(AccountErrorCode::storage, "Not enough memory to hash the password.");

  std::lock_guard<std::mutex> lock(mutex_);
  StoreResult<std::optional<Account>> existing = store_.find_account(user);
  if (auto const* error = std::get_if<StoreError>(&existing)) return storage_failed(*error);
  std::optional<Account> const& previous = std::get<std::optional<Account>>(existing);
  Account const account{user, login, std::move(*hash), previous ? previous->created_ms : now_ms};
  StoreResult<Stored> const put = store_.put_account(account);
  if (auto const* error = std::get_if<StoreError>(&put)) return storage_failed(*error);
  // Whoever knew the old password may hold a session: a new password ends them all.
  StoreResult<Stored> const revoked = store_.revoke_user_tokens(user);
  if (auto const* error = std::get_if<StoreError>(&revoked)) return storage_failed(*error);
  limiter_.record_success(login);
  return Stored{};
}

AccountResult<size_t> Accounts::delete_expired_tokens(int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  StoreResult<size_t> const deleted = store_.delete_expired_tokens(now_ms);
  if (auto const* error = std::get_if<StoreError>(&deleted)) return storage_failed(*error);
  return std::get<size_t>(deleted);
}

}  // namespace inbox::relay

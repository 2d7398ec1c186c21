// An AccountStore in memory, for the accounts tests: the contract of account_store.h and nothing more, so the
// tests run unchanged on the SQLite store. fail_next makes the next call report a StoreError.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "server-stub/accounts/account_store.h"

namespace inbox::relay {

class MemoryAccountStore final : public AccountStore {
 public:
  mutable bool fail_next = false;

  StoreResult<Stored> put_account(const Account& account) override {
    if (failing()) return StoreError{"injected failure"};
    auto const taken = by_login_.find(account.login);
    if (taken != by_login_.end() && taken->second != account.user.value) {
      return StoreError{"login already used by another user"};
    }
    auto const previous = accounts_.find(account.user.value);
    if (previous != accounts_.end()) by_login_.erase(previous->second.login);
    accounts_[account.user.value] = account;
    by_login_[account.login] = account.user.value;
    return Stored{};
  }
  StoreResult<std::optional<Account>> find_account(std::string_view login) const override {
    if (failing()) return StoreError{"injected failure"};
    auto const found = by_login_.find(std::string(login));
    if (found == by_login_.end()) return std::optional<Account>();
    return std::optional<Account>(accounts_.at(found->second));
  }
  StoreResult<std::optional<Account>> find_account(UserId user) const override {
    if (failing()) return StoreError{"injected failure"};
    auto const found = accounts_.find(user.value);
    if (found == accounts_.end()) return std::optional<Account>();
    return std::optional<Account>(found->second);
  }
  StoreResult<size_t> account_count() const override {
    if (failing()) return StoreError{"injected failure"};
    return accounts_.size();
  }

  StoreResult<Stored> put_token(const SessionToken& token) override {
    if (failing()) return StoreError{"injected failure"};
    tokens_[token.token_hash] = token;
    return Stored{};
  }
  StoreResult<std::optional<SessionToken>> find_token(std::string_view token_hash) const override {
    if (failing()) return StoreError{"injected failure"};
    auto const found = tokens_.find(std::string(token_hash));
    if (found == tokens_.end()) return std::optional<SessionToken>();
    return std::optional<SessionToken>(found->second);
  }
  StoreResult<Stored> revoke_token(std::string_view token_hash) override {
    if (failing()) return StoreError{"injected failure"};
    auto const found = tokens_.find(std::string(token_hash));
    if (found != tokens_.end()) found->second.revoked = true;
    return Stored{};
  }
  StoreResult<Stored> revoke_user_tokens(UserId user) override {
    if (failing()) return StoreError{"injected failure"};
    for (auto& [hash, token] : tokens_) {
      if (token.user == user) token.revoked = true;
    }
    return Stored{};
  }
  StoreResult<size_t> delete_expired_tokens(int64_t now_ms) override {
    if (failing()) return StoreError{"injected failure"};
    size_t deleted = 0;
    for (auto it = tokens_.begin(); it != tokens_.end();) {
      if (it->second.expires_ms < now_ms) {
        it = tokens_.erase(it);
        ++deleted;
      } else {
        ++it;
      }
    }
    return deleted;
  }

  // What a test may look at to prove what is (not) stored.
  std::vector<SessionToken> tokens() const {
    std::vector<SessionToken> out;
    for (auto const& [hash, token] : tokens_) out.push_back(token);
    return out;
  }

 private:
  bool failing() const {
    bool const fail = fail_next;
    fail_next = false;
    return fail;
  }

  std::map<uint32_t, Account> accounts_;
  std::map<std::string, uint32_t> by_login_;
  std::map<std::string, SessionToken> tokens_;
};

}  // namespace inbox::relay

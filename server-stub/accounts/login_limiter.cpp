#include "server-stub/accounts/login_limiter.h"

#include <algorithm>
#include <cassert>

namespace inbox::relay {

LoginLimiter::LoginLimiter(LoginLimits limits)
    : limits_(limits),
      logins_(limits.failures_per_login_max, limits.keys_max),
      ips_(limits.failures_per_ip_max, limits.keys_max) {
  assert(limits.failures_per_login_max > 0 && "a limit of 0 failures would refuse every login: use at least 1");
  assert(limits.failures_per_ip_max > 0 && "a limit of 0 failures would refuse every login: use at least 1");
  assert(limits.keys_max > 0 && "keys_max 0 forgets every failure at once: use at least 1");
}

LoginVerdict LoginLimiter::check(std::string_view login, std::string_view ip, int64_t now_ms) const {
  int64_t const until_ms = std::max(logins_.locked_until_ms(login, now_ms, limits_.window_ms),
                                    ips_.locked_until_ms(ip, now_ms, limits_.window_ms));
  if (until_ms <= now_ms) return {};
  return {false, std::max<int64_t>(1, (until_ms - now_ms + 999) / 1000)};
}

void LoginLimiter::record_failure(std::string_view login, std::string_view ip, int64_t now_ms) {
  logins_.add(login, now_ms);
  ips_.add(ip, now_ms);
}

void LoginLimiter::record_success(std::string_view login) { logins_.erase(login); }

int64_t LoginLimiter::FailureTable::locked_until_ms(std::string_view key, int64_t now_ms, int64_t window_ms) const {
  auto const found = entries_.find(std::string(key));
  if (found == entries_.end()) return 0;
  std::vector<int64_t> const& failures = found->second.failures_ms;
  if (failures.size() < failures_max_) return 0;
  // Full: the oldest kept failure is the failures_max-th most recent; while it is in the window, so are all.
  int64_t const until_ms = failures.front() + window_ms;
  return until_ms > now_ms ? until_ms : 0;
}

void LoginLimiter::FailureTable::add(std::string_view key, int64_t now_ms) {
  std::string owned(key);
  auto found = entries_.find(owned);
  if (found == entries_.end()) {
    if (entries_.size() >= keys_max_) {
      entries_.erase(recency_.front());
      recency_.pop_front();
    }
    recency_.push_back(owned);
    found = entries_.emplace(std::move(owned), Entry{{}, std::prev(recency_.end())}).first;
  } else {
    recency_.splice(recency_.end(), recency_, found->second.recency);
  }
  std::vector<int64_t>& failures = found->second.failures_ms;
  if (failures.size() >= failures_max_) failures.erase(failures.begin());
  failures.push_back(now_ms);
}

void LoginLimiter::FailureTable::erase(std::string_view key) {
  auto const found = entries_.find(std::string(key));
  if (found == entries_.end()) return;
  recency_.erase(found->second.recency);
  entries_.erase(found);
}

}  // namespace inbox::relay

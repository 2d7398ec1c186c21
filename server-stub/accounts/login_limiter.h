// Login rate limiting, pure: time comes in as an argument, nothing is read from a clock.
// Failures are counted per login and per client IP over a sliding window; once either count reaches its
// limit, attempts are refused until the oldest failure in the window ages out. The IP limit catches one
// client trying many logins (password spraying); the login limit, many clients trying one account.
#pragma once
#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace inbox::relay {

struct LoginLimits {
  size_t failures_per_login_max = 5;
  size_t failures_per_ip_max = 20;
  int64_t window_ms = 15 * 60 * 1000;
  // Per table (logins, IPs). The least recently failed key is forgotten first when a new one would exceed it.
  size_t keys_max = 10000;
};

struct LoginVerdict {
  bool allowed = true;
  int64_t retry_after_s = 0;  // refused only: whole seconds, rounded up, at least 1
};

class LoginLimiter {
 public:
  explicit LoginLimiter(LoginLimits limits = {});

  // Whether an attempt for `login` from `ip` may be checked now. Asking records nothing.
  LoginVerdict check(std::string_view login, std::string_view ip, int64_t now_ms) const;
  void record_failure(std::string_view login, std::string_view ip, int64_t now_ms);
  // The login's failures are forgotten; the IP's stay (one right password does not excuse a spray).
  void record_success(std::string_view login);

  size_t tracked_logins() const { return logins_.size(); }
  size_t tracked_ips() const { return ips_.size(); }

 private:
  // Failure times of each key, newest last, at most `max` of them (older ones cannot matter any more).
  class FailureTable {
   public:
    FailureTable(size_t failures_max, size_t keys_max) : failures_max_(failures_max), keys_max_(keys_max) {}
    // 0 when another failure is allowed; else when the oldest failure in the window ages out.
    int64_t locked_until_ms(std::string_view key, int64_t now_ms, int64_t window_ms) const;
    void add(std::string_view key, int64_t now_ms);
    void erase(std::string_view key);
    size_t size() const { return entries_.size(); }

   private:
    struct Entry {
      std::vector<int64_t> failures_ms;
      std::list<std::string>::iterator recency;
    };
    size_t failures_max_;
    size_t keys_max_;
    std::unordered_map<std::string, Entry> entries_;
    std::list<std::string> recency_;  // least recently failed first
  };

  LoginLimits limits_;
  FailureTable logins_;
  FailureTable ips_;
};

}  // namespace inbox::relay

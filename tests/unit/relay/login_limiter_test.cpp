#include "server-stub/accounts/login_limiter.h"

#include <doctest/doctest.h>

#include <string>

using inbox::relay::LoginLimiter;
using inbox::relay::LoginLimits;

namespace {

constexpr int64_t minute_ms = 60 * 1000;
constexpr int64_t t0 = 1'700'000'000'000;

void fail_times(LoginLimiter& limiter, std::string const& login, std::string const& ip, int count, int64_t at_ms) {
  for (int i = 0; i < count; ++i) limiter.record_failure(login, ip, at_ms);
}

}  // namespace

TEST_CASE("login limiter: four wrong passwords leave a fifth try; the fifth failure locks the login") {
  LoginLimiter limiter;
  fail_times(limiter, "ana@example.com", "10.0.0.1", 4, t0);
  CHECK(limiter.check("ana@example.com", "10.0.0.1", t0).allowed);
  limiter.record_failure("ana@example.com", "10.0.0.1", t0);
  auto const verdict = limiter.check("ana@example.com", "10.0.0.1", t0);
  CHECK_FALSE(verdict.allowed);
  CHECK(verdict.retry_after_s == 15 * 60);
  // From another computer too: the lock is on the login.
  CHECK_FALSE(limiter.check("ana@example.com", "10.0.0.2", t0).allowed);
  CHECK(limiter.check("bruno@example.com", "10.0.0.1", t0).allowed);
}

TEST_CASE("login limiter: the wait shrinks as time passes and the login opens when the window has passed") {
  LoginLimiter limiter;
  fail_times(limiter, "ana@example.com", "10.0.0.1", 5, t0);
  CHECK(limiter.check("ana@example.com", "10.0.0.1", t0 + 5 * minute_ms).retry_after_s == 10 * 60);
  CHECK(limiter.check("ana@example.com", "10.0.0.1", t0 + 15 * minute_ms - 1500).retry_after_s == 2);  // rounded up
  CHECK(limiter.check("ana@example.com", "10.0.0.1", t0 + 15 * minute_ms - 1).retry_after_s == 1);
  CHECK(limiter.check("ana@example.com", "10.0.0.1", t0 + 15 * minute_ms).allowed);
}

TEST_CASE("login limiter: the window slides: failures spread over time lock only while five are recent") {
  LoginLimiter limiter;
  for (int i = 0; i < 5; ++i) limiter.record_failure("ana@example.com", "10.0.0.1", t0 + i * minute_ms);
  // Locked until the first failure is 15 minutes old.
  CHECK(limiter.check("ana@example.com", "10.0.0.1", t0 + 4 * minute_ms).retry_after_s == 11 * 60);
  CHECK(limiter.check("ana@example.com", "10.0.0.1", t0 + 15 * minute_ms).allowed);
  // One more failure then: five recent ones again, locked until the second is 15 minutes old.
  limiter.record_failure("ana@example.com", "10.0.0.1", t0 + 15 * minute_ms);
  CHECK(limiter.check("ana@example.com", "10.0.0.1", t0 + 15 * minute_ms).retry_after_s == 60);
}

TEST_CASE("login limiter: signing in clears the login's failures but not the client's") {
  LoginLimits limits;
  limits.failures_per_ip_max = 6;
  LoginLimiter limiter(limits);
  fail_times(limiter, "ana@example.com", "10.0.0.1", 4, t0);
  limiter.record_success("ana@example.com");
  fail_times(limiter, "ana@example.com", "10.0.0.2", 4, t0);
  CHECK(limiter.check("ana@example.com", "10.0.0.2", t0).allowed);  // 4 since the success, not 8
  fail_times(limiter, "bruno@example.com", "10.0.0.1", 2, t0);     // 10.0.0.1 now has 6
  CHECK_FALSE(limiter.check("carla@example.com", "10.0.0.1", t0).allowed);
}

TEST_CASE("login limiter: one client trying many logins is stopped at 20 failures") {
  LoginLimiter limiter;
  for (int i = 0; i < 19; ++i) limiter.record_failure("user" + std::to_string(i) + "@example.com", "10.0.0.9", t0);
  CHECK(limiter.check("next@example.com", "10.0.0.9", t0).allowed);
  limiter.record_failure("user19@example.com", "10.0.0.9", t0);
  auto const verdict = limiter.check("next@example.com", "10.0.0.9", t0 + minute_ms);
  CHECK_FALSE(verdict.allowed);
  CHECK(verdict.retry_after_s == 14 * 60);
  CHECK(limiter.check("next@example.com", "10.0.0.10", t0).allowed);
}

TEST_CASE("login limiter: memory stays bounded; the key that failed longest ago is forgotten first") {
  LoginLimits limits;
  limits.keys_max = 3;
  LoginLimiter limiter(limits);
  fail_times(limiter, "old@example.com", "10.0.0.1", 5, t0);
  fail_times(limiter, "mid@example.com", "10.0.0.2", 5, t0 + 1);
  fail_times(limiter, "new@example.com", "10.0.0.3", 5, t0 + 2);
  fail_times(limiter, "old@example.com", "10.0.0.1", 1, t0 + 3);  // old is now the most recent
  fail_times(limiter, "fourth@example.com", "10.0.0.4", 1, t0 + 4);
  CHECK(limiter.tracked_logins() == 3);
  CHECK(limiter.tracked_ips() == 3);
  CHECK_FALSE(limiter.check("old@example.com", "10.0.0.9", t0 + 5).allowed);
  CHECK(limiter.check("mid@example.com", "10.0.0.9", t0 + 5).allowed);  // evicted
  CHECK_FALSE(limiter.check("new@example.com", "10.0.0.9", t0 + 5).allowed);

  LoginLimiter many;
  for (int i = 0; i < 25000; ++i) many.record_failure("u" + std::to_string(i), "ip" + std::to_string(i), t0);
  CHECK(many.tracked_logins() == LoginLimits{}.keys_max);
  CHECK(many.tracked_ips() == LoginLimits{}.keys_max);
}

#include "server-stub/accounts/passwords.h"

#include <doctest/doctest.h>

#include <string>

using inbox::relay::hash_password;
using inbox::relay::password_policy_problem;
using inbox::relay::PasswordCost;
using inbox::relay::verify_password;

namespace {

std::string hash_of(std::string_view password) {
  std::optional<std::string> hash = hash_password(password, PasswordCost::minimum);
  REQUIRE(hash.has_value());
  return *hash;
}

}  // namespace

TEST_CASE("passwords: a hash verifies the password it was made from, and no other") {
  std::string const hash = hash_of("correct horse battery");
  CHECK(verify_password(hash, "correct horse battery"));
  CHECK_FALSE(verify_password(hash, "correct horse batterY"));
  CHECK_FALSE(verify_password(hash, "correct horse battery "));
  CHECK_FALSE(verify_password(hash, ""));
}

TEST_CASE("passwords: the hash is argon2id in libsodium's string form") {
  std::string const hash = hash_of("correct horse battery");
  CHECK(hash.rfind("$argon2id$v=19$", 0) == 0);
}

TEST_CASE("passwords: two hashes of one password differ (a random salt each), both verify") {
  std::string const first = hash_of("same password");
  std::string const second = hash_of("same password");
  CHECK(first != second);
  CHECK(verify_password(first, "same password"));
  CHECK(verify_password(second, "same password"));
}

TEST_CASE("passwords: the interactive cost is what production stores") {
  std::optional<std::string> const hash = hash_password("correct horse battery", PasswordCost::interactive);
  REQUIRE(hash.has_value());
  // libsodium's MEMLIMIT_INTERACTIVE is 64 MiB, written in KiB; the test cost is 8 KiB.
  CHECK(hash->find("m=65536,") != std::string::npos);
  CHECK(hash_of("x").find("m=65536,") == std::string::npos);
  CHECK(verify_password(*hash, "correct horse battery"));
}

TEST_CASE("passwords: a malformed or empty hash verifies nothing") {
  CHECK_FALSE(verify_password("", ""));
  CHECK_FALSE(verify_password("$argon2id$v=19$garbage", "password"));
  std::string const hash = hash_of("password1");
  CHECK_FALSE(verify_password(hash.substr(0, hash.size() - 4), "password1"));
  CHECK_FALSE(verify_password(hash + std::string(1, '\0'), "password1"));
}

TEST_CASE("passwords: the policy wants 8 to 256 bytes of UTF-8, counting characters for the minimum") {
  CHECK(password_policy_problem("12345678") == std::nullopt);
  CHECK(password_policy_problem("ação1234") == std::nullopt);  // 8 characters, 10 bytes
  CHECK(password_policy_problem(std::string(256, 'a')) == std::nullopt);

  std::optional<std::string> const too_short = password_policy_problem("1234567");
  REQUIRE(too_short.has_value());
  CHECK(too_short->find("at least 8") != std::string::npos);
  CHECK(password_policy_problem("ãããã").has_value());  // 8 bytes, 4 characters

  std::optional<std::string> const too_long = password_policy_problem(std::string(257, 'a'));
  REQUIRE(too_long.has_value());
  CHECK(too_long->find("256") != std::string::npos);

  std::optional<std::string> const not_utf8 = password_policy_problem("abcdefg\xff");
  REQUIRE(not_utf8.has_value());
  CHECK(not_utf8->find("UTF-8") != std::string::npos);
}

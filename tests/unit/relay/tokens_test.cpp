#include "server-stub/accounts/tokens.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

using inbox::relay::is_token_shaped;
using inbox::relay::new_token;
using inbox::relay::token_hash;

TEST_CASE("tokens: 43 URL-safe base64 characters (32 random bytes), never the same twice") {
  std::set<std::string> seen;
  std::set<char> characters;
  for (int i = 0; i < 200; ++i) {
    std::string const token = new_token();
    CHECK(token.size() == 43);
    CHECK(is_token_shaped(token));
    CHECK(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          std::string::npos);
    characters.insert(token.begin(), token.end());
    seen.insert(token);
  }
  CHECK(seen.size() == 200);
  // 8600 characters drawn from 64: a generator stuck on a few values (or on hex) would use far fewer.
  CHECK(characters.size() > 60);
}

TEST_CASE("tokens: the shape check refuses what new_token cannot produce") {
  std::string const token = new_token();
  CHECK_FALSE(is_token_shaped(""));
  CHECK_FALSE(is_token_shaped(token.substr(1)));
  CHECK_FALSE(is_token_shaped(token + "A"));
  CHECK_FALSE(is_token_shaped(std::string(42, 'A') + "="));
  CHECK_FALSE(is_token_shaped(std::string(42, 'A') + "+"));
  CHECK(is_token_shaped(std::string(43, 'A')));
}

TEST_CASE("tokens: the stored hash is BLAKE2b-256 in hex, stable, and different per token") {
  // The BLAKE2b-256 of the empty input (RFC 7693's reference implementation).
  CHECK(token_hash("") == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  std::string const token = new_token();
  CHECK(token_hash(token) == token_hash(token));
  CHECK(token_hash(token).size() == 64);
  CHECK(token_hash(token) != token_hash(new_token()));
  CHECK(token_hash(token).find(token) == std::string::npos);
}

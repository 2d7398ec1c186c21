// argon2id through crypto_pwhash_str_alg, naming the algorithm so a libsodium default change cannot switch it.
#include "server-stub/accounts/passwords.h"

#include <sodium.h>

#include "core/text.h"

namespace inbox::relay {

bool sodium_ready() { return sodium_init() >= 0; }

std::optional<std::string> password_policy_problem(std::string_view password) {
  if (password.size() > password_bytes_max) {
    return "The password is too long: at most " + std::to_string(password_bytes_max) + " bytes.";
  }
  std::optional<size_t> const chars = utf8_code_points(password);
  if (!chars) return std::string("The password is not valid UTF-8 text.");
  if (*chars < password_chars_min) {
    return "The password is too short: at least " + std::to_string(password_chars_min) + " characters.";
  }
  return std::nullopt;
}

std::optional<std::string> hash_password(std::string_view password, PasswordCost cost) {
  if (!sodium_ready()) return std::nullopt;
  bool const minimum = cost == PasswordCost::minimum;
  unsigned long long const ops = minimum ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t const mem = minimum ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return std::nullopt;
  }
  return std::string(out);
}

bool verify_password(std::string_view hash, std::string_view password) {
  if (!sodium_ready()) return false;
  // The library reads the hash as a C string.
  if (hash.size() >= crypto_pwhash_STRBYTES || hash.find('\0') != std::string_view::npos) return false;
  std::string const terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

}  // namespace inbox::relay

#include "server-stub/accounts/tokens.h"

#include <sodium.h>

#include <array>

#include "server-stub/accounts/passwords.h"

namespace inbox::relay {

std::string new_token() {
  // randombytes_buf needs no initialisation to be safe, but sodium_init picks the best entropy source once.
  sodium_ready();
  std::array<unsigned char, token_random_bytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  char out[sodium_base64_ENCODED_LEN(token_random_bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(out);
}

bool is_token_shaped(std::string_view text) {
  if (text.size() != token_chars) return false;
  for (char const c : text) {
    bool const ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string token_hash(std::string_view token) {
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  static_assert(crypto_generichash_BYTES == 32, "BLAKE2b-256: the store's token_hash column holds 64 hex digits");
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<unsigned char const*>(token.data()), token.size(),
                     nullptr, 0);
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest.data(), digest.size());
  return std::string(hex);
}

}  // namespace inbox::relay

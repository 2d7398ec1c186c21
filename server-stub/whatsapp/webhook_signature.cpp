#include "server-stub/whatsapp/webhook_signature.h"

#include <sodium.h>

namespace inbox::relay::whatsapp {

namespace {

void hmac_of(std::string_view body, std::string_view app_secret, unsigned char (&mac)[crypto_auth_hmacsha256_BYTES]) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(app_secret.data()), app_secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  crypto_auth_hmacsha256_final(&state, mac);
}

}  // namespace

bool signature_matches(std::string_view body, std::string_view header, std::string_view app_secret) {
  constexpr std::string_view kPrefix = "sha256=";
  if (app_secret.empty() || header.substr(0, kPrefix.size()) != kPrefix) return false;
  const std::string_view hex = header.substr(kPrefix.size());
  unsigned char given[crypto_auth_hmacsha256_BYTES];
  size_t given_size = 0;
  if (hex.size() != 2 * sizeof(given) ||
      sodium_hex2bin(given, sizeof(given), hex.data(), hex.size(), nullptr, &given_size, nullptr) != 0 ||
      given_size != sizeof(given)) {
    return false;
  }
  unsigned char expected[crypto_auth_hmacsha256_BYTES];
  hmac_of(body, app_secret, expected);
  return sodium_memcmp(given, expected, sizeof(given)) == 0;
}

std::string signature_header(std::string_view body, std::string_view app_secret) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  hmac_of(body, app_secret, mac);
  char hex[2 * sizeof(mac) + 1];
  sodium_bin2hex(hex, sizeof(hex), mac, sizeof(mac));
  return std::string("sha256=") + hex;
}

}  // namespace inbox::relay::whatsapp

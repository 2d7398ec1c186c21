// Session tokens: what a login hands out (random, opaque) and the only form of it the relay stores.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace inbox::relay {

inline constexpr size_t token_random_bytes = 32;
inline constexpr size_t token_chars = 43;  // URL-safe base64 of 32 bytes, no padding

// 32 bytes from randombytes_buf, URL-safe base64 without padding (fits a header, a URL and a cookie as is).
std::string new_token();

// Whether `text` has the shape new_token() produces; lets a lookup skip input that cannot be a token.
bool is_token_shaped(std::string_view text);

// Lower-case hex of the token's BLAKE2b-256 (crypto_generichash, 64 characters): the key in the store.
// Looking a token up by its hash means the secret itself is never compared, so no timing leaks it.
std::string token_hash(std::string_view token);

}  // namespace inbox::relay

// Password hashing (argon2id via libsodium's crypto_pwhash_str) and the password policy.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace inbox::relay {

inline constexpr size_t password_chars_min = 8;     // code points: "ação1234" is 8 long
inline constexpr size_t password_bytes_max = 256;  // bounds the work of one hash on input from outside

// interactive: libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE (64 MiB and roughly 0.1 s per hash on a server core,
// per login attempt). minimum: OPSLIMIT/MEMLIMIT_MIN, for tests only; those hashes are cheap to crack.
enum class PasswordCost { interactive, minimum };

// Calls sodium_init() (idempotent, thread-safe); every function below calls it too, so callers need not.
// False if libsodium cannot initialise (no entropy source): the relay must not start then.
bool sodium_ready();

// Why the password is refused, in a sentence for the person choosing it; nullopt when it is acceptable.
std::optional<std::string> password_policy_problem(std::string_view password);

// "$argon2id$v=19$m=...,t=...,p=1$<salt>$<hash>", a fresh random salt each call. nullopt when libsodium
// could not allocate the memory the cost asks for. Does not apply the policy: see password_policy_problem.
std::optional<std::string> hash_password(std::string_view password, PasswordCost cost);

// crypto_pwhash_str_verify: recomputes the hash with the parameters and salt stored in `hash`, so it takes
// the same time whether the password is right or wrong. A malformed hash verifies nothing.
bool verify_password(std::string_view hash, std::string_view password);

}  // namespace inbox::relay

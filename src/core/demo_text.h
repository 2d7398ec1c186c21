// What the demo's people say and are called: names and phrases in es/pt/fr/en with accents and emoji, and a
// small seeded random generator. Shared by the seeded workspace (seed_data.h) and the live simulator of the
// demo (src/demo), so both sound the same.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace inbox::demo_text {

// splitmix64: tiny, portable, and the same sequence natively and in wasm.
class Random {
 public:
  explicit Random(uint64_t seed = 0) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  bool percent(size_t p) { return below(100) < p; }
  template <class T, size_t N>
  const T& pick(const std::array<T, N>& items) { return items[below(N)]; }

 private:
  uint64_t state_;
};

struct Language {
  const char* country_code;  // WhatsApp numbers of this language's customers start with it
  std::array<const char*, 10> first_names;
  std::array<const char*, 10> last_names;
  std::array<const char*, 8> openers;    // a customer's first message
  std::array<const char*, 6> replies;    // an agent's answer
  std::array<const char*, 4> thanks;     // a customer's answer to a reply
  const char* tag;
};

extern const std::array<Language, 4> kLanguages;

// The language of a customer from their phone (E.164); English when no country code matches.
const Language& language_of_phone(std::string_view phone);

}  // namespace inbox::demo_text

// The tests' small deterministic random source (Knuth's MMIX linear congruential generator): the same
// numbers on every platform and compiler, natively and in wasm, unlike the standard distributions.
#pragma once
#include <cstdint>

namespace inbox::test {

struct Lcg {
  uint64_t state;

  // A number in [0, bound), from the generator's high bits.
  uint64_t below(uint64_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % bound;
  }
};

}  // namespace inbox::test

// Runs a seeded randomized test: seeds 1..count, or the one in INBOX_SEED; INBOX_STEPS overrides the
// steps per seed. A failure prints the seed (CAPTURE in run_seed) so it can be replayed.
#pragma once
#include <cstdint>
#include <cstdlib>

namespace inbox::test {

template <class RunSeed>
void run_seeds(uint64_t count, int default_steps, RunSeed&& run_seed) {
  const char* seed_text = std::getenv("INBOX_SEED");
  const char* steps_text = std::getenv("INBOX_STEPS");
  const int steps = steps_text != nullptr ? std::atoi(steps_text) : default_steps;
  if (seed_text != nullptr) {
    run_seed(std::strtoull(seed_text, nullptr, 10), steps);
    return;
  }
  for (uint64_t seed = 1; seed <= count; ++seed) run_seed(seed, steps);
}

}  // namespace inbox::test

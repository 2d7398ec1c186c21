// inbox-seed: writes the demo workspace (core/seed_data.h) as inbox-replay input lines.
//   inbox-seed [--seed N] [--contacts N] [--start-ms T]    e.g. inbox-seed | inbox-replay
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "core/replay.h"
#include "core/seed_data.h"

int main(int argc, char** argv) {
  uint64_t seed = 1;
  int64_t start_ms = 1'717'000'000'000;
  inbox::DemoOptions options;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (has_value && std::strcmp(argv[i], "--seed") == 0) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (has_value && std::strcmp(argv[i], "--contacts") == 0) {
      options.contacts = std::strtoull(argv[++i], nullptr, 10);
    } else if (has_value && std::strcmp(argv[i], "--start-ms") == 0) {
      start_ms = std::strtoll(argv[++i], nullptr, 10);
    } else {
      std::cerr << "usage: inbox-seed [--seed N] [--contacts N] [--start-ms T]\n";
      return 2;
    }
  }
  std::ios::sync_with_stdio(false);
  for (const inbox::TimedCommand& step : inbox::demo_script(seed, start_ms, options)) {
    std::cout << inbox::replay_line_for(step.at_ms, step.command) << '\n';
  }
  return std::cout.good() ? 0 : 1;
}

// inbox-replay: JSON lines on stdin ({"at_ms": ..., "command": {...}}), every resulting event or error
// as a JSON line on stdout. Format in docs/domain.md; the logic is core/replay.h.
//   inbox-replay [--snapshot]    --snapshot: end with the final state as one JSON line
#include <cstring>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/json_codec.h"
#include "core/replay.h"

int main(int argc, char** argv) {
  bool snapshot = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--snapshot") == 0) {
      snapshot = true;
    } else {
      std::cerr << "usage: inbox-replay [--snapshot] < commands.jsonl > events.jsonl\n";
      return 2;
    }
  }
  std::ios::sync_with_stdio(false);
  inbox::Replay replay;
  std::string line;
  while (std::getline(std::cin, line)) {
    for (const std::string& out : inbox::replay_line(replay, line)) std::cout << out << '\n';
  }
  if (snapshot) {
    std::cout << inbox::state_to_json(replay.state).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
  }
  return std::cout.good() ? 0 : 1;
}

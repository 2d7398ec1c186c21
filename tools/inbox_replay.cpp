// inbox-replay: JSON lines on stdin ({"at_ms": ..., "command": {...}}), every resulting event or error
// as a JSON line on stdout; optionally the final state and what one user sees. Usage in
// core/replay_options.h, format in docs/domain.md; the logic is core/replay.h and core/view_report.h.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_codec.h"
#include "core/replay.h"
#include "core/replay_options.h"
#include "core/view_report.h"

int main(int argc, char** argv) {
  const inbox::Result<inbox::ReplayOptions> parsed =
      inbox::parse_replay_options(std::vector<std::string_view>(argv + 1, argv + argc));
  if (!parsed.ok()) {
    std::cerr << "inbox-replay: " << parsed.error().message << '\n' << inbox::kReplayUsage;
    return 2;
  }
  const inbox::ReplayOptions& options = parsed.value();
  std::ios::sync_with_stdio(false);
  // With --view the output waits for the end: an unknown user must leave stdout empty.
  std::string held;
  const auto emit = [&](const std::string& line) {
    if (options.view) {
      held.append(line).push_back('\n');
    } else {
      std::cout << line << '\n';
    }
  };
  inbox::Replay replay;
  std::string line;
  while (std::getline(std::cin, line)) {
    for (const std::string& out : inbox::replay_line(replay, line)) emit(out);
  }
  if (options.snapshot) {
    emit(inbox::state_to_json(replay.state).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  if (options.view) {
    const inbox::Result<inbox::UserId> viewer = inbox::find_viewer(replay.state, *options.view);
    if (!viewer.ok()) {
      std::cerr << "inbox-replay: " << viewer.error().message << '\n';
      return 2;
    }
    std::cout << held;
    const inbox::ViewReport report = inbox::view_report(replay.state, viewer.value(), options.view_list_max);
    for (const std::string& out : inbox::view_report_lines(replay.state, report)) std::cout << out << '\n';
  }
  return std::cout.good() ? 0 : 1;
}

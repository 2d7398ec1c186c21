// inbox-replay's command line, parsed as a pure function so it is tested with the core; the tool's
// main() only hands it argv.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/view_report.h"

namespace inbox {

constexpr const char* kReplayUsage =
    "usage: inbox-replay [--snapshot] [--view USER [--limit N]] < commands.jsonl > events.jsonl\n"
    "  --snapshot     end with the final state as one JSON line\n"
    "  --view USER    then what USER (an id number or an email) sees, as JSON lines\n"
    "  --limit N      conversations listed per section (default 50)\n";

struct ReplayOptions {
  bool snapshot = false;
  std::optional<std::string> view;  // the user, as given: resolved once every line has run
  size_t view_list_max = kViewListDefault;
};

// args: argv without the program name. An error's message says what is wrong, for stderr with the usage.
Result<ReplayOptions> parse_replay_options(const std::vector<std::string_view>& args);

}  // namespace inbox

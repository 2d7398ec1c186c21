// The headless driver's protocol, pure so it is tested like the rest of the core: one JSON line in
// ({"at_ms": ..., "command": {...}}), JSON lines out (each event, or one error). tools/inbox-replay
// only moves lines between stdin/stdout and this.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/commands.h"
#include "core/state.h"

namespace inbox {

struct Replay {
  State state;
  int64_t now_ms = 0;   // the last line's at_ms; a line without one runs at this time
  uint64_t line = 0;    // lines read, for error reports
};

// Blank lines and lines starting with '#' give no output. Before deciding a line, the timers due up to
// its time fire (run_due); after it, the engine dispatches what the line made possible.
std::vector<std::string> replay_line(Replay& replay, std::string_view line);

// The line replay_line() reads for a command at a time.
std::string replay_line_for(int64_t at_ms, const Command& command);

}  // namespace inbox

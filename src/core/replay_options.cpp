#include "core/replay_options.h"

#include <charconv>

namespace inbox {
namespace {

Error usage_error(std::string message) { return Error{ErrorCode::invalid_field, std::move(message)}; }

}  // namespace

Result<ReplayOptions> parse_replay_options(const std::vector<std::string_view>& args) {
  ReplayOptions options;
  bool limit_given = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--snapshot") {
      options.snapshot = true;
      continue;
    }
    if (arg != "--view" && arg != "--limit") return usage_error("Unknown option '" + std::string(arg) + "'.");
    if (i + 1 == args.size()) return usage_error(std::string(arg) + " needs a value.");
    const std::string_view value = args[++i];
    if (arg == "--view") {
      if (options.view) return usage_error("--view is given once.");
      options.view = std::string(value);
      continue;
    }
    size_t limit = 0;
    const auto parsed = std::from_chars(value.data(), value.data() + value.size(), limit);
    if (parsed.ec != std::errc() || parsed.ptr != value.data() + value.size() || limit > kViewListMax) {
      return usage_error("--limit takes a whole number from 0 to " + std::to_string(kViewListMax) + ".");
    }
    options.view_list_max = limit;
    limit_given = true;
  }
  if (limit_given && !options.view) return usage_error("--limit goes with --view.");
  return options;
}

}  // namespace inbox

#include "core/replay_options.h"

#include <doctest/doctest.h>

using namespace inbox;

TEST_CASE("replay options: none, --snapshot, --view with or without --limit, in any order") {
  const Result<ReplayOptions> none = parse_replay_options({});
  REQUIRE(none.ok());
  CHECK_FALSE(none.value().snapshot);
  CHECK_FALSE(none.value().view.has_value());
  const Result<ReplayOptions> all = parse_replay_options({"--limit", "5", "--view", "ana@example.com", "--snapshot"});
  REQUIRE(all.ok());
  CHECK(all.value().snapshot);
  CHECK(all.value().view == "ana@example.com");
  CHECK(all.value().view_list_max == 5);
  const Result<ReplayOptions> view = parse_replay_options({"--view", "3"});
  REQUIRE(view.ok());
  CHECK(view.value().view == "3");
  CHECK(view.value().view_list_max == kViewListDefault);
}

TEST_CASE("replay options: unknown options, missing values, a bad limit or a limit without a view are refused") {
  const std::vector<std::vector<std::string_view>> refused = {
      {"--snapshots"},
      {"--view"},
      {"--view", "1", "--limit"},
      {"--limit", "5"},
      {"--view", "1", "--view", "2"},
      {"--view", "1", "--limit", "-1"},
      {"--view", "1", "--limit", "5x"},
      {"--view", "1", "--limit", "100001"},
  };
  for (const auto& args : refused) {
    CHECK_FALSE(parse_replay_options(args).ok());
  }
  CHECK(parse_replay_options({"--view", "1", "--limit", "0"}).ok());
  CHECK(parse_replay_options({"--view", "1", "--limit", "100000"}).ok());
}

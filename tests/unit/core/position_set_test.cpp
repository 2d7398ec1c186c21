#include "core/position_set.h"

#include <doctest/doctest.h>

#include "lcg.h"

#include <cstdint>
#include <set>

using namespace inbox;

namespace {

// Every member, and next() from every position up to a bit past the largest, as std::set says.
void check_same(const PositionSet& positions, const std::set<uint32_t>& expected, uint32_t probe_to) {
  REQUIRE(positions.size() == expected.size());
  CHECK(positions.empty() == expected.empty());
  for (uint32_t p = 0; p <= probe_to; ++p) {
    const auto found = expected.lower_bound(p);
    const uint32_t want = found == expected.end() ? PositionSet::kNone : *found;
    if (positions.next(p) != want) {
      FAIL_CHECK("next(" << p << ") is " << positions.next(p) << ", expected " << want);
      return;
    }
    CHECK(positions.contains(p) == (expected.count(p) == 1));
  }
}

}  // namespace

TEST_CASE("position set: an empty set has no members and no next") {
  PositionSet positions;
  CHECK(positions.empty());
  CHECK_FALSE(positions.contains(0));
  CHECK(positions.first() == PositionSet::kNone);
  CHECK(positions.next(12345) == PositionSet::kNone);
  CHECK_FALSE(positions.erase(3));
}

TEST_CASE("position set: insert and erase say whether the position was there; next skips empty words") {
  PositionSet positions;
  CHECK(positions.insert(5));
  CHECK_FALSE(positions.insert(5));
  CHECK(positions.insert(70'000));  // three levels: the top added after 5 was there
  CHECK(positions.next(0) == 5);
  CHECK(positions.next(5) == 5);
  CHECK(positions.next(6) == 70'000);
  CHECK(positions.next(70'001) == PositionSet::kNone);
  CHECK(positions.next_wrapping(70'001) == 5);  // round robin comes back to the first
  CHECK(positions.erase(5));
  CHECK_FALSE(positions.erase(5));
  CHECK(positions.first() == 70'000);
  CHECK(positions.size() == 1);
  positions.clear();
  CHECK(positions.empty());
  CHECK(positions.first() == PositionSet::kNone);
}

TEST_CASE("position set: random inserts and erases over several levels match std::set") {
  PositionSet positions;
  std::set<uint32_t> expected;
  test::Lcg rng{3};
  const auto next = [&rng](uint64_t bound) { return static_cast<uint32_t>(rng.below(bound)); };
  for (int step = 0; step < 30'000; ++step) {
    // Clustered near the start, with a few far out so the set grows levels while it has members.
    const uint32_t p = step % 50 == 0 ? next(300'000) : next(5'000);
    const bool add = next(100) < (step < 15'000 ? 60u : 35u);
    if (add) CHECK(positions.insert(p) == expected.insert(p).second);
    else CHECK(positions.erase(p) == (expected.erase(p) == 1));
    if (step % 5'000 == 0) check_same(positions, expected, 6'000);
  }
  check_same(positions, expected, 300'100);

  // Equality is by members, not by how far the bitset has grown.
  PositionSet rebuilt;
  for (const uint32_t p : expected) rebuilt.insert(p);
  CHECK(rebuilt == positions);
  rebuilt.insert(400'000);
  rebuilt.erase(400'000);
  CHECK(rebuilt == positions);
  if (!expected.empty()) {
    rebuilt.erase(*expected.begin());
    CHECK(rebuilt != positions);
  }
}

#include "core/sorted_chunks.h"

#include "core/views.h"

#include <doctest/doctest.h>

#include "lcg.h"

#include <cstdint>
#include <set>
#include <vector>

using namespace inbox;

namespace {

using Key = ListKey;  // (time, id), trivially copyable like every key the chunks hold
using Small = SortedChunks<Key, 8>;  // tiny chunks, so splits and merges happen within a few keys

template <class Chunks>
void check_same(const Chunks& chunks, const std::set<Key>& expected) {
  REQUIRE(chunks.size() == expected.size());
  CHECK(chunks.empty() == expected.empty());
  CHECK(std::vector<Key>(chunks.begin(), chunks.end()) == std::vector<Key>(expected.begin(), expected.end()));
  CHECK(std::vector<Key>(chunks.rbegin(), chunks.rend()) == std::vector<Key>(expected.rbegin(), expected.rend()));
}

}  // namespace

TEST_CASE("sorted chunks: an empty set has nothing to walk or find") {
  const Small chunks;
  CHECK(chunks.size() == 0);
  CHECK(chunks.begin() == chunks.end());
  CHECK(chunks.rbegin() == chunks.rend());
  CHECK(chunks.lower_bound(Key{1, 1}) == chunks.end());
  CHECK(chunks.upper_bound(Key{1, 1}) == chunks.end());
  CHECK_FALSE(chunks.contains(Key{1, 1}));
}

TEST_CASE("sorted chunks: insert and erase report whether the key was there") {
  Small chunks;
  CHECK(chunks.insert(Key{5, 1}));
  CHECK_FALSE(chunks.insert(Key{5, 1}));
  CHECK(chunks.contains(Key{5, 1}));
  CHECK_FALSE(chunks.erase(Key{5, 2}));
  CHECK_FALSE(chunks.erase(Key{9, 0}));
  CHECK(chunks.erase(Key{5, 1}));
  CHECK_FALSE(chunks.erase(Key{5, 1}));
  CHECK(chunks.empty());
  CHECK(chunks.chunk_count() == 0);
}

TEST_CASE("sorted chunks: appends fill whole chunks; bounds find keys across chunk edges") {
  Small chunks;
  std::set<Key> expected;
  for (uint32_t i = 0; i < 100; ++i) {
    chunks.insert(Key{10 * i, i});
    expected.insert(Key{10 * i, i});
  }
  check_same(chunks, expected);
  CHECK(chunks.chunk_count() == 13);  // 100 keys, 8 per chunk
  for (int64_t probe = -5; probe < 1010; probe += 5) {
    const Key key{probe, 50};
    const auto lower = expected.lower_bound(key);
    const auto upper = expected.upper_bound(key);
    if (lower == expected.end()) CHECK(chunks.lower_bound(key) == chunks.end());
    else CHECK(*chunks.lower_bound(key) == *lower);
    if (upper == expected.end()) CHECK(chunks.upper_bound(key) == chunks.end());
    else CHECK(*chunks.upper_bound(key) == *upper);
  }
}

TEST_CASE("sorted chunks: random inserts and erases match std::set, and equality ignores the chunking") {
  Small chunks;
  std::set<Key> expected;
  test::Lcg rng{7};
  for (int step = 0; step < 20'000; ++step) {
    const Key key{static_cast<int64_t>(rng.below(300)), static_cast<uint32_t>(rng.below(4))};
    // Mostly growth early, mostly erasure late, so chunks split, drain and merge.
    const bool add = rng.below(100) < (step < 10'000 ? 70u : 30u);
    if (add) CHECK(chunks.insert(key) == expected.insert(key).second);
    else CHECK(chunks.erase(key) == (expected.erase(key) == 1));
    if (step % 997 == 0) check_same(chunks, expected);
  }
  check_same(chunks, expected);

  // The same keys inserted in order form other chunks but the same set.
  Small rebuilt;
  for (const Key& key : expected) rebuilt.insert(key);
  CHECK(rebuilt == chunks);
  if (!expected.empty()) {
    rebuilt.erase(*expected.begin());
    CHECK(rebuilt != chunks);
  }

  const Small copy = chunks;
  CHECK(copy == chunks);
  check_same(copy, expected);
}

TEST_CASE("sorted chunks: draining the front (conversations moving to the newest end) keeps chunks few") {
  Small chunks;
  for (uint32_t i = 0; i < 64; ++i) chunks.insert(Key{i, i});
  for (uint32_t i = 0; i < 640; ++i) {
    CHECK(chunks.erase(Key{i, i}));
    CHECK(chunks.insert(Key{64 + i, 64 + i}));
  }
  CHECK(chunks.size() == 64);
  CHECK(chunks.chunk_count() <= 9);
  CHECK(chunks.begin()->at_ms == 640);
  CHECK(chunks.rbegin()->at_ms == 703);
}

TEST_CASE("sorted chunks: keys taken and added at both ends, and between, in every mix, match std::set") {
  Small chunks;
  std::set<Key> expected;
  test::Lcg rng{11};
  int64_t low = 0, high = 0;  // keys below low and above high are new ends
  for (int step = 0; step < 20'000; ++step) {
    const uint64_t what = rng.below(6);
    Key key;
    if (what == 0) key = Key{--low, 0};                                        // before the first
    else if (what == 1) key = Key{++high, 0};                                  // after the last
    else if (what == 2 && !expected.empty()) key = *expected.begin();          // the first, taken
    else if (what == 3 && !expected.empty()) key = *expected.rbegin();         // the last, taken
    else key = Key{low + static_cast<int64_t>(rng.below(static_cast<uint64_t>(high - low + 1))), 1};  // between
    const bool add = what == 0 || what == 1 || (what >= 4 && rng.below(2) == 0);
    if (add) CHECK(chunks.insert(key) == expected.insert(key).second);
    else CHECK(chunks.erase(key) == (expected.erase(key) == 1));
    if (step % 499 == 0) check_same(chunks, expected);
  }
  check_same(chunks, expected);
  const Small copy = chunks;
  check_same(copy, expected);
  Small assigned;
  assigned.insert(Key{1, 1});
  assigned = copy;
  CHECK(assigned == chunks);
}

TEST_CASE("sorted chunks: a queue (taken at the front, added at the back) stays in few chunks") {
  Small chunks;
  std::set<Key> expected;
  for (uint32_t i = 0; i < 20; ++i) {
    chunks.insert(Key{i, i});
    expected.insert(Key{i, i});
  }
  for (uint32_t i = 0; i < 1000; ++i) {
    CHECK(chunks.erase(Key{i, i}));
    expected.erase(Key{i, i});
    CHECK(chunks.insert(Key{20 + i, 20 + i}));
    expected.insert(Key{20 + i, 20 + i});
  }
  check_same(chunks, expected);
  CHECK(chunks.chunk_count() <= 4);  // 20 keys, 8 per chunk, chunks at least a quarter full
}

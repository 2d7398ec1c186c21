// A set of small integers (a team's member positions) as a hierarchical bitset: level 0 has a bit per
// position, each level above a bit per non-zero word of the level below. Membership, insert and erase are
// a bit operation per level; the first member at or after a position (round robin's next ready agent) is
// found by climbing to the first level with a set bit to the right, then descending: O(log64 n) words.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace inbox {

class PositionSet {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  bool contains(uint32_t position) const {
    const size_t word = position >> 6;
    return !levels_.empty() && word < levels_[0].size() && ((levels_[0][word] >> (position & 63)) & 1) != 0;
  }

  // False when it was already there.
  bool insert(uint32_t position) {
    if (contains(position)) return false;
    if (levels_.empty() || (position >> 6) >= levels_[0].size()) grow(position);
    uint64_t at = position;
    for (std::vector<uint64_t>& level : levels_) {
      uint64_t& word = level[at >> 6];
      const bool was_empty = word == 0;
      word |= uint64_t{1} << (at & 63);
      if (!was_empty) break;
      at >>= 6;
    }
    ++size_;
    return true;
  }

  // False when it was not there.
  bool erase(uint32_t position) {
    if (!contains(position)) return false;
    uint64_t at = position;
    for (std::vector<uint64_t>& level : levels_) {
      uint64_t& word = level[at >> 6];
      word &= ~(uint64_t{1} << (at & 63));
      if (word != 0) break;
      at >>= 6;
    }
    --size_;
    return true;
  }

  // The smallest member not less than `position`; kNone when there is none.
  uint32_t next(uint32_t position) const {
    uint64_t at = position;
    size_t level = 0;
    for (;; ++level, at = (at >> 6) + 1) {
      if (level == levels_.size()) return kNone;
      const std::vector<uint64_t>& words = levels_[level];
      if ((at >> 6) >= words.size()) return kNone;
      const uint64_t rest = words[at >> 6] & (~uint64_t{0} << (at & 63));
      if (rest != 0) {
        at = (at & ~uint64_t{63}) | static_cast<uint64_t>(__builtin_ctzll(rest));
        break;
      }
    }
    while (level-- > 0) at = (at << 6) | static_cast<uint64_t>(__builtin_ctzll(levels_[level][at]));
    return static_cast<uint32_t>(at);
  }
  uint32_t first() const { return next(0); }
  // next(position), wrapping around to the first; kNone only when empty.
  uint32_t next_wrapping(uint32_t position) const {
    const uint32_t found = next(position);
    return found != kNone ? found : first();
  }

  void clear() {
    levels_.clear();
    size_ = 0;
  }

  // The same members, however far each has grown.
  friend bool operator==(const PositionSet& a, const PositionSet& b) {
    if (a.size_ != b.size_) return false;
    for (uint32_t p = a.first(); p != kNone; p = a.next(p + 1)) {
      if (!b.contains(p)) return false;
    }
    return true;
  }
  friend bool operator!=(const PositionSet& a, const PositionSet& b) { return !(a == b); }

 private:
  // Room for `position` at every level, with one word at the top. A level added on top starts with the
  // bits of the non-zero words below it.
  void grow(uint32_t position) {
    size_t words = (static_cast<size_t>(position) >> 6) + 1;
    for (size_t level = 0;; ++level) {
      if (level == levels_.size()) {
        levels_.emplace_back(words, 0);
        if (level > 0) {
          const std::vector<uint64_t>& below = levels_[level - 1];
          for (size_t w = 0; w < below.size(); ++w) {
            if (below[w] != 0) levels_[level][w >> 6] |= uint64_t{1} << (w & 63);
          }
        }
      }
      if (levels_[level].size() < words) levels_[level].resize(words, 0);
      if (words == 1 && level + 1 >= levels_.size()) break;
      words = ((levels_[level].size() - 1) >> 6) + 1;
    }
  }

  std::vector<std::vector<uint64_t>> levels_;  // [0]: a bit per position; [k + 1]: a bit per word of [k]
  size_t size_ = 0;
};

}  // namespace inbox

// An ordered set kept as a sequence of small sorted arrays ("chunks") plus a contiguous array of each chunk's
// largest key: the views' sorted lists over a million conversations. A red-black tree costs a cache miss per
// level (20 at 1M); here a lookup is a binary search over the contiguous maxima, then within one chunk, and
// inserting at the end (a new message makes its conversation the newest) is an append.
//
// Invariants: no chunk is empty; keys ascend within a chunk and across chunks; maxima[i] == chunks[i].back().
// Equality compares the keys, not how they are split into chunks (that depends on the order of changes).
#pragma once
#include <algorithm>
#include <cstddef>
#include <iterator>
#include <vector>

namespace inbox {

template <class Key, size_t kChunkMax = 128>
class SortedChunks {
  static_assert(kChunkMax >= 8, "chunks split in halves and merge below a quarter");

 public:
  class const_iterator {
   public:
    using iterator_category = std::bidirectional_iterator_tag;
    using value_type = Key;
    using difference_type = std::ptrdiff_t;
    using pointer = const Key*;
    using reference = const Key&;

    const_iterator() = default;
    reference operator*() const { return (*chunks_)[chunk_][pos_]; }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      if (++pos_ == (*chunks_)[chunk_].size()) {
        ++chunk_;
        pos_ = 0;
      }
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++*this;
      return before;
    }
    const_iterator& operator--() {
      if (pos_ == 0) {
        --chunk_;
        pos_ = (*chunks_)[chunk_].size() - 1;
      } else {
        --pos_;
      }
      return *this;
    }
    const_iterator operator--(int) {
      const_iterator before = *this;
      --*this;
      return before;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.chunk_ == b.chunk_ && a.pos_ == b.pos_;
    }
    friend bool operator!=(const const_iterator& a, const const_iterator& b) { return !(a == b); }

   private:
    friend class SortedChunks;
    const_iterator(const std::vector<std::vector<Key>>* chunks, size_t chunk, size_t pos)
        : chunks_(chunks), chunk_(chunk), pos_(pos) {}
    const std::vector<std::vector<Key>>* chunks_ = nullptr;
    size_t chunk_ = 0;  // chunks_->size(): end
    size_t pos_ = 0;
  };
  using iterator = const_iterator;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;
  using value_type = Key;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t chunk_count() const { return chunks_.size(); }

  const_iterator begin() const { return const_iterator(&chunks_, 0, 0); }
  const_iterator end() const { return const_iterator(&chunks_, chunks_.size(), 0); }
  const_reverse_iterator rbegin() const { return const_reverse_iterator(end()); }
  const_reverse_iterator rend() const { return const_reverse_iterator(begin()); }

  // The first key not less than / greater than `key`.
  const_iterator lower_bound(const Key& key) const {
    const size_t c = chunk_for(key);
    if (c == chunks_.size()) return end();
    const std::vector<Key>& chunk = chunks_[c];
    return const_iterator(&chunks_, c, static_cast<size_t>(std::lower_bound(chunk.begin(), chunk.end(), key) - chunk.begin()));
  }
  const_iterator upper_bound(const Key& key) const {
    const size_t c = static_cast<size_t>(std::upper_bound(maxima_.begin(), maxima_.end(), key) - maxima_.begin());
    if (c == chunks_.size()) return end();
    const std::vector<Key>& chunk = chunks_[c];
    return const_iterator(&chunks_, c, static_cast<size_t>(std::upper_bound(chunk.begin(), chunk.end(), key) - chunk.begin()));
  }
  bool contains(const Key& key) const {
    const const_iterator found = lower_bound(key);
    return found != end() && !(key < *found);
  }

  // False when the key was already there.
  bool insert(const Key& key) {
    size_t c = chunk_for(key);
    if (c == chunks_.size()) {
      // Beyond every key: append, opening a new chunk when the last is full (appends leave chunks full).
      if (chunks_.empty() || chunks_.back().size() == kChunkMax) {
        chunks_.emplace_back().reserve(kChunkMax);
        maxima_.push_back(key);
      }
      chunks_.back().push_back(key);
      maxima_.back() = key;
      ++size_;
      return true;
    }
    std::vector<Key>* chunk = &chunks_[c];
    auto at = std::lower_bound(chunk->begin(), chunk->end(), key);
    if (!(key < *at)) return false;  // c was chosen so that *at exists
    if (chunk->size() == kChunkMax) {
      split(c);
      if (maxima_[c] < key) ++c;
      chunk = &chunks_[c];
      at = std::lower_bound(chunk->begin(), chunk->end(), key);
    }
    chunk->insert(at, key);
    ++size_;
    return true;
  }

  // False when the key was not there.
  bool erase(const Key& key) {
    const size_t c = chunk_for(key);
    if (c == chunks_.size()) return false;
    std::vector<Key>& chunk = chunks_[c];
    const auto at = std::lower_bound(chunk.begin(), chunk.end(), key);
    if (key < *at) return false;
    chunk.erase(at);
    --size_;
    if (chunk.empty()) {
      chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(c));
      maxima_.erase(maxima_.begin() + static_cast<std::ptrdiff_t>(c));
      return true;
    }
    maxima_[c] = chunk.back();
    if (chunk.size() < kChunkMax / 4) merge_small(c);
    return true;
  }

  void clear() {
    chunks_.clear();
    maxima_.clear();
    size_ = 0;
  }

  friend bool operator==(const SortedChunks& a, const SortedChunks& b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }
  friend bool operator!=(const SortedChunks& a, const SortedChunks& b) { return !(a == b); }

 private:
  // The chunk whose range holds `key`: the first with a maximum not less than it (size(): beyond them all).
  size_t chunk_for(const Key& key) const {
    // The common cases first: a key beyond them all (an append) or in the first chunk (a queue's head).
    if (maxima_.empty() || maxima_.back() < key) return maxima_.size();
    if (!(maxima_.front() < key)) return 0;
    return static_cast<size_t>(std::lower_bound(maxima_.begin(), maxima_.end(), key) - maxima_.begin());
  }

  void split(size_t c) {
    std::vector<Key> upper;
    upper.reserve(kChunkMax);
    std::vector<Key>& lower = chunks_[c];
    const auto middle = lower.begin() + static_cast<std::ptrdiff_t>(lower.size() / 2);
    upper.assign(middle, lower.end());
    lower.erase(middle, lower.end());
    const Key upper_max = upper.back();
    maxima_[c] = lower.back();
    chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(c + 1), std::move(upper));
    maxima_.insert(maxima_.begin() + static_cast<std::ptrdiff_t>(c + 1), upper_max);
  }

  // A chunk under a quarter full joins a neighbour when both fit in half a chunk, so chunks stay at least
  // a quarter full on average and the maxima stay few.
  void merge_small(size_t c) {
    const size_t half = kChunkMax / 2;
    size_t left = chunks_.size();
    if (c + 1 < chunks_.size() && chunks_[c].size() + chunks_[c + 1].size() <= half) left = c;
    else if (c > 0 && chunks_[c - 1].size() + chunks_[c].size() <= half) left = c - 1;
    if (left == chunks_.size()) return;
    std::vector<Key>& into = chunks_[left];
    std::vector<Key>& from = chunks_[left + 1];
    into.insert(into.end(), from.begin(), from.end());
    maxima_[left] = into.back();
    chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(left + 1));
    maxima_.erase(maxima_.begin() + static_cast<std::ptrdiff_t>(left + 1));
  }

  std::vector<std::vector<Key>> chunks_;
  std::vector<Key> maxima_;  // maxima_[i] == chunks_[i].back(), contiguous for the binary search
  size_t size_ = 0;
};

}  // namespace inbox

// An ordered set kept as a sequence of small sorted arrays ("chunks") plus a contiguous array of each chunk's
// largest key: the views' sorted lists over a million conversations, the engine's queues and ready sets. A
// red-black tree costs a cache miss per level (20 at 1M); here a lookup is a binary search over the
// contiguous maxima, then within one chunk.
//
// A chunk keeps room at both ends, so the common changes move few keys: appending (a new message makes its
// conversation the newest) and erasing the front (a queue's head taken, an agent leaving the head of the
// least-busy order) move none, and a change elsewhere moves the keys on the nearer side only.
//
// Invariants: no chunk is empty; keys ascend within a chunk and across chunks; maxima[i] is chunk i's last
// key and largest_ the last chunk's (when not empty).
// Equality compares the keys, not how they are split into chunks (that depends on the order of changes).
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <type_traits>
#include <vector>

namespace inbox {

// Aligned to a cache line, with the fields an append reads first: that decision costs one line of this
// object, not two (a Mine list of a user the engine has not touched for a while is cold).
template <class Key, size_t kChunkMax = 128>
class alignas(64) SortedChunks {
  static_assert(kChunkMax >= 8, "chunks split in halves and merge below a quarter");
  static_assert(std::is_trivially_copyable_v<Key>, "keys move within a chunk by memmove");

  // A chunk's keys are keys[begin, end) of a fixed array of kChunkMax, with free slots on both sides. The
  // bounds sit next to the pointer in the contiguous chunk table, so reaching a key costs the table's line
  // and the key's line, as with a std::vector.
  struct Chunk {
    std::unique_ptr<Key[]> keys;
    uint32_t begin = 0;
    uint32_t end = 0;

    static Chunk make() { return Chunk{std::make_unique<Key[]>(kChunkMax), 0, 0}; }
    Chunk copy() const {
      Chunk out = make();
      std::memcpy(out.keys.get(), keys.get(), kChunkMax * sizeof(Key));
      out.begin = begin;
      out.end = end;
      return out;
    }
    size_t size() const { return end - begin; }
    const Key* first() const { return keys.get() + begin; }
    const Key* last() const { return keys.get() + end; }
    Key* first() { return keys.get() + begin; }
    Key* last() { return keys.get() + end; }
  };
  using Chunks = std::vector<Chunk>;

 public:
  class const_iterator {
   public:
    using iterator_category = std::bidirectional_iterator_tag;
    using value_type = Key;
    using difference_type = std::ptrdiff_t;
    using pointer = const Key*;
    using reference = const Key&;

    const_iterator() = default;
    reference operator*() const { return (*chunks_)[chunk_].first()[pos_]; }
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
    const_iterator(const Chunks* chunks, size_t chunk, size_t pos) : chunks_(chunks), chunk_(chunk), pos_(pos) {}
    const Chunks* chunks_ = nullptr;
    size_t chunk_ = 0;  // chunks_->size(): end
    size_t pos_ = 0;    // from the chunk's first key
  };
  using iterator = const_iterator;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;
  using value_type = Key;

  SortedChunks() = default;
  SortedChunks(const SortedChunks& other) : largest_(other.largest_), size_(other.size_), maxima_(other.maxima_) {
    copy_chunks(other);
  }
  SortedChunks& operator=(const SortedChunks& other) {
    if (this != &other) {
      maxima_ = other.maxima_;
      largest_ = other.largest_;
      size_ = other.size_;
      copy_chunks(other);
    }
    return *this;
  }
  SortedChunks(SortedChunks&&) noexcept = default;
  SortedChunks& operator=(SortedChunks&&) noexcept = default;

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
    const Chunk& chunk = chunks_[c];
    return const_iterator(&chunks_, c, static_cast<size_t>(seek(chunk, key) - chunk.first()));
  }
  const_iterator upper_bound(const Key& key) const {
    const size_t c = static_cast<size_t>(std::upper_bound(maxima_.begin(), maxima_.end(), key) - maxima_.begin());
    if (c == chunks_.size()) return end();
    const Chunk& chunk = chunks_[c];
    return const_iterator(&chunks_, c, static_cast<size_t>(std::upper_bound(chunk.first(), chunk.last(), key) - chunk.first()));
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
        chunks_.push_back(Chunk::make());
        maxima_.push_back(key);
      }
      Chunk& last = chunks_.back();
      if (last.end == kChunkMax) slide_to_front(last);
      last.keys[last.end++] = key;
      maxima_.back() = key;
      largest_ = key;
      ++size_;
      return true;
    }
    Chunk* chunk = &chunks_[c];
    if (!(key < *seek(*chunk, key))) return false;  // c was chosen so that the key sought exists
    if (chunk->size() == kChunkMax) {
      split(c);
      if (maxima_[c] < key) ++c;
      chunk = &chunks_[c];
    }
    insert_into(*chunk, key);
    ++size_;
    return true;
  }

  // False when the key was not there.
  bool erase(const Key& key) {
    const size_t c = chunk_for(key);
    if (c == chunks_.size()) return false;
    const bool in_last = c + 1 == chunks_.size();
    Chunk& chunk = chunks_[c];
    Key* at = seek(chunk, key);
    if (key < *at) return false;
    // Close the gap from the nearer side.
    const size_t before = static_cast<size_t>(at - chunk.first());
    const size_t after = static_cast<size_t>(chunk.last() - at) - 1;
    if (before < after) {
      std::memmove(chunk.first() + 1, chunk.first(), before * sizeof(Key));
      ++chunk.begin;
    } else {
      std::memmove(at, at + 1, after * sizeof(Key));
      --chunk.end;
    }
    --size_;
    if (chunk.size() == 0) {
      chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(c));
      maxima_.erase(maxima_.begin() + static_cast<std::ptrdiff_t>(c));
    } else {
      maxima_[c] = chunk.last()[-1];
      if (chunk.size() < kChunkMax / 4) merge_small(c);
    }
    if (in_last) largest_ = maxima_.empty() ? Key{} : maxima_.back();
    return true;
  }

  void clear() {
    chunks_.clear();
    maxima_.clear();
    largest_ = Key{};
    size_ = 0;
  }

  // Asks for the memory an append will touch (the last chunk's table entry and maximum), when this object
  // itself is already in cache. A hint: no effect on the set.
  [[gnu::always_inline]] void prefetch_append() const {
    if (chunks_.empty()) return;
    __builtin_prefetch(&chunks_.back(), 1);
    __builtin_prefetch(&maxima_.back(), 1);
  }

  friend bool operator==(const SortedChunks& a, const SortedChunks& b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }
  friend bool operator!=(const SortedChunks& a, const SortedChunks& b) { return !(a == b); }

 private:
  // The chunk whose range holds `key`: the first with a maximum not less than it (size(): beyond them all).
  size_t chunk_for(const Key& key) const {
    // The common cases first: a key beyond them all (an append) or in the first chunk (a queue's head).
    if (size_ == 0 || largest_ < key) return maxima_.size();
    if (!(maxima_.front() < key)) return 0;
    return static_cast<size_t>(std::lower_bound(maxima_.begin(), maxima_.end(), key) - maxima_.begin());
  }

  // The first key of a non-empty chunk not less than `key`. The first key is tried first: a queue's head,
  // the front of the least-busy order and a list's oldest are where most erases happen.
  static const Key* seek(const Chunk& chunk, const Key& key) {
    const Key* first = chunk.first();
    if (!(*first < key)) return first;
    return std::lower_bound(first + 1, chunk.last(), key);
  }
  static Key* seek(Chunk& chunk, const Key& key) {
    return const_cast<Key*>(seek(static_cast<const Chunk&>(chunk), key));
  }

  // Moves the keys to the start of the chunk: room at the back again, for `begin` more appends.
  static void slide_to_front(Chunk& chunk) {
    const size_t size = chunk.size();
    std::memmove(chunk.keys.get(), chunk.first(), size * sizeof(Key));
    chunk.begin = 0;
    chunk.end = static_cast<uint32_t>(size);
  }

  // Into a chunk with room that the key belongs in, below its last key (so its maximum stays).
  static void insert_into(Chunk& chunk, const Key& key) {
    if (chunk.end == kChunkMax) slide_to_front(chunk);
    Key* at = seek(chunk, key);
    const size_t before = static_cast<size_t>(at - chunk.first());
    const size_t after = static_cast<size_t>(chunk.last() - at);
    if (chunk.begin > 0 && before < after) {
      std::memmove(chunk.first() - 1, chunk.first(), before * sizeof(Key));
      --chunk.begin;
      chunk.first()[before] = key;
    } else {
      std::memmove(at + 1, at, after * sizeof(Key));
      *at = key;
      ++chunk.end;
    }
  }

  void split(size_t c) {
    Chunk upper = Chunk::make();
    Chunk& lower = chunks_[c];
    const size_t half = lower.size() / 2;
    const size_t upper_size = lower.size() - half;
    std::memcpy(upper.keys.get(), lower.first() + half, upper_size * sizeof(Key));
    upper.end = static_cast<uint32_t>(upper_size);
    lower.end = static_cast<uint32_t>(lower.begin + half);
    const Key upper_max = upper.last()[-1];
    maxima_[c] = lower.last()[-1];
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
    Chunk& into = chunks_[left];
    const Chunk& from = chunks_[left + 1];
    if (into.end + from.size() > kChunkMax) slide_to_front(into);
    std::memcpy(into.last(), from.first(), from.size() * sizeof(Key));
    into.end += static_cast<uint32_t>(from.size());
    maxima_[left] = into.last()[-1];
    chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(left + 1));
    maxima_.erase(maxima_.begin() + static_cast<std::ptrdiff_t>(left + 1));
  }

  void copy_chunks(const SortedChunks& other) {
    chunks_.clear();
    chunks_.reserve(other.chunks_.size());
    for (const Chunk& chunk : other.chunks_) chunks_.push_back(chunk.copy());
  }

  // maxima_.back(), kept here too: an append, the commonest change, decides on this object's own line
  // instead of waiting for the maxima's.
  Key largest_{};
  size_t size_ = 0;
  Chunks chunks_;
  std::vector<Key> maxima_;  // maxima_[i] == chunk i's last key, contiguous for the binary search
};

}  // namespace inbox

// A vector of at most N items kept inside the object: the explanation of a decision lists a bounded number
// of candidates and skipped members, and a decision should not cost heap allocations for them. Serialized
// like a std::vector (count, then items); decoding more than N items is an error, never a truncation.
#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>

#include "core/check.h"

namespace inbox {

template <class T, size_t N>
class InlineVector {
 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  InlineVector() = default;
  InlineVector(std::initializer_list<T> items) {
    INBOX_ASSERT(items.size() <= N, "an inline vector holds at most its capacity");
    std::copy(items.begin(), items.end(), items_.begin());
    size_ = items.size();
  }

  static constexpr size_t capacity() { return N; }
  static constexpr size_t max_size() { return N; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  bool full() const { return size_ == N; }

  T* begin() { return items_.data(); }
  T* end() { return items_.data() + size_; }
  const T* begin() const { return items_.data(); }
  const T* end() const { return items_.data() + size_; }
  T& operator[](size_t i) { return items_[i]; }
  const T& operator[](size_t i) const { return items_[i]; }
  const T& at(size_t i) const {
    INBOX_ASSERT(i < size_, "index within the inline vector");
    return items_[i];
  }
  T& front() { return items_[0]; }
  const T& front() const { return items_[0]; }
  T& back() { return items_[size_ - 1]; }
  const T& back() const { return items_[size_ - 1]; }

  void push_back(const T& item) {
    INBOX_ASSERT(size_ < N, "an inline vector holds at most its capacity");
    items_[size_++] = item;
  }
  void clear() { size_ = 0; }
  // Callers check n against max_size() first (the codecs refuse longer input).
  void resize(size_t n) {
    INBOX_ASSERT(n <= N, "an inline vector holds at most its capacity");
    for (size_t i = size_; i < n; ++i) items_[i] = T();
    size_ = n;
  }

  friend bool operator==(const InlineVector& a, const InlineVector& b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }
  friend bool operator!=(const InlineVector& a, const InlineVector& b) { return !(a == b); }

 private:
  std::array<T, N> items_{};
  size_t size_ = 0;
};

}  // namespace inbox

// Field lists and enum names: each plain struct names its fields once, as member pointers in a static
// fields(visitor); equality, the JSON codec and state snapshots are written once over these lists, and
// classify the other field types with the traits below.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/ids.h"
#include "core/inline_vector.h"

namespace inbox {

namespace detail {
struct IgnoreField {
  template <class Member>
  void operator()(const char*, Member) const {}
};
}  // namespace detail

template <class T, class = void>
struct is_reflected : std::false_type {};
template <class T>
struct is_reflected<T, std::void_t<decltype(T::fields(detail::IgnoreField{}))>> : std::true_type {};
template <class T>
constexpr bool is_reflected_v = is_reflected<T>::value;

template <class T, std::enable_if_t<is_reflected_v<T>, int> = 0>
bool operator==(const T& a, const T& b) {
  bool equal = true;
  T::fields([&](const char*, auto member) { equal = equal && a.*member == b.*member; });
  return equal;
}

template <class T, std::enable_if_t<is_reflected_v<T>, int> = 0>
bool operator!=(const T& a, const T& b) {
  return !(a == b);
}

// The shapes of field types the codecs tell apart. An InlineVector is a vector to them: the same wire form.
template <class T>
struct is_id : std::false_type {};
template <class Tag>
struct is_id<Id<Tag>> : std::true_type {};
template <class T>
constexpr bool is_id_v = is_id<T>::value;

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T, size_t N>
struct is_vector<InlineVector<T, N>> : std::true_type {};
template <class T>
constexpr bool is_vector_v = is_vector<T>::value;

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
constexpr bool is_optional_v = is_optional<T>::value;

// For the static_assert in a codec's last `else`: false, but only once that branch is instantiated.
template <class T>
constexpr bool always_false_v = false;

// Specialize with `static constexpr std::array<const char*, N> names` in enum order: the names are the
// stable wire form (JSON, error codes), so entries are only ever appended.
template <class E>
struct EnumNames;

template <class E>
constexpr const char* enum_name(E value) {
  return EnumNames<E>::names[static_cast<size_t>(value)];
}

template <class E>
bool enum_from_name(std::string_view name, E& out) {
  const auto& names = EnumNames<E>::names;
  for (size_t i = 0; i < names.size(); ++i) {
    if (name == names[i]) {
      out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}

}  // namespace inbox

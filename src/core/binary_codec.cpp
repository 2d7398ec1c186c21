#include "core/binary_codec.h"

#include <cstring>
#include <limits>
#include <type_traits>

namespace inbox {
namespace {

constexpr char kMagic[4] = {'I', 'N', 'B', 'S'};
constexpr uint32_t kFormatVersion = 1;

// --- layout fingerprint: FNV-1a over field names and type shapes ------------------------------------------

struct Fingerprint {
  uint64_t hash = 1469598103934665603ULL;
  void add(std::string_view text) {
    for (char ch : text) hash = (hash ^ static_cast<unsigned char>(ch)) * 1099511628211ULL;
    hash = (hash ^ 0xFF) * 1099511628211ULL;  // separator: "ab","c" differs from "a","bc"
  }
};

template <class T>
void describe(Fingerprint& print) {
  if constexpr (is_reflected_v<T>) {
    print.add("{");
    T::fields([&](const char* name, auto member) {
      using Member = decltype(member);
      using Field = std::remove_reference_t<decltype(std::declval<T&>().*member)>;
      if constexpr (!(std::is_same_v<T, State> && is_derived_index_v<Member>)) {
        print.add(name);
        describe<Field>(print);
      }
    });
    print.add("}");
  } else if constexpr (std::is_enum_v<T>) {
    print.add("enum");
    for (const char* name : EnumNames<T>::names) print.add(name);
  } else if constexpr (is_id_v<T>) {
    print.add("id");
  } else if constexpr (is_vector_v<T>) {
    print.add("vector");
    describe<typename T::value_type>(print);
  } else if constexpr (is_optional_v<T>) {
    print.add("optional");
    describe<typename T::value_type>(print);
  } else if constexpr (std::is_same_v<T, std::string>) {
    print.add("string");
  } else if constexpr (std::is_same_v<T, bool>) {
    print.add("bool");
  } else if constexpr (std::is_integral_v<T>) {
    print.add(std::is_signed_v<T> ? "int" : "uint");
    print.add(std::string(1, static_cast<char>('0' + sizeof(T))));
  } else {
    static_assert(always_false_v<T>, "no binary form for this type");
  }
}

uint64_t checksum(std::string_view bytes) {
  Fingerprint print;
  print.add(bytes);
  return print.hash;
}

uint64_t layout_fingerprint() {
  static const uint64_t value = [] {
    Fingerprint print;
    describe<State>(print);
    return print.hash;
  }();
  return value;
}

// --- writing: LEB128 varints, zigzag for signed values ---------------------------------------------------

struct Writer {
  std::string out;
  void varint(uint64_t value) {
    while (value >= 0x80) {
      out.push_back(static_cast<char>((value & 0x7F) | 0x80));
      value >>= 7;
    }
    out.push_back(static_cast<char>(value));
  }
  void fixed64(uint64_t value) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
  }
};

template <class T>
void write(Writer& w, const T& value) {
  if constexpr (is_reflected_v<T>) {
    T::fields([&](const char*, auto member) {
      if constexpr (!(std::is_same_v<T, State> && is_derived_index_v<decltype(member)>)) write(w, value.*member);
    });
  } else if constexpr (std::is_enum_v<T>) {
    w.varint(static_cast<uint64_t>(value));
  } else if constexpr (is_id_v<T>) {
    w.varint(value.valid() ? uint64_t{value.value} + 1 : 0);  // none is the common case: one byte
  } else if constexpr (is_vector_v<T>) {
    w.varint(value.size());
    for (const auto& item : value) write(w, item);
  } else if constexpr (is_optional_v<T>) {
    w.varint(value ? 1 : 0);
    if (value) write(w, *value);
  } else if constexpr (std::is_same_v<T, std::string>) {
    w.varint(value.size());
    w.out.append(value);
  } else if constexpr (std::is_same_v<T, bool>) {
    w.varint(value ? 1 : 0);
  } else if constexpr (std::is_signed_v<T>) {
    const auto v = static_cast<int64_t>(value);
    w.varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  } else {
    w.varint(static_cast<uint64_t>(value));
  }
}

// --- reading: every count and length is checked against the bytes left ------------------------------------

struct Corrupt {};

struct Reader {
  std::string_view in;
  size_t at = 0;
  uint64_t varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at >= in.size()) throw Corrupt{};
      const auto byte = static_cast<unsigned char>(in[at++]);
      value |= uint64_t{byte & 0x7Fu} << shift;
      if ((byte & 0x80) == 0) return value;
    }
    throw Corrupt{};
  }
  uint64_t fixed64() {
    if (in.size() - at < 8) throw Corrupt{};
    uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value |= uint64_t{static_cast<unsigned char>(in[at++])} << (8 * i);
    return value;
  }
  // A count of items each taking at least one byte can never exceed what is left.
  size_t count() {
    const uint64_t n = varint();
    if (n > in.size() - at) throw Corrupt{};
    return static_cast<size_t>(n);
  }
};

template <class T>
void read(Reader& r, T& value) {
  if constexpr (is_reflected_v<T>) {
    T::fields([&](const char*, auto member) {
      if constexpr (!(std::is_same_v<T, State> && is_derived_index_v<decltype(member)>)) read(r, value.*member);
    });
  } else if constexpr (std::is_enum_v<T>) {
    const uint64_t index = r.varint();
    if (index >= EnumNames<T>::names.size()) throw Corrupt{};
    value = static_cast<T>(index);
  } else if constexpr (is_id_v<T>) {
    const uint64_t raw = r.varint();
    if (raw > T::kNone) throw Corrupt{};
    value = raw == 0 ? T() : T(static_cast<uint32_t>(raw - 1));
  } else if constexpr (is_vector_v<T>) {
    value.clear();
    const size_t count = r.count();
    if (count > value.max_size()) throw Corrupt{};
    value.resize(count);
    for (auto& item : value) read(r, item);
  } else if constexpr (is_optional_v<T>) {
    const uint64_t present = r.varint();
    if (present > 1) throw Corrupt{};
    value.reset();
    if (present == 1) read(r, value.emplace());
  } else if constexpr (std::is_same_v<T, std::string>) {
    const size_t size = r.count();
    value.assign(r.in.substr(r.at, size));
    r.at += size;
  } else if constexpr (std::is_same_v<T, bool>) {
    const uint64_t raw = r.varint();
    if (raw > 1) throw Corrupt{};
    value = raw == 1;
  } else if constexpr (std::is_signed_v<T>) {
    const uint64_t raw = r.varint();
    const auto v = static_cast<int64_t>((raw >> 1) ^ (~(raw & 1) + 1));
    if (v < static_cast<int64_t>(std::numeric_limits<T>::min()) || v > static_cast<int64_t>(std::numeric_limits<T>::max())) {
      throw Corrupt{};
    }
    value = static_cast<T>(v);
  } else {
    const uint64_t raw = r.varint();
    if (raw > static_cast<uint64_t>(std::numeric_limits<T>::max())) throw Corrupt{};
    value = static_cast<T>(raw);
  }
}

Error snapshot_error(std::string message) { return Error{ErrorCode::invalid_json, std::move(message)}; }

// --- references: a decoded state is only trusted once every id and index in it names something -----------
// The checksum catches damaged storage, not a snapshot written (or edited) with ids that point nowhere:
// rebuilding the indexes of such a state would read past the end of its vectors.

size_t count_of(const State& s, UserId) { return s.users.size(); }
size_t count_of(const State& s, TeamId) { return s.teams.size(); }
size_t count_of(const State& s, ContactId) { return s.contacts.size(); }
size_t count_of(const State& s, ChannelId) { return s.channels.size(); }
size_t count_of(const State& s, ConversationId) { return s.conversations.size(); }
size_t count_of(const State& s, MessageId) { return s.messages.size(); }
size_t count_of(const State& s, ClosingReasonId) { return s.closing_reasons.size(); }
size_t count_of(const State& s, TagId) { return s.tags.size(); }
// (No field of the state holds a CampaignId yet: the first one needs a count_of here, or this does not compile.)

// Every id anywhere in `value` is none or names an entity of the state; ids in lists are never none.
template <class T>
bool ids_exist(const State& state, const T& value) {
  if constexpr (is_reflected_v<T>) {
    bool ok = true;
    T::fields([&](const char*, auto member) {
      if constexpr (!(std::is_same_v<T, State> && is_derived_index_v<decltype(member)>)) {
        ok = ok && ids_exist(state, value.*member);
      }
    });
    return ok;
  } else if constexpr (is_id_v<T>) {
    return !value.valid() || value.index() < count_of(state, value);
  } else if constexpr (is_vector_v<T>) {
    for (const auto& item : value) {
      if constexpr (is_id_v<typename T::value_type>) {
        if (!item.valid()) return false;  // a list of ids (team members, tags...) never holds none
      }
      if (!ids_exist(state, item)) return false;
    }
    return true;
  } else if constexpr (is_optional_v<T>) {
    return !value || ids_exist(state, *value);
  } else {
    return true;
  }
}

// The indexes that are plain integers, the vectors kept beside others, the chains through `previous` (each
// link points to an older entity, so no chain loops), and the ids that must not be none.
bool indexes_hold(const State& state) {
  if (state.message_delivery.size() != state.messages.size()) return false;
  for (size_t i = 0; i < state.messages.size(); ++i) {
    const Message& m = state.messages[i];
    if (m.text_begin > state.message_text.size() || m.text_size > state.message_text.size() - m.text_begin) return false;
    if (m.extra != kNoIndex && m.extra >= state.message_extras.size()) return false;
    if (m.previous.valid() && m.previous.index() >= i) return false;
  }
  for (const Contact& contact : state.contacts) {
    for (const ChannelIdentity& identity : contact.identities) {
      if (!identity.channel.valid()) return false;
    }
  }
  for (size_t i = 0; i < state.conversations.size(); ++i) {
    const Conversation& c = state.conversations[i];
    if (c.referral != kNoIndex && c.referral >= state.referrals.size()) return false;
    if (c.previous.valid() && c.previous.index() >= i) return false;
  }
  // A provider id is looked up by its message's channel: the message and its conversation must be there.
  for (const ProviderRef& ref : state.provider_ids) {
    if (!ref.message.valid() || !state.messages[ref.message.index()].conversation.valid()) return false;
  }
  const ExplanationLog& log = state.explanations;
  return log.at_ms.size() == log.entries.size() && log.entries.size() <= kExplanationsKept &&
         (log.next < log.entries.size() || log.next == log.entries.size() % kExplanationsKept);
}

}  // namespace

std::string state_to_binary(const State& state) {
  Writer w;
  w.out.append(kMagic, sizeof(kMagic));
  w.varint(kFormatVersion);
  w.fixed64(layout_fingerprint());
  write(w, state);
  w.fixed64(checksum(w.out));  // damaged storage is caught before any id is trusted
  return std::move(w.out);
}

Result<State> state_from_binary(std::string_view bytes) {
  if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return snapshot_error("Not a state snapshot.");
  }
  if (bytes.size() < sizeof(kMagic) + 8) return snapshot_error("The snapshot is truncated or corrupt.");
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  Reader trailer{bytes, body.size()};
  Reader r{body, sizeof(kMagic)};
  State state;
  try {
    if (r.varint() != kFormatVersion || r.fixed64() != layout_fingerprint()) {
      return snapshot_error("The snapshot was written by a version with another state layout.");
    }
    if (trailer.fixed64() != checksum(body)) return snapshot_error("The snapshot is truncated or corrupt.");
    read(r, state);
  } catch (const Corrupt&) {
    return snapshot_error("The snapshot is truncated or corrupt.");
  }
  if (r.at != body.size()) return snapshot_error("The snapshot has bytes after its end.");
  if (!ids_exist(state, state) || !indexes_hold(state)) {
    return snapshot_error("The snapshot is corrupt: it refers to things it does not hold.");
  }
  rebuild_indexes(state);
  return state;
}

}  // namespace inbox

#include "core/text.h"

#include <cstdint>

namespace inbox {
namespace {

// Decodes one UTF-8 sequence at text[i]; advances i. Invalid bytes decode as U+FFFD, one byte at a time.
char32_t decode_utf8(std::string_view text, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  const uint8_t b0 = byte(i);
  int extra = 0;
  char32_t cp = 0;
  if (b0 < 0x80) { ++i; return b0; }
  if ((b0 & 0xE0) == 0xC0) { extra = 1; cp = b0 & 0x1F; }
  else if ((b0 & 0xF0) == 0xE0) { extra = 2; cp = b0 & 0x0F; }
  else if ((b0 & 0xF8) == 0xF0) { extra = 3; cp = b0 & 0x07; }
  else { ++i; return 0xFFFD; }
  if (i + extra >= text.size()) { ++i; return 0xFFFD; }
  for (int k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += extra + 1;
  return cp;
}

void encode_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Base letters of U+00C0..U+017F after lower-casing; 0 keeps the code point (ß, æ, ð, þ are expanded separately).
constexpr char kLatin1Base[64] = {
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // C0-CF
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   0,    // D0-DF
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // E0-EF
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y',  // F0-FF
};
// Base letters of U+0100..U+017F (Latin Extended-A), one per code point; Œ/œ are expanded separately.
constexpr char kLatinExtA[] =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "ii" "jj" "kkk"
    "llllllllll" "nnnnnnnnn" "oooooo" "oo" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy"
    "zzzzzz" "s";
static_assert(sizeof(kLatinExtA) == 0x80 + 1, "one base letter per code point of U+0100..U+017F");

}  // namespace

std::string fold_for_search(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  append_folded(utf8, out);
  return out;
}

void append_folded(std::string_view utf8, std::string& out) {
  size_t i = 0;
  while (i < utf8.size()) {
    const char32_t cp = decode_utf8(utf8, i);
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      const char base = kLatin1Base[cp - 0xC0];
      if (base != 0) out += base;
      else if (cp == 0xC6 || cp == 0xE6) out += "ae";
      else if (cp == 0xDF) out += "ss";
      else if (cp == 0xDE || cp == 0xFE) out += "th";
      else encode_utf8(cp, out);
    } else if (cp >= 0x100 && cp <= 0x17F) {
      if (cp == 0x152 || cp == 0x153) out += "oe";
      else out += kLatinExtA[cp - 0x100];
    } else {
      encode_utf8(cp, out);
    }
  }
}

std::optional<size_t> utf8_code_points(std::string_view text) {
  size_t count = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    const char32_t cp = decode_utf8(text, i);
    // A real U+FFFD is three bytes; the decoder's replacement for a broken sequence consumes one.
    if (cp == 0xFFFD && i - start != 3) return std::nullopt;
    // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8 either.
    const size_t length = i - start;
    if ((length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000)) {
      return std::nullopt;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return std::nullopt;
    ++count;
  }
  return count;
}

std::optional<std::string> normalize_e164(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i == text.size() || text[i] != '+') return std::nullopt;
  std::string out = "+";
  for (++i; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') out += c;
    else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') return std::nullopt;
  }
  const size_t digits = out.size() - 1;
  if (digits < 8 || digits > 15 || out[1] == '0') return std::nullopt;
  return out;
}

std::string phone_digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

size_t count_code_points(std::string_view utf8) {
  size_t count = 0;
  for (char c : utf8) {
    if ((static_cast<uint8_t>(c) & 0xC0) != 0x80) ++count;  // every byte but continuation bytes starts one
  }
  return count;
}

}  // namespace inbox

// ASCII-only case folding and trimming for protocol text (emails as logins, header tokens), where Unicode
// rules would be wrong: "Bearer" and "application/json" are ASCII by definition.
#pragma once
#include <string>
#include <string_view>

namespace inbox::relay {

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace inbox::relay

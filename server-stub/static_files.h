// Which file under the document root a request target names, and how browsers may cache it. Pure: no file system
// access, so every refusal rule is unit-tested without a disk.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace inbox::relay {

enum class TargetError {
  none,
  malformed,  // not a path we can parse (bad percent-escape, "*", empty): 400
  forbidden,  // a path that would leave the document root or names what no web file is named: 403
};

struct ResolvedFile {
  TargetError error = TargetError::none;
  std::string path;  // doc_root + "/" + the decoded relative path; empty unless error == none

  bool ok() const { return error == TargetError::none; }
};

// Strips query and fragment, percent-decodes once, maps a trailing "/" to index.html, and refuses "." and ".."
// segments, empty segments (so "//etc" cannot become absolute), backslashes, NUL and other control bytes.
// The check is lexical: symlinks inside the root are followed, the root's owner controls them.
ResolvedFile resolve_target(std::string_view doc_root, std::string_view target);

// "%41b%2F" -> "Ab/"; nullopt for a '%' not followed by two hex digits. '+' stays '+' (that is form encoding).
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace inbox::relay

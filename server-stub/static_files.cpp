// Request target -> file path under the document root, refusing anything that could escape it.
#include "server-stub/static_files.h"

#include <utility>

namespace inbox::relay {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_control(char c) {
  auto const byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

// "http://host:8080/a?b" -> "/a?b": servers must accept the absolute form (RFC 9112 3.2.2).
std::string_view strip_scheme_and_authority(std::string_view target) {
  for (std::string_view const scheme : {std::string_view("http://"), std::string_view("https://")}) {
    if (target.substr(0, scheme.size()) == scheme) {
      std::size_t const path_start = target.find('/', scheme.size());
      return path_start == std::string_view::npos ? std::string_view("/") : target.substr(path_start);
    }
  }
  return target;
}

TargetError check_segment(std::string_view segment) {
  if (segment.empty()) return TargetError::forbidden;
  if (segment == "." || segment == "..") return TargetError::forbidden;
  for (char const c : segment) {
    if (c == '\\' || is_control(c)) return TargetError::forbidden;
  }
  return TargetError::none;
}

ResolvedFile refuse(TargetError error) { return ResolvedFile{error, {}}; }

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      decoded.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int const high = hex_value(text[i + 1]);
    int const low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    decoded.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return decoded;
}

ResolvedFile resolve_target(std::string_view doc_root, std::string_view target) {
  target = strip_scheme_and_authority(target);
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target.front() != '/') return refuse(TargetError::malformed);

  std::optional<std::string> const decoded = percent_decode(target.substr(1));
  if (!decoded) return refuse(TargetError::malformed);
  std::string relative = *decoded;
  if (relative.empty() || relative.back() == '/') relative += "index.html";

  // Split on '/' after decoding, so an encoded "%2f" separates segments like a literal one.
  std::size_t segment_start = 0;
  while (true) {
    std::size_t const segment_end = relative.find('/', segment_start);
    bool const is_last = segment_end == std::string::npos;
    std::string_view const segment =
        std::string_view(relative).substr(segment_start, is_last ? std::string::npos : segment_end - segment_start);
    if (TargetError const error = check_segment(segment); error != TargetError::none) return refuse(error);
    if (is_last) break;
    segment_start = segment_end + 1;
  }

  std::string path(doc_root);
  if (path.empty() || path.back() != '/') path.push_back('/');
  path += relative;
  return ResolvedFile{TargetError::none, std::move(path)};
}

}  // namespace inbox::relay

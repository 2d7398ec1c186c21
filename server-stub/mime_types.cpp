// Extension -> Content-Type and cache policy, one table.
#include "server-stub/mime_types.h"

#include <array>
#include <cctype>

namespace inbox::relay {

namespace {

struct FileType {
  std::string_view extension;
  std::string_view content_type;
  bool revalidate;
};

constexpr FileType unknown_type{"", "application/octet-stream", false};

// Browsers only stream-compile wasm served as application/wasm; emscripten's preloaded .data is opaque bytes.
constexpr std::array<FileType, 24> file_types{{
    {"html", "text/html; charset=utf-8", true},
    {"htm", "text/html; charset=utf-8", true},
    {"js", "text/javascript; charset=utf-8", true},
    {"mjs", "text/javascript; charset=utf-8", true},
    {"wasm", "application/wasm", true},
    {"data", "application/octet-stream", true},
    {"webmanifest", "application/manifest+json", true},
    {"css", "text/css; charset=utf-8", false},
    {"json", "application/json", false},
    {"map", "application/json", false},
    {"txt", "text/plain; charset=utf-8", false},
    {"xml", "application/xml", false},
    {"png", "image/png", false},
    {"jpg", "image/jpeg", false},
    {"jpeg", "image/jpeg", false},
    {"gif", "image/gif", false},
    {"webp", "image/webp", false},
    {"svg", "image/svg+xml", false},
    {"ico", "image/x-icon", false},
    {"ttf", "font/ttf", false},
    {"otf", "font/otf", false},
    {"woff", "font/woff", false},
    {"woff2", "font/woff2", false},
    {"pdf", "application/pdf", false},
}};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

FileType const& file_type(std::string_view path) {
  std::size_t const name_start = path.find_last_of('/');
  std::string_view const name = name_start == std::string_view::npos ? path : path.substr(name_start + 1);
  std::size_t const dot = name.rfind('.');
  if (dot == std::string_view::npos) return unknown_type;
  std::string_view const extension = name.substr(dot + 1);
  for (FileType const& known : file_types) {
    if (equals_ignoring_case(extension, known.extension)) return known;
  }
  return unknown_type;
}

}  // namespace

std::string_view mime_type(std::string_view path) { return file_type(path).content_type; }

bool must_revalidate(std::string_view path) { return file_type(path).revalidate; }

}  // namespace inbox::relay

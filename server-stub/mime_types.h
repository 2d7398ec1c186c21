// How the relay serves a file, by its extension: Content-Type, and whether browsers must revalidate it.
#pragma once
#include <string_view>

namespace inbox::relay {

// Case-insensitive; text types carry "; charset=utf-8". Unknown or missing extension: application/octet-stream,
// so a browser never sniffs a file into something executable.
std::string_view mime_type(std::string_view path);

// The app's entry page, code and preloaded data change on every build but keep their names, so the browser must ask
// again each time (Cache-Control: no-cache) or it runs a stale mix of old JS and new wasm.
bool must_revalidate(std::string_view path);

}  // namespace inbox::relay

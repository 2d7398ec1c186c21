// Meta signs each webhook: X-Hub-Signature-256: sha256=<hex of HMAC-SHA256(raw body, app secret)>.
#pragma once
#include <string>
#include <string_view>

namespace inbox::relay::whatsapp {

// False for a missing, malformed or wrong signature, and for an empty secret (nothing can be verified).
// Compared in constant time.
bool signature_matches(std::string_view body, std::string_view header, std::string_view app_secret);

// The header Meta would send with `body`: "sha256=<64 hex digits>" (the demo's customers sign with it).
std::string signature_header(std::string_view body, std::string_view app_secret);

}  // namespace inbox::relay::whatsapp

// The sign-in HTTP endpoints, for http_session to try before the static files:
//   POST /api/login   {"login": "...", "password": "..."} -> 200 {"token", "expires_ms", "user"}
//                     | 400 | 401 bad_credentials | 403 disabled | 413 | 415 | 429 + Retry-After | 503
//   POST /api/logout  Authorization: Bearer <token> -> 204 | 401 without a bearer token | 503
// Every answer is JSON ({"error": code, "message": text} on failure) with Cache-Control: no-store.
#pragma once
#include <boost/beast/http.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "server-stub/accounts/accounts.h"
#include "server-stub/request_handler.h"

namespace inbox::relay {

using ApiResponse = StringResponse;

inline constexpr size_t api_body_bytes_max = 4 * 1024;

// nullopt when the target's path is neither endpoint (the caller serves it some other way). The query string
// is ignored. client_ip is the peer address (what the per-IP login limit counts).
std::optional<ApiResponse> handle_api_request(Accounts& accounts, Request const& request, std::string_view client_ip,
                                              int64_t now_ms);

// The token of "Authorization: Bearer <token>", or nullopt. Also what a WebSocket upgrade would read.
std::optional<std::string_view> bearer_token(Request const& request);

}  // namespace inbox::relay

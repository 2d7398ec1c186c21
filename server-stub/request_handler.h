// Turns one parsed HTTP request into the response for a static file under the document root (or an error page).
#pragma once
#include <boost/beast/http.hpp>

#include <string_view>
#include <variant>

namespace inbox::relay {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using StringResponse = boost::beast::http::response<boost::beast::http::string_body>;

// One alternative per body kind: error pages, HEAD (headers only), and files streamed from disk.
using Response = std::variant<StringResponse,
                              boost::beast::http::response<boost::beast::http::empty_body>,
                              boost::beast::http::response<boost::beast::http::file_body>>;

// GET and HEAD only (405 otherwise). Never throws: a file that cannot be read becomes 404/403/500.
Response handle_request(std::string_view doc_root, Request const& request);

// A small text/plain page. keep_alive false adds "Connection: close".
Response make_error_response(boost::beast::http::status status, unsigned version, bool keep_alive,
                             std::string_view reason);

}  // namespace inbox::relay

// Static-file responses: resolve the target, open the file, set type, length and cache headers.
#include "server-stub/request_handler.h"

#include "server-stub/mime_types.h"
#include "server-stub/static_files.h"

#include <filesystem>
#include <string>

namespace inbox::relay {

namespace beast = boost::beast;
namespace http = beast::http;

namespace {

constexpr std::string_view server_name = "inbox-relay";

template <class Body>
void set_common_headers(http::response<Body>& response, bool keep_alive) {
  response.set(http::field::server, server_name);
  response.set("X-Content-Type-Options", "nosniff");
  response.keep_alive(keep_alive);
}

}  // namespace

Response make_error_response(http::status status, unsigned version, bool keep_alive, std::string_view reason) {
  http::response<http::string_body> response{status, version};
  set_common_headers(response, keep_alive);
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  response.set(http::field::cache_control, "no-store");
  response.body() = std::string(reason) + "\n";
  response.prepare_payload();
  return response;
}

Response handle_request(std::string_view doc_root, Request const& request) {
  unsigned const version = request.version();
  bool const keep_alive = request.keep_alive();
  bool const is_head = request.method() == http::verb::head;

  if (request.method() != http::verb::get && !is_head) {
    Response response = make_error_response(http::status::method_not_allowed, version, keep_alive,
                                            "Method not allowed: use GET or HEAD");
    std::get<http::response<http::string_body>>(response).set(http::field::allow, "GET, HEAD");
    return response;
  }

  ResolvedFile const file = resolve_target(doc_root, request.target());
  if (file.error == TargetError::malformed) {
    return make_error_response(http::status::bad_request, version, keep_alive, "Malformed request target");
  }
  if (file.error == TargetError::forbidden) {
    return make_error_response(http::status::forbidden, version, keep_alive, "Forbidden");
  }

  // Opening a directory succeeds on POSIX and only fails at the first read, after the 200 went out.
  std::error_code status_error;
  if (!std::filesystem::is_regular_file(file.path, status_error)) {
    return make_error_response(http::status::not_found, version, keep_alive, "Not found");
  }

  beast::error_code ec;
  http::file_body::value_type body;
  body.open(file.path.c_str(), beast::file_mode::scan, ec);
  if (ec == beast::errc::no_such_file_or_directory) {
    return make_error_response(http::status::not_found, version, keep_alive, "Not found");
  }
  if (ec == beast::errc::permission_denied) {
    return make_error_response(http::status::forbidden, version, keep_alive, "Forbidden");
  }
  if (ec) {
    return make_error_response(http::status::internal_server_error, version, keep_alive, "Cannot read the file");
  }

  std::uint64_t const size_bytes = body.size();
  auto set_file_headers = [&](auto& response) {
    set_common_headers(response, keep_alive);
    response.set(http::field::content_type, mime_type(file.path));
    if (must_revalidate(file.path)) response.set(http::field::cache_control, "no-cache");
    response.content_length(size_bytes);
  };

  if (is_head) {
    http::response<http::empty_body> response{http::status::ok, version};
    set_file_headers(response);
    return response;
  }
  http::response<http::file_body> response{std::piecewise_construct, std::make_tuple(std::move(body)),
                                            std::make_tuple(http::status::ok, version)};
  set_file_headers(response);
  return response;
}

}  // namespace inbox::relay

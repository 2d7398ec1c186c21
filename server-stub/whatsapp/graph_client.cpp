#include "server-stub/whatsapp/graph_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace inbox::relay::whatsapp {

namespace beast = boost::beast;
namespace http = beast::http;

std::optional<GraphEndpoint> parse_graph_url(std::string_view url) {
  constexpr std::string_view kScheme = "http://";
  if (url.substr(0, kScheme.size()) != kScheme) return std::nullopt;
  url.remove_prefix(kScheme.size());
  const size_t slash = url.find('/');
  const std::string_view authority = url.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  const size_t colon = authority.rfind(':');
  GraphEndpoint endpoint;
  endpoint.host = std::string(authority.substr(0, colon));
  endpoint.port = colon == std::string_view::npos ? "80" : std::string(authority.substr(colon + 1));
  endpoint.base_path = std::string(path);
  if (endpoint.host.empty() || endpoint.port.empty()) return std::nullopt;
  for (char c : endpoint.port) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return endpoint;
}

GraphReply post_json(const GraphEndpoint& endpoint, std::string_view path, const HttpHeaders& headers,
                     std::string_view body, std::chrono::milliseconds timeout) {
  boost::asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  GraphReply reply;
  beast::error_code ec;
  boost::asio::ip::tcp::resolver resolver(ioc);
  const auto addresses = resolver.resolve(endpoint.host, endpoint.port, ec);
  if (ec) return GraphReply{0, {}, "resolve: " + ec.message()};

  http::request<http::string_body> request{http::verb::post, endpoint.base_path + std::string(path), 11};
  request.set(http::field::host, endpoint.host);
  for (const auto& [name, value] : headers) request.set(name, value);
  request.set(http::field::content_type, "application/json");
  request.body() = std::string(body);
  request.prepare_payload();

  // One deadline for the whole exchange: the async calls honour the stream's expiry, the sync ones do not.
  stream.expires_after(timeout);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  const char* step = "connect";
  stream.async_connect(addresses, [&](beast::error_code e, const auto&) {
    if ((ec = e)) return;
    step = "write";
    http::async_write(stream, request, [&](beast::error_code e2, size_t) {
      if ((ec = e2)) return;
      step = "read";
      http::async_read(stream, buffer, response, [&](beast::error_code e3, size_t) { ec = e3; });
    });
  });
  ioc.run();
  if (ec) return GraphReply{0, {}, std::string(step) + ": " + ec.message()};
  beast::error_code ignored;
  stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  reply.status = static_cast<int>(response.result_int());
  reply.body = std::move(response.body());
  return reply;
}

GraphReply post_to_graph(const GraphEndpoint& endpoint, std::string_view path, std::string_view token,
                         std::string_view body, std::chrono::milliseconds timeout) {
  return post_json(endpoint, path, {{"Authorization", "Bearer " + std::string(token)}}, body, timeout);
}

}  // namespace inbox::relay::whatsapp

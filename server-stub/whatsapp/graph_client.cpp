#include "server-stub/whatsapp/graph_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/asio/ssl.hpp>

#include <type_traits>

namespace inbox::relay::whatsapp {

namespace beast = boost::beast;
namespace http = beast::http;

namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

std::optional<GraphEndpoint> parse_graph_url(std::string_view url) {
  GraphEndpoint endpoint;
  if (url.substr(0, 8) == "https://") {
    endpoint.tls = true;
    url.remove_prefix(8);
  } else if (url.substr(0, 7) == "http://") {
    url.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  const size_t slash = url.find('/');
  const std::string_view authority = url.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  const size_t colon = authority.rfind(':');
  endpoint.host = std::string(authority.substr(0, colon));
  endpoint.port = colon != std::string_view::npos ? std::string(authority.substr(colon + 1)) : endpoint.tls ? "443" : "80";
  endpoint.base_path = std::string(path);
  if (endpoint.host.empty() || endpoint.port.empty()) return std::nullopt;
  for (char c : endpoint.port) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return endpoint;
}

namespace {

// Connect (then the TLS handshake), write, read: all async on `ioc`, so the stream's one deadline covers
// every step (the sync calls would ignore it).
template <class Stream>
GraphReply exchange(boost::asio::io_context& ioc, Stream& stream, const tcp::resolver::results_type& addresses,
                    http::request<http::string_body>& request, std::chrono::milliseconds timeout) {
  constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;
  beast::get_lowest_layer(stream).expires_after(timeout);
  beast::error_code ec;
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  const char* step = "connect";
  auto write_then_read = [&] {
    step = "write";
    http::async_write(stream, request, [&](beast::error_code e, size_t) {
      if ((ec = e)) return;
      step = "read";
      http::async_read(stream, buffer, response, [&](beast::error_code e2, size_t) { ec = e2; });
    });
  };
  beast::get_lowest_layer(stream).async_connect(addresses, [&](beast::error_code e, const auto&) {
    if ((ec = e)) return;
    if constexpr (kTls) {
      step = "tls handshake";
      stream.async_handshake(ssl::stream_base::client, [&](beast::error_code e2) {
        if ((ec = e2)) return;
        write_then_read();
      });
    } else {
      write_then_read();
    }
  });
  ioc.run();
  if (ec) return GraphReply{0, {}, std::string(step) + ": " + ec.message()};
  // The answer is complete (Content-Length or chunked): close without waiting for a TLS close_notify.
  beast::error_code ignored;
  beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
  return GraphReply{static_cast<int>(response.result_int()), std::move(response.body()), {}};
}

}  // namespace

GraphReply post_json(const GraphEndpoint& endpoint, std::string_view path, const HttpHeaders& headers,
                     std::string_view body, std::chrono::milliseconds timeout) {
  boost::asio::io_context ioc;
  beast::error_code ec;
  tcp::resolver resolver(ioc);
  const auto addresses = resolver.resolve(endpoint.host, endpoint.port, ec);
  if (ec) return GraphReply{0, {}, "resolve: " + ec.message()};

  http::request<http::string_body> request{http::verb::post, endpoint.base_path + std::string(path), 11};
  request.set(http::field::host, endpoint.host);
  for (const auto& [name, value] : headers) request.set(name, value);
  request.set(http::field::content_type, "application/json");
  request.body() = std::string(body);
  request.prepare_payload();

  if (!endpoint.tls) {
    beast::tcp_stream stream(ioc);
    return exchange(ioc, stream, addresses, request, timeout);
  }
  ssl::context context(ssl::context::tls_client);
  if (endpoint.ca_file.empty()) context.set_default_verify_paths(ec);
  else context.load_verify_file(endpoint.ca_file, ec);
  if (ec) return GraphReply{0, {}, "tls: the CAs to trust: " + ec.message()};
  beast::ssl_stream<beast::tcp_stream> stream(ioc, context);
  stream.set_verify_mode(ssl::verify_peer);
  stream.set_verify_callback(ssl::host_name_verification(endpoint.host));
  if (!SSL_set_tlsext_host_name(stream.native_handle(), endpoint.host.c_str())) {  // SNI
    return GraphReply{0, {}, "tls: cannot name the server"};
  }
  return exchange(ioc, stream, addresses, request, timeout);
}

GraphReply post_to_graph(const GraphEndpoint& endpoint, std::string_view path, std::string_view token,
                         std::string_view body, std::chrono::milliseconds timeout) {
  return post_json(endpoint, path, {{"Authorization", "Bearer " + std::string(token)}}, body, timeout);
}

}  // namespace inbox::relay::whatsapp

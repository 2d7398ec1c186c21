// One HTTP/1.1 connection: read a request, write its response, repeat while the client keeps the connection alive.
#pragma once
#include "server-stub/request_handler.h"
#include "server-stub/shared_state.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/optional.hpp>

#include <chrono>
#include <cstdint>
#include <memory>

namespace inbox::relay {

// A browser's GET carries a few hundred bytes of headers; the body limit leaves room for the sync API's requests.
inline constexpr std::uint32_t request_header_bytes_max = 8 * 1024;
inline constexpr std::uint64_t request_body_bytes_max = 64 * 1024;
// Closes idle keep-alive connections and clients that trickle a request (or stop reading a response).
inline constexpr std::chrono::seconds io_timeout_s{30};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  // The caller has taken a slot with SharedState::try_open_session(); the destructor gives it back.
  HttpSession(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<SharedState> state);
  ~HttpSession();
  HttpSession(HttpSession const&) = delete;
  HttpSession& operator=(HttpSession const&) = delete;

  void run();

 private:
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes_transferred);
  void send(Response response);
  void on_write(bool close, boost::beast::error_code ec, std::size_t bytes_transferred);
  void do_close();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::shared_ptr<SharedState> state_;
  // A fresh parser per request: its limits apply per message, not per connection.
  boost::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  // The one write in flight; the next request is read only after it is sent, so nothing queues up.
  Response response_;
  bool upgraded_ = false;  // the connection became a WebSocket session
};

}  // namespace inbox::relay

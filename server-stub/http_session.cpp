// Read -> handle -> write loop of one connection, after Beast's advanced_server http_session.
#include "server-stub/http_session.h"

#include "server-stub/fail.h"
#include "server-stub/sync/ws_session.h"

#include <boost/asio/dispatch.hpp>

#include <utility>

namespace inbox::relay {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

bool is_http_parse_error(beast::error_code ec) {
  return ec.category() == http::make_error_code(http::error::bad_target).category();
}

}  // namespace

HttpSession::HttpSession(net::ip::tcp::socket&& socket, std::shared_ptr<SharedState> state)
    : stream_(std::move(socket)),
      buffer_(request_header_bytes_max + request_body_bytes_max),
      state_(std::move(state)) {}

HttpSession::~HttpSession() {
  if (!upgraded_) state_->close_session();  // else the WebSocket session holds the slot now
}

void HttpSession::run() {
  // The socket was accepted on its own strand: start there so this session's handlers never run concurrently.
  net::dispatch(stream_.get_executor(), beast::bind_front_handler(&HttpSession::do_read, shared_from_this()));
}

void HttpSession::do_read() {
  parser_.emplace();
  parser_->header_limit(request_header_bytes_max);
  parser_->body_limit(request_body_bytes_max);
  stream_.expires_after(io_timeout_s);
  http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t /*bytes_transferred*/) {
  if (ec == http::error::end_of_stream) return do_close();
  // The client went away mid-request, or the timeout already closed the socket: nobody to answer.
  if (ec == http::error::partial_message || ec == beast::error::timeout) return;
  // The request is unusable; answer and close, the rest of the stream cannot be trusted to frame the next one.
  if (ec == http::error::header_limit) {
    return send(make_error_response(http::status::request_header_fields_too_large, 11, false, "Headers too large"));
  }
  if (ec == http::error::body_limit) {
    return send(make_error_response(http::status::payload_too_large, 11, false, "Body too large"));
  }
  if (is_http_parse_error(ec)) {
    return send(make_error_response(http::status::bad_request, 11, false, "Malformed request"));
  }
  if (ec) return fail(ec, "read");

  Request request = parser_->release();
  if (beast::websocket::is_upgrade(request) && request.target() == "/ws" && state_->hub() != nullptr) {
    upgraded_ = true;
    stream_.expires_never();
    std::make_shared<WsSession>(stream_.release_socket(), state_)->run(std::move(request));
    return;
  }
  if (state_->api()) {
    beast::error_code endpoint_error;
    const auto peer = stream_.socket().remote_endpoint(endpoint_error);
    const std::string client_ip = endpoint_error ? std::string() : peer.address().to_string();
    if (std::optional<StringResponse> answer = state_->api()(request, client_ip)) return send(std::move(*answer));
  }
  send(handle_request(state_->doc_root(), request));
}

void HttpSession::send(Response response) {
  response_ = std::move(response);
  std::visit(
      [this](auto& message) {
        bool const close = message.need_eof();
        stream_.expires_after(io_timeout_s);
        http::async_write(stream_, message,
                          beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), close));
      },
      response_);
}

void HttpSession::on_write(bool close, beast::error_code ec, std::size_t /*bytes_transferred*/) {
  if (ec) return fail(ec, "write");
  if (close) return do_close();
  response_ = {};  // releases the file handle before waiting on an idle connection
  do_read();
}

void HttpSession::do_close() {
  // Half-close so the client reads the whole response before seeing the end of the stream.
  beast::error_code ec;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
}

}  // namespace inbox::relay

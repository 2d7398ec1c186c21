#include "server-stub/sync/ws_session.h"

#include <atomic>
#include <utility>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include <netinet/in.h>
#include <netinet/tcp.h>

#include "server-stub/fail.h"

namespace inbox::relay {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace net = boost::asio;

namespace {

uint64_t next_peer_id() {
  static std::atomic<uint64_t> counter{0};
  return ++counter;
}

std::shared_ptr<const std::string> error_frame(sync::ProtocolErrorCode code, std::string message, bool fatal) {
  return std::make_shared<const std::string>(sync::encode_relay_frame(sync::ErrorFrame{code, std::move(message), fatal}));
}

}  // namespace

WsSession::WsSession(net::ip::tcp::socket&& socket, std::shared_ptr<SharedState> state, WsLimits limits)
    : id_(next_peer_id()),
      ws_(std::move(socket)),
      state_(std::move(state)),
      limits_(limits),
      hello_timer_(ws_.get_executor()) {
  beast::error_code ignored;  // a socket already reset fails its first read instead
  beast::get_lowest_layer(ws_).socket().set_option(net::ip::tcp::no_delay(true), ignored);
}

WsSession::~WsSession() {
  if (hello_sent_) state_->hub()->closed(id_);
  state_->close_session();
}

void WsSession::run(Request request) {
  websocket::stream_base::timeout timeout = websocket::stream_base::timeout::suggested(beast::role_type::server);
  timeout.idle_timeout = limits_.idle_timeout;
  timeout.keep_alive_pings = true;  // a ping at half the idle time; a browser answers it by itself
  ws_.set_option(timeout);
  ws_.read_message_max(sync::kFrameTransportBytesMax);
  // One write per message: Beast would otherwise cut anything over its 4 KB write buffer into 4 KB frames,
  // each its own write (a batch of a dozen events is about that size; a snapshot, hundreds of writes).
  ws_.auto_fragment(false);
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& response) { response.set(beast::http::field::server, "inbox-relay"); }));
  ws_.async_accept(request, beast::bind_front_handler(&WsSession::on_accept, shared_from_this()));
}

void WsSession::on_accept(beast::error_code ec) {
  if (ec) return fail(ec, "websocket accept");
  hello_timer_.expires_after(limits_.hello_timeout);
  hello_timer_.async_wait(beast::bind_front_handler(&WsSession::on_hello_timeout, shared_from_this()));
  do_read();
}

void WsSession::on_hello_timeout(beast::error_code ec) {
  if (ec || user_.valid() || closing_) return;  // cancelled, or signed in in time
  enqueue({error_frame(sync::ProtocolErrorCode::hello_required, "No hello in time: the connection is closed", true),
           true});
  close("no hello in time");
}

void WsSession::do_read() {
  ws_.async_read(buffer_, beast::bind_front_handler(&WsSession::on_read, shared_from_this()));
}

void WsSession::on_read(beast::error_code ec, std::size_t /*bytes*/) {
  if (ec) {
    hello_timer_.cancel();
    // closed (by the client, a timeout, or us), invalid UTF-8 in a text frame (RFC 6455: fail the
    // connection, 1007), or a frame past kFrameTransportBytesMax (1009): Beast has answered the close.
    if (ec != websocket::error::closed) fail(ec, "websocket read");
    return;
  }
  if (!ws_.got_text()) {
    reply_error(sync::ProtocolErrorCode::binary_not_accepted, "The relay reads text frames only");
  } else {
    const auto data = buffer_.cdata();
    handle_frame(std::string_view(static_cast<const char*>(data.data()), data.size()));
  }
  buffer_.consume(buffer_.size());
  if (!closing_) do_read();
}

void WsSession::handle_frame(std::string_view text) {
  sync::FrameResult<sync::ClientFrame> parsed = sync::parse_client_frame(text);
  if (auto* error = std::get_if<sync::FrameError>(&parsed)) return reply_error(error->code, error->message);
  sync::ClientFrame& frame = std::get<sync::ClientFrame>(parsed);
  if (auto* hello = std::get_if<sync::HelloFrame>(&frame)) {
    if (hello_sent_) return reply_error(sync::ProtocolErrorCode::hello_repeated, "Hello was already sent");
    hello_sent_ = true;
    state_->hub()->hello(shared_from_this(), std::move(*hello));
  } else if (auto* command = std::get_if<sync::CommandFrame>(&frame)) {
    if (!user_.valid()) return reply_error(sync::ProtocolErrorCode::hello_required, "Send hello and wait for welcome first");
    state_->hub()->command(shared_from_this(), user_, std::move(*command));
  } else if (auto* ping = std::get_if<sync::PingFrame>(&frame)) {
    send_text(std::make_shared<const std::string>(sync::encode_relay_frame(sync::PongFrame{ping->id})));
  }
}

void WsSession::reply_error(sync::ProtocolErrorCode code, std::string message) {
  enqueue({error_frame(code, std::move(message), false), true});
}

void WsSession::send_text(std::shared_ptr<const std::string> frame) {
  net::post(ws_.get_executor(), [self = shared_from_this(), frame = std::move(frame)]() mutable {
    self->enqueue({std::move(frame), true});
  });
}

void WsSession::send_texts(std::vector<std::shared_ptr<const std::string>> frames) {
  net::post(ws_.get_executor(), [self = shared_from_this(), frames = std::move(frames)]() mutable {
    for (auto& frame : frames) {
      if (!self->push({std::move(frame), true})) return;
    }
    if (!self->writing_) self->do_write();
  });
}

void WsSession::send_binary(std::shared_ptr<const std::string> bytes) {
  net::post(ws_.get_executor(), [self = shared_from_this(), bytes = std::move(bytes)]() mutable {
    self->enqueue({std::move(bytes), false});
  });
}

void WsSession::signed_in(UserId user) {
  net::post(ws_.get_executor(), [self = shared_from_this(), user] {
    self->user_ = user;
    self->hello_timer_.cancel();
  });
}

void WsSession::close(std::string reason) {
  net::post(ws_.get_executor(), [self = shared_from_this(), reason = std::move(reason)]() mutable {
    if (self->closing_) return;
    self->closing_ = true;
    self->close_reason_ = std::move(reason);
    if (!self->writing_) self->do_close();  // else after the queue is written
  });
}

void WsSession::enqueue(Outgoing outgoing) {
  if (push(std::move(outgoing)) && !writing_) do_write();
}

bool WsSession::push(Outgoing outgoing) {
  if (closing_) return false;
  // A frame always fits an empty queue (a large snapshot right after welcome); past that the bound holds.
  if (!queue_.empty() && queued_bytes_ + outgoing.bytes->size() > limits_.queue_bytes_max) {
    fail(beast::error_code(), "websocket: a client is too slow, cutting it off");
    queue_.clear();
    queued_bytes_ = 0;
    closing_ = true;
    close_reason_ = "too slow: more than " + std::to_string(limits_.queue_bytes_max) + " bytes waiting";
    // A write that never completes would hold the close back: drop the connection outright.
    if (writing_) beast::get_lowest_layer(ws_).socket().close();
    else do_close();
    return false;
  }
  queued_bytes_ += outgoing.bytes->size();
  queue_.push_back(std::move(outgoing));
  return true;
}

void WsSession::cork(bool on) {
#ifdef TCP_CORK
  if (corked_ == on) return;
  corked_ = on;
  beast::error_code ignored;
  using Cork = net::detail::socket_option::boolean<IPPROTO_TCP, TCP_CORK>;
  beast::get_lowest_layer(ws_).socket().set_option(Cork(on), ignored);  // uncorking sends what is held
#else
  (void)on;
#endif
}

void WsSession::do_write() {
  writing_ = true;
  if (queue_.size() > 1) cork(true);
  const Outgoing& front = queue_.front();
  ws_.text(front.text);
  ws_.async_write(net::buffer(*front.bytes), beast::bind_front_handler(&WsSession::on_write, shared_from_this()));
}

void WsSession::on_write(beast::error_code ec, std::size_t /*bytes*/) {
  writing_ = false;
  if (ec) return fail(ec, "websocket write");
  if (!queue_.empty()) {
    queued_bytes_ -= queue_.front().bytes->size();
    queue_.pop_front();
  }
  if (!queue_.empty()) return do_write();
  cork(false);
  if (closing_) do_close();
}

void WsSession::do_close() {
  websocket::close_reason reason(websocket::close_code::policy_error);
  reason.reason = close_reason_.substr(0, 120);  // a close frame's reason fits 123 bytes
  ws_.async_close(reason, [self = shared_from_this()](beast::error_code ec) {
    if (ec) fail(ec, "websocket close");
  });
}

}  // namespace inbox::relay

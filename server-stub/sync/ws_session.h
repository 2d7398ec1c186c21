// One WebSocket connection on /ws (docs/protocol.md), after Beast's websocket chat-multi session: one read
// loop, one write in flight, the rest in a queue. TCP_NODELAY, so an ack never waits ~40 ms behind the
// client's delayed ACK (Nagle); frames queued together are corked so they still share segments. The queue is
// bounded: a client that stops reading is cut off instead of growing the relay's memory. Frames are parsed
// here and handed to the hub.
#pragma once
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "server-stub/request_handler.h"
#include "server-stub/shared_state.h"
#include "server-stub/sync/hub.h"

namespace inbox::relay {

struct WsLimits {
  size_t queue_bytes_max = 16 * 1024 * 1024;  // besides the frame being written
  std::chrono::seconds hello_timeout{10};
  std::chrono::seconds idle_timeout{60};  // no frame and no pong for this long: the connection is dead
};

class WsSession final : public Peer, public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<SharedState> state, WsLimits limits = {});
  ~WsSession() override;

  // Answers the upgrade request, then reads frames until the connection ends.
  void run(Request request);

  uint64_t peer_id() const override { return id_; }
  void send_text(std::shared_ptr<const std::string> frame) override;
  void send_texts(std::vector<std::shared_ptr<const std::string>> frames) override;
  void send_binary(std::shared_ptr<const std::string> bytes) override;
  void signed_in(UserId user) override;
  void close(std::string reason) override;

 private:
  struct Outgoing {
    std::shared_ptr<const std::string> bytes;
    bool text = true;
  };

  void on_accept(boost::beast::error_code ec);
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void handle_frame(std::string_view text);
  void reply_error(sync::ProtocolErrorCode code, std::string message);
  void enqueue(Outgoing outgoing);  // push, and write when no write is in flight
  bool push(Outgoing outgoing);     // false: the session is closing (or was just cut off for being slow)
  void do_write();
  void cork(bool on);
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void do_close();
  void on_hello_timeout(boost::beast::error_code ec);

  const uint64_t id_;
  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  std::shared_ptr<SharedState> state_;
  WsLimits limits_;
  boost::asio::steady_timer hello_timer_;
  std::deque<Outgoing> queue_;
  size_t queued_bytes_ = 0;
  bool writing_ = false;
  bool corked_ = false;  // TCP_CORK while more than one frame waits: they leave as few segments, not one each
  bool hello_sent_ = false;
  bool closing_ = false;
  std::string close_reason_;
  UserId user_;
};

}  // namespace inbox::relay

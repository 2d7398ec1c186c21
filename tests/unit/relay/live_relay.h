// The real relay for end-to-end tests: RelayServer + Hub + Authority over a temp SQLite file, on a free port,
// and a WebSocket client that reads and writes frames under a deadline (a broken relay fails the test, it
// never hangs it). Tokens are a fixed map here; the accounts service has its own tests.
#pragma once
#include <doctest/doctest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server-stub/relay_server.h"
#include "server-stub/store/sqlite_event_log.h"
#include "server-stub/sync/hub.h"
#include "sync/protocol.h"
#include "tests/unit/relay/desk_seed.h"
#include "tests/unit/relay/sqlite_test_file.h"

namespace inbox::relay::test {

constexpr std::chrono::milliseconds kFrameWait{3000};

class LiveRelay {
 public:
  explicit LiveRelay(std::vector<TimedCommand> seed = desk_seed(), HubConfig config = {}) : config_(config) {
    if (!config_.clock) config_.clock = [] { return kStart + 60 * kSecond; };
    config_.authenticate = [](std::string_view token, int64_t) -> std::optional<UserId> {
      static const std::map<std::string, UserId, std::less<>> tokens = {
          {"ana-token", kAna}, {"marc-token", kMarc}, {"sofia-token", kSofia}};
      auto it = tokens.find(token);
      if (it == tokens.end()) return std::nullopt;
      return it->second;
    };
    seed_ = std::move(seed);
    start();
  }
  ~LiveRelay() { stop(); }

  uint16_t port() const { return server_->port(); }
  Hub& hub() { return *hub_; }

  void start() {
    Authority authority = value_of(Authority::open(value_of(SqliteEventLog::open(db_.path())), seed_));
    hub_ = std::make_shared<Hub>(std::move(authority), config_);
    hub_->start();
    RelayConfig relay;
    relay.port = 0;
    relay.threads = 2;
    relay.doc_root = std::filesystem::temp_directory_path().string();
    server_ = std::make_unique<RelayServer>(relay, RelayServices{hub_, {}});
    const auto ec = server_->start();
    REQUIRE_MESSAGE(!ec, "relay start: " << ec.message());
  }
  void stop() {  // the hub first, as RelayApp::stop does
    if (hub_) hub_->stop();
    if (server_) server_->stop();
    server_.reset();
    hub_.reset();
  }

 private:
  TestDbFile db_;
  HubConfig config_;
  std::vector<TimedCommand> seed_;
  std::shared_ptr<Hub> hub_;
  std::unique_ptr<RelayServer> server_;
};

struct WsMessage {
  bool text = true;
  std::string data;
};

class WsClient {
 public:
  explicit WsClient(uint16_t port) : ws_(ioc_) {
    boost::beast::error_code ec;
    boost::beast::get_lowest_layer(ws_).expires_after(kFrameWait);
    boost::beast::get_lowest_layer(ws_).async_connect(
        boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port),
        [&](boost::beast::error_code e) { ec = e; });
    ioc_.run();
    REQUIRE_MESSAGE(!ec, "connect: " << ec.message());
    ioc_.restart();
    boost::beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(
        boost::beast::websocket::stream_base::timeout::suggested(boost::beast::role_type::client));
    ws_.read_message_max(64 * 1024 * 1024);
    ws_.async_handshake("127.0.0.1", "/ws", [&](boost::beast::error_code e) { ec = e; });
    ioc_.run_for(kFrameWait);
    REQUIRE_MESSAGE(!ec, "handshake: " << ec.message());
  }

  void send_text(const std::string& text) { write(text, true); }
  void send_binary(const std::string& bytes) { write(bytes, false); }
  void send(const sync::ClientFrame& frame) { send_text(sync::encode_client_frame(frame)); }

  // The next message, or nullopt when none came within `wait` or the connection ended (see closed()).
  std::optional<WsMessage> read(std::chrono::milliseconds wait = kFrameWait) {
    if (!reading_) {
      reading_ = true;
      read_done_ = false;
      ws_.async_read(buffer_, [this](boost::beast::error_code e, size_t) {
        read_done_ = true;
        read_error_ = e;
      });
    }
    ioc_.restart();
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (!read_done_ && std::chrono::steady_clock::now() < deadline) ioc_.run_one_until(deadline);
    if (!read_done_) return std::nullopt;
    reading_ = false;
    if (read_error_) return std::nullopt;
    WsMessage message{ws_.got_text(), boost::beast::buffers_to_string(buffer_.data())};
    buffer_.consume(buffer_.size());
    return message;
  }

  // The next text frame parsed; fails the test on a binary frame, a timeout or bad JSON.
  sync::RelayFrame frame(std::chrono::milliseconds wait = kFrameWait) {
    std::optional<WsMessage> message = read(wait);
    REQUIRE_MESSAGE(message.has_value(), "no frame within " << wait.count() << " ms: " << read_error_.message());
    REQUIRE_MESSAGE(message->text, "a binary frame where a text frame was expected");
    auto parsed = sync::parse_relay_frame(message->data);
    REQUIRE_MESSAGE(std::holds_alternative<sync::RelayFrame>(parsed), message->data);
    return std::get<sync::RelayFrame>(parsed);
  }

  template <class T>
  T expect(std::chrono::milliseconds wait = kFrameWait) {
    sync::RelayFrame next = frame(wait);
    REQUIRE_MESSAGE(std::holds_alternative<T>(next), "unexpected frame: " << sync::encode_relay_frame(next));
    return std::get<T>(next);
  }

  bool closed() const { return read_done_ && read_error_; }
  boost::beast::websocket::close_reason close_reason() const { return ws_.reason(); }
  boost::beast::error_code read_error() const { return read_error_; }

 private:
  void write(const std::string& data, bool text) {
    boost::beast::error_code ec;
    bool done = false;
    ws_.text(text);
    ws_.async_write(boost::asio::buffer(data), [&](boost::beast::error_code e, size_t) {
      ec = e;
      done = true;
    });
    ioc_.restart();
    const auto deadline = std::chrono::steady_clock::now() + kFrameWait;
    while (!done && std::chrono::steady_clock::now() < deadline) ioc_.run_one_until(deadline);
    REQUIRE_MESSAGE(done, "write did not complete");
    REQUIRE_MESSAGE(!ec, "write: " << ec.message());
  }

  boost::asio::io_context ioc_;
  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  bool reading_ = false;
  bool read_done_ = false;
  boost::beast::error_code read_error_;
};

}  // namespace inbox::relay::test

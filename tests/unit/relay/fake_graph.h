// A stand-in for Meta's Graph API on localhost: answers each POST with the next reply of its script (then
// 200 with a fresh wamid), and records what it was sent. One connection at a time, as the sender makes them.
#pragma once
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace inbox::relay::test {

class FakeGraph {
 public:
  struct Reply {
    int status = 200;  // -1: read the request, then say nothing until the client gives up
    std::string body;
  };
  struct Received {
    std::string target;
    std::string authorization;
    std::string body;
  };

  explicit FakeGraph(std::vector<Reply> script = {}) : script_(std::move(script)), acceptor_(ioc_) {
    namespace ip = boost::asio::ip;
    const ip::tcp::endpoint endpoint(ip::make_address("127.0.0.1"), 0);
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(ip::tcp::acceptor::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen();
    port_ = acceptor_.local_endpoint().port();
    thread_ = std::thread([this] { run(); });
  }
  ~FakeGraph() {
    stopping_ = true;
    boost::system::error_code ignored;
    boost::asio::ip::tcp::socket poke(ioc_);  // unblocks accept()
    poke.connect(acceptor_.local_endpoint(), ignored);
    thread_.join();
  }

  uint16_t port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v19.0"; }
  std::vector<Received> received() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_;
  }

 private:
  void run() {
    namespace http = boost::beast::http;
    for (;;) {
      boost::system::error_code ec;
      boost::asio::ip::tcp::socket socket(ioc_);
      acceptor_.accept(socket, ec);
      if (stopping_) return;
      if (ec) continue;
      boost::beast::flat_buffer buffer;
      http::request<http::string_body> request;
      http::read(socket, buffer, request, ec);
      if (ec) continue;
      Reply reply;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        received_.push_back(Received{std::string(request.target()), std::string(request[http::field::authorization]),
                                     request.body()});
        if (next_ < script_.size()) reply = script_[next_++];
        else reply = Reply{200, R"({"messaging_product":"whatsapp","messages":[{"id":"wamid.OUT)" +
                                    std::to_string(++sent_) + R"("}]})"};
      }
      if (reply.status < 0) {
        // Waits for the client to hang up (its timeout), then drops the connection.
        char byte;
        socket.read_some(boost::asio::buffer(&byte, 1), ec);
        continue;
      }
      http::response<http::string_body> response{static_cast<http::status>(reply.status), 11};
      response.set(http::field::content_type, "application/json");
      response.keep_alive(false);
      response.body() = reply.body;
      response.prepare_payload();
      http::write(socket, response, ec);
    }
  }

  std::vector<Reply> script_;
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  uint16_t port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<Received> received_;
  size_t next_ = 0;
  int sent_ = 0;
};

}  // namespace inbox::relay::test

// A stand-in for Meta's Graph API on localhost: answers each POST with the next reply of its script (then
// 200 with a fresh wamid), and records what it was sent. One connection at a time, as the sender makes them.
// Over plain http, or https with a certificate of its own (SelfSigned makes one with the openssl tool).
#pragma once
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

namespace inbox::relay::test {

// A key and a self-signed certificate for `subject_alt_name` ("DNS:localhost"), valid for a day, in a temp
// directory removed with it.
struct SelfSigned {
  std::filesystem::path dir;
  std::string cert;
  std::string key;
  bool made = false;

  explicit SelfSigned(const std::string& subject_alt_name) {
    static std::atomic<int> counter{0};
    dir = std::filesystem::temp_directory_path() /
          ("inbox-tls-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(dir);
    cert = (dir / "cert.pem").string();
    key = (dir / "key.pem").string();
    const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
                                " -subj /CN=inbox-test -addext subjectAltName=" + subject_alt_name +
                                " -keyout " + key + " -out " + cert + " >/dev/null 2>&1";
    made = std::system(command.c_str()) == 0;
  }
  ~SelfSigned() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
};

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

  // With `tls` (a SelfSigned), it speaks https with that certificate.
  explicit FakeGraph(std::vector<Reply> script = {}, const SelfSigned* tls = nullptr)
      : script_(std::move(script)), acceptor_(ioc_) {
    namespace ip = boost::asio::ip;
    namespace ssl = boost::asio::ssl;
    if (tls != nullptr) {
      tls_ = std::make_unique<ssl::context>(ssl::context::tls_server);
      tls_->use_certificate_chain_file(tls->cert);
      tls_->use_private_key_file(tls->key, ssl::context::pem);
    }
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
  // `host`: the name the client uses (a certificate is for a name).
  std::string url(const std::string& host = "127.0.0.1") const {
    return (tls_ ? "https://" : "http://") + host + ":" + std::to_string(port_) + "/v19.0";
  }
  std::vector<Received> received() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_;
  }

 private:
  void run() {
    for (;;) {
      boost::system::error_code ec;
      boost::asio::ip::tcp::socket socket(ioc_);
      acceptor_.accept(socket, ec);
      if (stopping_) return;
      if (ec) continue;
      if (!tls_) {
        serve(socket);
        continue;
      }
      boost::asio::ssl::stream<boost::asio::ip::tcp::socket&> stream(socket, *tls_);
      stream.handshake(boost::asio::ssl::stream_base::server, ec);
      if (!ec) serve(stream);  // a client that refused the certificate ends here
    }
  }

  template <class Stream>
  void serve(Stream& socket) {
    namespace http = boost::beast::http;
    boost::system::error_code ec;
    boost::beast::flat_buffer buffer;
    http::request<http::string_body> request;
    http::read(socket, buffer, request, ec);
    if (ec) return;
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
      return;
    }
    http::response<http::string_body> response{static_cast<http::status>(reply.status), 11};
    response.set(http::field::content_type, "application/json");
    response.keep_alive(false);
    response.body() = reply.body;
    response.prepare_payload();
    http::write(socket, response, ec);
  }

  std::vector<Reply> script_;
  std::unique_ptr<boost::asio::ssl::context> tls_;
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

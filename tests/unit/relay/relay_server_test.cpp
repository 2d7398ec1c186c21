#include "server-stub/relay_server.h"

#include "server-stub/http_session.h"

#include <doctest/doctest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/optional.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace fs = std::filesystem;
using inbox::relay::RelayConfig;
using inbox::relay::RelayServer;

namespace {

// A broken server fails the test after this long instead of hanging it.
constexpr std::chrono::seconds client_timeout_s{10};

using Reply = http::response<http::string_body>;

// parent/ holds secret.txt, a file a traversal would reach; parent/root/ is the document root.
class TempSite {
 public:
  TempSite() {
    std::string pattern = (fs::temp_directory_path() / "inbox-relay-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    parent_ = pattern;
    root_ = parent_ / "root";
    fs::create_directories(root_ / "assets");
    write(parent_ / "secret.txt", "outside the root");
  }
  ~TempSite() {
    std::error_code ec;
    fs::remove_all(parent_, ec);
  }
  TempSite(TempSite const&) = delete;
  TempSite& operator=(TempSite const&) = delete;

  fs::path const& root() const { return root_; }

  static void write(fs::path const& path, std::string const& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    REQUIRE(out.good());
  }

 private:
  fs::path parent_;
  fs::path root_;
};

// One client connection; every exchange runs the client's own io_context to completion under a deadline.
class TestClient {
 public:
  explicit TestClient(std::uint16_t port) : stream_(ioc_) {
    stream_.expires_after(client_timeout_s);
    stream_.async_connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port),
                          [this](beast::error_code ec) { ec_ = ec; });
    run();
    REQUIRE_MESSAGE(!ec_, "connect: " << ec_.message());
  }

  Reply request(http::verb verb, std::string const& target) {
    http::request<http::empty_body> request{verb, target, 11};
    request.set(http::field::host, "127.0.0.1");
    return exchange(request, verb == http::verb::head);
  }

  // Bytes exactly as given, for requests a well-behaved client library would never produce.
  Reply raw_request(std::string const& bytes) {
    stream_.expires_after(client_timeout_s);
    net::async_write(stream_, net::buffer(bytes), [this](beast::error_code ec, std::size_t) {
      ec_ = ec;
      if (!ec) start_read(false);
    });
    return finish();
  }

  // True when the server ended the connection (end of stream) rather than leaving it open.
  bool closed_by_server() {
    stream_.expires_after(client_timeout_s);
    char byte = 0;
    stream_.async_read_some(net::buffer(&byte, 1), [this](beast::error_code ec, std::size_t) { ec_ = ec; });
    run();
    return ec_ == net::error::eof || ec_ == net::error::connection_reset;
  }

 private:
  template <class Message>
  Reply exchange(Message const& message, bool is_head) {
    stream_.expires_after(client_timeout_s);
    http::async_write(stream_, message, [this, is_head](beast::error_code ec, std::size_t) {
      ec_ = ec;
      if (!ec) start_read(is_head);
    });
    return finish();
  }

  void start_read(bool is_head) {
    parser_.emplace();
    parser_->skip(is_head);  // a HEAD response has a Content-Length but no body
    parser_->body_limit(16 * 1024 * 1024);
    http::async_read(stream_, buffer_, *parser_, [this](beast::error_code ec, std::size_t) { ec_ = ec; });
  }

  Reply finish() {
    run();
    REQUIRE_MESSAGE(!ec_, "exchange: " << ec_.message());
    return parser_->release();
  }

  void run() {
    ioc_.restart();
    ioc_.run();
  }

  net::io_context ioc_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  boost::optional<http::response_parser<http::string_body>> parser_;
  beast::error_code ec_;
};

// A document root with the files a web build produces, and a relay serving it on an ephemeral port.
struct LiveRelay {
  explicit LiveRelay(int threads = 1) {
    TempSite::write(site.root() / "index.html", index_html);
    TempSite::write(site.root() / "app.wasm", wasm_bytes);
    TempSite::write(site.root() / "app.js", "console.log('inbox');\n");
    TempSite::write(site.root() / "assets" / "font.ttf", "not really a font");
    RelayConfig config;
    config.doc_root = site.root().string();
    config.host = "127.0.0.1";
    config.port = 0;
    config.threads = threads;
    server.emplace(config);
    boost::system::error_code const ec = server->start();
    REQUIRE_MESSAGE(!ec, "start: " << ec.message());
    REQUIRE(server->port() != 0);
  }

  inline static std::string const index_html = "<!doctype html><title>Inbox</title>\n";
  // NUL and high bytes: the body must come through byte for byte.
  inline static std::string const wasm_bytes = std::string("\0asm\x01\0\0\0\xff\xfe", 10);

  TempSite site;
  boost::optional<RelayServer> server;
};

}  // namespace

TEST_CASE("relay: GET /index.html returns the page with its type and length") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  Reply const reply = client.request(http::verb::get, "/index.html");
  CHECK(reply.result() == http::status::ok);
  CHECK(reply.body() == LiveRelay::index_html);
  CHECK(reply[http::field::content_type] == "text/html; charset=utf-8");
  CHECK(reply[http::field::content_length] == std::to_string(LiveRelay::index_html.size()));
  CHECK(reply[http::field::cache_control] == "no-cache");
}

TEST_CASE("relay: opening the bare URL the relay prints serves index.html") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  Reply const reply = client.request(http::verb::get, "/?demo=1");
  CHECK(reply.result() == http::status::ok);
  CHECK(reply.body() == LiveRelay::index_html);
}

TEST_CASE("relay: the app's wasm comes as application/wasm, byte for byte, never cached stale") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  Reply const reply = client.request(http::verb::get, "/app.wasm");
  CHECK(reply.result() == http::status::ok);
  CHECK(reply[http::field::content_type] == "application/wasm");
  CHECK(reply[http::field::cache_control] == "no-cache");
  CHECK(reply.body() == LiveRelay::wasm_bytes);
}

TEST_CASE("relay: fonts have their type and no forced revalidation") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  Reply const reply = client.request(http::verb::get, "/assets/font.ttf");
  CHECK(reply.result() == http::status::ok);
  CHECK(reply[http::field::content_type] == "font/ttf");
  CHECK(reply.count(http::field::cache_control) == 0);
}

TEST_CASE("relay: HEAD has the Content-Length of the file and no body, and the connection stays usable") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  Reply const head = client.request(http::verb::head, "/app.wasm");
  CHECK(head.result() == http::status::ok);
  CHECK(head[http::field::content_length] == std::to_string(LiveRelay::wasm_bytes.size()));
  CHECK(head[http::field::content_type] == "application/wasm");
  CHECK(head.body().empty());
  // Had the server sent body bytes after the HEAD headers, they would be parsed as this response and fail it.
  Reply const get = client.request(http::verb::get, "/index.html");
  CHECK(get.result() == http::status::ok);
  CHECK(get.body() == LiveRelay::index_html);
}

TEST_CASE("relay: keep-alive serves several requests on one connection") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  for (int i = 0; i < 5; ++i) {
    Reply const reply = client.request(http::verb::get, i % 2 == 0 ? "/app.js" : "/app.wasm");
    CHECK(reply.result() == http::status::ok);
    CHECK(reply.keep_alive());
  }
}

TEST_CASE("relay: traversal out of the root is refused, whatever the spelling") {
  LiveRelay relay;
  for (char const* target : {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/../secret.txt", "/%2e%2e/secret.txt",
                             "/assets/../../secret.txt", "/..%2fsecret.txt", "/..\\secret.txt",
                             "//etc/passwd"}) {
    CAPTURE(target);
    TestClient client(relay.server->port());
    Reply const reply = client.request(http::verb::get, target);
    CHECK(reply.result() == http::status::forbidden);
    CHECK(reply.body().find("outside the root") == std::string::npos);
  }
}

TEST_CASE("relay: a file that is not there is 404, and so is a directory") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  CHECK(client.request(http::verb::get, "/missing.js").result() == http::status::not_found);
  CHECK(client.request(http::verb::get, "/assets").result() == http::status::not_found);
  CHECK(client.request(http::verb::head, "/missing.js").result() == http::status::not_found);
}

TEST_CASE("relay: methods other than GET and HEAD get 405 with Allow") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  for (http::verb const verb : {http::verb::post, http::verb::put, http::verb::delete_, http::verb::options}) {
    CAPTURE(http::to_string(verb));
    Reply const reply = client.request(verb, "/index.html");
    CHECK(reply.result() == http::status::method_not_allowed);
    CHECK(reply[http::field::allow] == "GET, HEAD");
  }
}

TEST_CASE("relay: a malformed request gets 400 and the connection is closed") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  Reply const reply = client.raw_request("GET /index.html HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n");
  CHECK(reply.result() == http::status::bad_request);
  CHECK_FALSE(reply.keep_alive());
  CHECK(client.closed_by_server());
}

TEST_CASE("relay: a malformed percent-escape in the target is 400, the connection stays open") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  CHECK(client.request(http::verb::get, "/app%zz.js").result() == http::status::bad_request);
  CHECK(client.request(http::verb::get, "/app.js").result() == http::status::ok);
}

TEST_CASE("relay: oversized headers are refused with 431 and the connection closed") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  http::request<http::empty_body> request{http::verb::get, "/index.html", 11};
  request.set(http::field::host, "127.0.0.1");
  request.set(http::field::cookie, std::string(inbox::relay::request_header_bytes_max, 'c'));
  Reply const reply = client.raw_request([&] {
    std::ostringstream out;
    out << request;
    return out.str();
  }());
  CHECK(reply.result() == http::status::request_header_fields_too_large);
  CHECK(client.closed_by_server());
}

TEST_CASE("relay: an oversized body is refused with 413") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  std::string const header = "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\n\r\n";
  Reply const reply = client.raw_request(header);
  CHECK(reply.result() == http::status::payload_too_large);
}

TEST_CASE("relay: several threads serve several clients") {
  LiveRelay relay(4);
  std::vector<std::unique_ptr<TestClient>> clients;
  for (int i = 0; i < 8; ++i) clients.push_back(std::make_unique<TestClient>(relay.server->port()));
  for (auto& client : clients) CHECK(client->request(http::verb::get, "/app.wasm").body() == LiveRelay::wasm_bytes);
}

TEST_CASE("relay: stopping with a keep-alive connection open returns, and the client sees the connection end") {
  LiveRelay relay;
  TestClient client(relay.server->port());
  CHECK(client.request(http::verb::get, "/index.html").result() == http::status::ok);
  relay.server->stop();
  relay.server->stop();  // idempotent: the destructor calls it again too
  relay.server.reset();
  CHECK(client.closed_by_server());
}

TEST_CASE("relay: a port already in use is an error value from start(), not an exception") {
  LiveRelay relay;
  RelayConfig config;
  config.doc_root = relay.site.root().string();
  config.port = relay.server->port();
  RelayServer second(config);
  CHECK(second.start() == boost::system::errc::address_in_use);
}

TEST_CASE("relay: a host that is not an IP address is an error value from start()") {
  RelayConfig config;
  config.doc_root = ".";
  config.host = "not an address";
  config.port = 0;
  RelayServer server(config);
  CHECK(server.start());
}

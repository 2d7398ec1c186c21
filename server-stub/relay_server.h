// The relay as an object: owns the io_context and its threads, so main() and the tests start and stop it the same way.
#pragma once
#include "server-stub/listener.h"
#include "server-stub/shared_state.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace inbox::relay {

struct RelayConfig {
  std::string doc_root;
  std::string host = "127.0.0.1";  // an IP address, not a name
  std::uint16_t port = 8080;       // 0: the OS picks a free port; read it back with RelayServer::port()
  int threads = 1;
  std::size_t sessions_max = 1024;
};

class RelayServer {
 public:
  // Without services the relay serves the app's files only.
  explicit RelayServer(RelayConfig config, RelayServices services = {});
  ~RelayServer();
  RelayServer(RelayServer const&) = delete;
  RelayServer& operator=(RelayServer const&) = delete;

  // Binds, listens and starts the threads. When it returns without error the relay is ready: a client may connect
  // to port() at once, no waiting or polling needed. Call once.
  boost::system::error_code start();

  std::uint16_t port() const { return endpoint_.port(); }
  std::size_t connections_open() const;  // HTTP and WebSocket; 0 before start()
  boost::asio::ip::tcp::endpoint endpoint() const { return endpoint_; }

  // Stops every handler and joins the threads. Idempotent; must not be called from one of the relay's threads.
  void stop();

 private:
  void run_thread();

  RelayConfig const config_;
  RelayServices const services_;
  // Declared first so it is destroyed last: pending handlers own sessions whose sockets belong to it.
  boost::asio::io_context ioc_;
  std::shared_ptr<SharedState> state_;
  std::shared_ptr<Listener> listener_;
  std::vector<std::thread> threads_;
  boost::asio::ip::tcp::endpoint endpoint_;
};

}  // namespace inbox::relay

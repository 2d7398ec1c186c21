// Start/stop of the relay's io_context and worker threads.
#include "server-stub/relay_server.h"

#include "server-stub/shared_state.h"

#include <boost/asio/ip/address.hpp>

#include <cassert>
#include <cstdio>
#include <exception>
#include <string>
#include <utility>

namespace inbox::relay {

namespace net = boost::asio;

RelayServer::RelayServer(RelayConfig config, RelayServices services)
    : config_(std::move(config)), services_(std::move(services)), ioc_(config_.threads) {
  assert(config_.threads > 0 && "RelayConfig::threads must be at least 1");
}

RelayServer::~RelayServer() { stop(); }

boost::system::error_code RelayServer::start() {
  assert(!listener_ && "RelayServer::start called twice");
  boost::system::error_code ec;
  net::ip::address const address = net::ip::make_address(config_.host, ec);
  if (ec) return ec;

  state_ = std::make_shared<SharedState>(config_.doc_root, config_.sessions_max, services_);
  listener_ = std::make_shared<Listener>(ioc_, state_);
  ec = listener_->listen(net::ip::tcp::endpoint(address, config_.port));
  if (ec) return ec;
  endpoint_ = listener_->local_endpoint();
  listener_->run();

  threads_.reserve(static_cast<std::size_t>(config_.threads));
  for (int i = 0; i < config_.threads; ++i) {
    threads_.emplace_back([this] { run_thread(); });
  }
  return {};
}

void RelayServer::run_thread() {
  // Handlers return errors as values; this only catches what still throws (bad_alloc), so one bad request cannot
  // terminate the process. run() returns normally once stop() is called.
  while (true) {
    try {
      ioc_.run();
      return;
    } catch (std::exception const& e) {
      std::string const line = std::string("inbox-relay: handler threw: ") + e.what() + "\n";
      std::fputs(line.c_str(), stderr);
    }
  }
}

std::size_t RelayServer::connections_open() const { return state_ ? state_->sessions_open() : 0; }

void RelayServer::stop() {
  ioc_.stop();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

}  // namespace inbox::relay

// Accepts TCP connections and starts an HttpSession on each, each on its own strand.
#pragma once
#include "server-stub/shared_state.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>

#include <memory>

namespace inbox::relay {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(boost::asio::io_context& ioc, std::shared_ptr<SharedState> state);

  // Opens, binds and listens synchronously, so a failure (port taken, bad address) is reported to the caller and
  // connections are queued by the kernel from the moment this returns.
  boost::beast::error_code listen(boost::asio::ip::tcp::endpoint const& endpoint);
  boost::asio::ip::tcp::endpoint local_endpoint() const;

  // Starts the accept loop; call after listen() succeeded.
  void run();

 private:
  void do_accept();
  void on_accept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::shared_ptr<SharedState> state_;
};

}  // namespace inbox::relay

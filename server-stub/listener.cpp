// The accept loop, after Beast's advanced_server listener.
#include "server-stub/listener.h"

#include "server-stub/fail.h"
#include "server-stub/http_session.h"

#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include <utility>

namespace inbox::relay {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

Listener::Listener(net::io_context& ioc, std::shared_ptr<SharedState> state)
    : ioc_(ioc), acceptor_(net::make_strand(ioc)), state_(std::move(state)) {}

beast::error_code Listener::listen(tcp::endpoint const& endpoint) {
  beast::error_code ec;
  acceptor_.open(endpoint.protocol(), ec);
  if (ec) return ec;
  // A restarted relay must not wait out TIME_WAIT of its previous run's connections.
  acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return ec;
  acceptor_.bind(endpoint, ec);
  if (ec) return ec;
  acceptor_.listen(net::socket_base::max_listen_connections, ec);
  return ec;
}

tcp::endpoint Listener::local_endpoint() const {
  beast::error_code ec;
  return acceptor_.local_endpoint(ec);
}

void Listener::run() { do_accept(); }

void Listener::do_accept() {
  acceptor_.async_accept(net::make_strand(ioc_),
                         beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
}

void Listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted) return;  // the acceptor was closed: the relay is stopping
  if (ec) {
    fail(ec, "accept");
  } else if (state_->try_open_session()) {
    std::make_shared<HttpSession>(std::move(socket), state_)->run();
  } else {
    fail(net::error::no_buffer_space, "accept: too many open connections, dropping one");
  }
  do_accept();
}

}  // namespace inbox::relay

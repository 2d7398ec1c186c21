#include "server-stub/fail.h"

#include <boost/asio/error.hpp>

#include "server-stub/log_line.h"

namespace inbox::relay {

void fail(boost::beast::error_code ec, char const* what) {
  if (ec == boost::asio::error::operation_aborted) return;
  log_event(LogLevel::warn, "network_error", {{"what", what}, {"message", ec ? ec.message() : ""}});
}

}  // namespace inbox::relay

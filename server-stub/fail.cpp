// One line per failure, written in a single call so lines from different threads do not interleave.
#include "server-stub/fail.h"

#include <boost/asio/error.hpp>

#include <cstdio>
#include <string>

namespace inbox::relay {

void fail(boost::beast::error_code ec, char const* what) {
  if (ec == boost::asio::error::operation_aborted) return;
  std::string const line = std::string("inbox-relay: ") + what + ": " + ec.message() + "\n";
  std::fputs(line.c_str(), stderr);
}

}  // namespace inbox::relay

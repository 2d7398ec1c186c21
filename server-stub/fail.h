// Reports a failed network operation as a log line (log_line.h).
#pragma once
#include <boost/beast/core/error.hpp>

namespace inbox::relay {

// Silent for operation_aborted: that is our own shutdown, not a failure.
void fail(boost::beast::error_code ec, char const* what);

}  // namespace inbox::relay

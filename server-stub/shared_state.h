// What every session of one relay shares: the document root and the count of open connections. The WebSocket
// session list joins it when sync arrives (as in Beast's chat-multi shared_state).
#pragma once
#include <atomic>
#include <cstddef>
#include <string>

namespace inbox::relay {

class SharedState {
 public:
  SharedState(std::string doc_root, std::size_t sessions_max);

  std::string const& doc_root() const { return doc_root_; }

  // false when sessions_max are already open: the listener then drops the new connection. Each true is paired
  // with one close_session(), from the session's destructor.
  bool try_open_session();
  void close_session();
  std::size_t sessions_open() const { return sessions_open_.load(); }

 private:
  std::string const doc_root_;
  std::size_t const sessions_max_;
  std::atomic<std::size_t> sessions_open_{0};
};

}  // namespace inbox::relay

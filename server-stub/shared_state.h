// What every session of one relay shares: the document root, the count of open connections, and the hub the
// WebSocket sessions talk to (none: the relay serves files only and /ws answers 404).
#pragma once
#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

namespace inbox::relay {

class Hub;

class SharedState {
 public:
  SharedState(std::string doc_root, std::size_t sessions_max, std::shared_ptr<Hub> hub = nullptr);

  std::string const& doc_root() const { return doc_root_; }
  Hub* hub() const { return hub_.get(); }

  // false when sessions_max are already open: the listener then drops the new connection. Each true is paired
  // with one close_session(), from the session's destructor.
  bool try_open_session();
  void close_session();
  std::size_t sessions_open() const { return sessions_open_.load(); }

 private:
  std::string const doc_root_;
  std::size_t const sessions_max_;
  std::shared_ptr<Hub> const hub_;
  std::atomic<std::size_t> sessions_open_{0};
};

}  // namespace inbox::relay

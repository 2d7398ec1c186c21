// What every session of one relay shares: the document root, the count of open connections, the hub the
// WebSocket sessions talk to and the API routes tried before the static files.
#pragma once
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "server-stub/request_handler.h"

namespace inbox::relay {

class Hub;

// nullopt: not an API path, the static files answer. Called on an io thread; client_ip is the peer address.
using ApiRoutes = std::function<std::optional<StringResponse>(Request const& request, std::string_view client_ip)>;

// What the relay serves besides its files. Without a hub /ws answers 404; without routes there is no API.
struct RelayServices {
  std::shared_ptr<Hub> hub;
  ApiRoutes api;
};

class SharedState {
 public:
  SharedState(std::string doc_root, std::size_t sessions_max, RelayServices services = {});

  std::string const& doc_root() const { return doc_root_; }
  Hub* hub() const { return services_.hub.get(); }
  ApiRoutes const& api() const { return services_.api; }

  // false when sessions_max are already open: the listener then drops the new connection. Each true is paired
  // with one close_session(), from the session's destructor.
  bool try_open_session();
  void close_session();
  std::size_t sessions_open() const { return sessions_open_.load(); }

 private:
  std::string const doc_root_;
  std::size_t const sessions_max_;
  RelayServices const services_;
  std::atomic<std::size_t> sessions_open_{0};
};

}  // namespace inbox::relay

// Session accounting shared by the listener and the sessions it starts.
#include "server-stub/shared_state.h"

#include <cassert>
#include <utility>

namespace inbox::relay {

SharedState::SharedState(std::string doc_root, std::size_t sessions_max, RelayServices services)
    : doc_root_(std::move(doc_root)), sessions_max_(sessions_max), services_(std::move(services)) {
  assert(sessions_max_ > 0 && "sessions_max must be positive or the relay can serve no one");
}

bool SharedState::try_open_session() {
  std::size_t const open_before = sessions_open_.fetch_add(1);
  if (open_before < sessions_max_) return true;
  sessions_open_.fetch_sub(1);
  return false;
}

void SharedState::close_session() {
  std::size_t const open_before = sessions_open_.fetch_sub(1);
  assert(open_before > 0 && "close_session without a matching try_open_session");
  (void)open_before;
}

}  // namespace inbox::relay

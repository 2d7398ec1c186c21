// Where the sessions meet the authority: one thread owns the Authority and works through a queue. Hellos
// are answered between batches (a welcome's seq is exactly where the session's event stream starts);
// every command waiting when a batch starts goes into it (group commit: one transaction, one fsync), then
// acks, rejects and the batch's events go out. The thread also wakes for the core's next timer.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server-stub/accounts/account_store.h"
#include "server-stub/sync/authority.h"
#include "sync/protocol.h"

namespace inbox::relay {

// A connection as the hub sees it. The hub calls these from its own thread; an implementation hands the
// work to its connection's executor and returns at once.
class Peer {
 public:
  virtual ~Peer() = default;
  virtual void send_text(std::shared_ptr<const std::string> frame) = 0;
  virtual void send_binary(std::shared_ptr<const std::string> bytes) = 0;
  // The hello was accepted: from now on the session's commands act as `user`.
  virtual void signed_in(UserId user) = 0;
  // Sends what is queued, then closes with `reason` (a fatal error frame was queued before it).
  virtual void close(std::string reason) = 0;
};

// Who holds a token: the accounts service answers, the hub only asks.
using Authenticate = std::function<std::optional<UserId>(std::string_view token, int64_t now_ms)>;

struct HubConfig {
  std::function<int64_t()> clock;      // wall time in ms; the hub never moves backwards with it
  Authenticate authenticate;
  uint64_t snapshot_every_events = 10'000;
  size_t resume_events_max = 10'000;   // a client further behind than this gets a snapshot instead
  size_t batch_commands_max = 1'000;
};

struct HubStats {
  uint64_t head = 0;
  size_t peers = 0;
  uint64_t batches = 0;
  uint64_t commands_accepted = 0;
  uint64_t commands_rejected = 0;
};

class Hub {
 public:
  Hub(Authority authority, HubConfig config);
  ~Hub();
  Hub(const Hub&) = delete;
  Hub& operator=(const Hub&) = delete;

  void start();
  void stop();  // finishes the batch in progress; idempotent

  // From any thread.
  void hello(std::shared_ptr<Peer> peer, sync::HelloFrame hello);
  void command(const std::shared_ptr<Peer>& peer, UserId user, sync::CommandFrame command);
  void closed(const Peer* peer);

  HubStats stats() const;

 private:
  struct HelloJob {
    std::shared_ptr<Peer> peer;
    sync::HelloFrame hello;
  };
  struct CommandJob {
    std::weak_ptr<Peer> peer;
    UserId user;
    sync::CommandFrame command;
  };
  struct Member {
    std::weak_ptr<Peer> peer;
    UserId user;
  };

  void run();
  void answer_hello(const HelloJob& job, int64_t now_ms);
  void run_batch(std::vector<CommandJob> jobs, int64_t now_ms);
  void broadcast(const std::vector<sync::SequencedEvent>& events);
  int64_t now();

  Authority authority_;
  HubConfig config_;
  std::thread thread_;

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<HelloJob> hellos_;
  std::vector<CommandJob> commands_;
  std::vector<const Peer*> closed_;
  std::vector<Command> system_commands_;
  HubStats stats_;

  // The hub thread's own: the signed-in sessions and how many each user has open.
  std::unordered_map<const Peer*, Member> members_;
  std::unordered_map<UserId, size_t> connections_;
  int64_t last_now_ = 0;
};

}  // namespace inbox::relay

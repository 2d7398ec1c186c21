// Where the sessions meet the authority: one thread owns the Authority and works through a queue. Hellos
// are answered between batches (a welcome's seq is exactly where the session's event stream starts);
// every command waiting when a batch starts goes into it (group commit: one transaction, one fsync), then
// acks, rejects and the batch's events go out. The thread also wakes for the core's next timer.
#pragma once
#include <chrono>
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
#include "server-stub/metrics/relay_metrics.h"
#include "server-stub/sync/authority.h"
#include "server-stub/sync/viewer_copy.h"
#include "sync/protocol.h"

namespace inbox::relay {

// A connection as the hub sees it. The hub calls these from its own thread; an implementation hands the
// work to its connection's executor and returns at once.
class Peer {
 public:
  virtual ~Peer() = default;
  // Unique for the relay's lifetime (an address could be reused by the next connection).
  virtual uint64_t peer_id() const = 0;
  virtual void send_text(std::shared_ptr<const std::string> frame) = 0;
  // Several text frames, in order, written together (a batch's events and the ack that follows them).
  virtual void send_texts(std::vector<std::shared_ptr<const std::string>> frames) = 0;
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
  // Group commit's pace under load: a batch of commands starts at least this long after the one before (a
  // command after a quiet spell goes at once). Each batch costs every session a frame, and writing frames is
  // what saturates the io thread first (docs/performance.md: at 1,000 commands/s to 500 sessions, ack p99
  // 6.5-12 s unpaced, 4.6 s at 5 ms, 0.3-0.5 s at 10 ms, 0.18 s at 20 ms); PostgreSQL's commit_delay paces fsyncs alike.
  std::chrono::microseconds batch_interval{10'000};
  // Called on the hub thread after each commit, with the committed events (e.g. the WhatsApp outbox picks
  // up outbound messages). Must return quickly: hand the work to another thread.
  std::function<void(const std::vector<sync::SequencedEvent>&)> on_committed;
  std::shared_ptr<RelayMetrics> metrics;  // counted into when set (/metrics)
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
  void closed(uint64_t peer_id);
  // Commands from the relay itself (actor none: webhooks, the outbox's delivery reports). They go into the
  // next batch; refusals (a duplicate, an unknown message) are dropped. `done` runs on the hub thread once
  // the batch is committed (true) or its commit failed (false).
  void system(std::vector<Command> commands, std::function<void(bool committed)> done = {});

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
    std::chrono::steady_clock::time_point arrived;
  };
  struct Member {
    std::weak_ptr<Peer> peer;
    UserId user;
    ViewerCopy copy;  // what the session's copy lacks, so it only ever receives what its user may see
  };

  void run();
  void answer_hello(const HelloJob& job, int64_t now_ms);
  bool run_batch(std::vector<CommandJob> jobs, int64_t now_ms);  // false: the commit failed
  // A batch's frames per session (events, then acks and rejects), handed over once the batch is done.
  struct Outgoing {
    std::shared_ptr<Peer> peer;
    std::vector<std::shared_ptr<const std::string>> frames;
  };
  using BatchFrames = std::unordered_map<uint64_t, Outgoing>;
  void broadcast(const std::vector<sync::SequencedEvent>& events, size_t conversations_before, BatchFrames& out);
  // A welcome and the snapshot of the state as `user` may see it; the copy it leaves.
  ViewerCopy send_snapshot(Peer& peer, UserId user);
  int64_t now();
  void count_batch(const std::vector<CommandJob>& jobs, uint64_t accepted, size_t events, double commit_seconds);

  Authority authority_;
  HubConfig config_;
  std::thread thread_;

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<HelloJob> hellos_;
  std::vector<CommandJob> commands_;
  std::vector<uint64_t> closed_;
  std::vector<Command> system_commands_;  // hub thread: the connections seen this round
  std::vector<Command> external_commands_;
  std::vector<std::function<void(bool)>> external_done_;
  HubStats stats_;

  // The hub thread's own: the signed-in sessions and how many each user has open.
  std::unordered_map<uint64_t, Member> members_;
  std::unordered_map<UserId, size_t> connections_;
  int64_t last_now_ = 0;
  std::chrono::steady_clock::time_point last_batch_at_{};
  std::chrono::steady_clock::time_point queues_counted_at_{};
};

}  // namespace inbox::relay

// The one seam between the views and whoever decides: "submit a command, receive events". The demo's
// in-page authority (local_engine.h) implements it now; a relay client (outbox, optimistic apply, rebase)
// implements it later without any view changing.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/errors.h"
#include "core/state.h"

namespace inbox::sync {

constexpr size_t kRejectionsKeptMax = 64;

// Whom a submission is for. The signed-in user hears about a refusal of theirs; a simulated person's (the
// demo's customers and teammates) only means someone else got there first, and no toast reports it.
enum class Submitter : uint8_t { user, simulated };

// A command the authority refused: nothing changed; the UI shows the core's human message to its submitter.
struct Rejection {
  uint64_t submission = 0;
  Submitter submitter = Submitter::user;
  Error error;
};

class Engine {
 public:
  virtual ~Engine() = default;

  // The state the views draw: confirmed events plus, for a remote engine, pending ones applied optimistically.
  virtual const State& state() const = 0;

  // Queues a command on someone's behalf; its events show up in state(), or a Rejection carrying `submitter`
  // in take_rejections(). Returns the submission number the rejection will carry.
  virtual uint64_t submit_as(Submitter submitter, const Command& command, int64_t now_ms) = 0;

  // The signed-in user's own submission: what the views do.
  uint64_t submit(const Command& command, int64_t now_ms) { return submit_as(Submitter::user, command, now_ms); }

  // Refusals since the last call, everyone's, oldest first (at most kRejectionsKeptMax: older ones are dropped).
  virtual std::vector<Rejection> take_rejections() = 0;

  // Lets time pass: the local authority fires every timer due by now_ms (offer timeouts, reply timers...)
  // and dispatches waiting conversations; a remote engine would pump its connection here.
  virtual void advance(int64_t now_ms) = 0;

  // When advance() next has work to do (kNoDeadline in core/timers.h: nothing scheduled); the idle frame
  // loop sleeps until then.
  virtual int64_t next_deadline() const = 0;

  // Bumped whenever state() changes: views cache what they compute per frame against it.
  virtual uint64_t revision() const = 0;
};

}  // namespace inbox::sync

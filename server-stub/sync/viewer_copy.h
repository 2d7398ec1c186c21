// What one signed-in session's copy of the workspace holds, so the hub sends it only what its user may see
// (core/redaction.h). For an agent the hub remembers the conversations whose content the copy lacks; when
// such a conversation becomes visible (assigned or transferred to them, a conference, the Teammates section
// shared) the session gets a fresh snapshot instead of the batch, since the content it lacks is history.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/state.h"
#include "sync/protocol.h"

namespace inbox::relay {

struct ViewerCopy {
  UserId viewer;
  bool redacted = false;
  std::vector<bool> lacks_content;  // per conversation id, for a redacted copy
};

// The copy a snapshot (or a resume) of `state` leaves: every conversation the viewer may not view lacks its
// content (for a resume that is conservative: the events it missed may have hidden more).
ViewerCopy copy_of(const State& state, UserId viewer);

// What to send one session for a committed batch. `events` are the batch's, `state` is after them and
// `conversations_before` how many conversations existed before them.
struct Delivery {
  bool resync = false;              // send a welcome and a snapshot instead of the events
  std::vector<bool> without_content;  // per event; empty: every event as it is
};
Delivery plan_delivery(ViewerCopy& copy, const State& state, const std::vector<sync::SequencedEvent>& events,
                       size_t conversations_before);

// What a resuming session gets for the events it missed (already read from the log): resync when they may
// have shown it a conversation whose content its copy lacked, else the content of the conversations it may
// not view now removed.
Delivery resume_delivery(const State& state, UserId viewer, const std::vector<sync::SequencedEvent>& missed);

// The events as one session receives them.
std::vector<sync::SequencedEvent> delivered_events(const std::vector<sync::SequencedEvent>& events,
                                                   const std::vector<bool>& hidden);

}  // namespace inbox::relay

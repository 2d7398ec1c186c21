// What an agent's copy of the workspace leaves out: the content (text, media, templates, ad referrals) of the
// conversations the agent may not view (permissions.h: may_view). Everything else (that a conversation exists,
// its status, queue and assignee) stays, so counts, queues and the assignment engine agree everywhere.
// Roles that act on any conversation get everything.
#pragma once
#include "core/events.h"
#include "core/ids.h"

namespace inbox {

struct State;

// False for a supervisor, an operator or an administrator: nothing is left out of their copy.
bool copy_is_redacted(const State& state, UserId viewer);

// The conversation an event names (none: it names none). An assignee or a conference only ever changes
// through events that name their conversation; a settings change is the one event that may change who sees
// every conversation (changes_every_view).
ConversationId named_conversation(const Event& event);
bool changes_every_view(const Event& event);

// Whether the event carries content of its conversation, and the event with that content removed.
bool carries_content(const Event& event);
Event without_content(const Event& event);

// A copy of the state in which the conversations the viewer may not view have no content: message texts
// empty (the text pool rebuilt without them), media, templates and referrals blank.
State redacted_state(const State& state, UserId viewer);

}  // namespace inbox

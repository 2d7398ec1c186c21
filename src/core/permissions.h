// Who may do what: the role rules decide() enforces and the views use for visibility.
#pragma once
#include <optional>

#include "core/errors.h"
#include "core/ids.h"
#include "core/model.h"

namespace inbox {

struct State;

// Settings, users, teams, channels, closing reasons (assignment settings included).
bool manages_workspace(Role role);

// How refusals name the actor: "an administrator", "a supervisor", "an operator", "an agent".
const char* role_with_article(Role role);
// How refusals name a status: "available", "idle", "unavailable", "in RONA (no answer to an offer)".
const char* user_status_text(UserStatus status);

// Whether the viewer may open the workspace settings (a read-only question the UI asks before showing them):
// nothing when they may, else the refusal with its human message, as decide() words it ("Not allowed for an
// agent: ..."). Saving each setting is still decided command by command.
std::optional<Error> settings_refusal(const State& state, UserId viewer);

// Operator, Supervisor and Administrator act on every conversation (assign, transfer, close...);
// an Agent only on their own, unassigned ones and conferences they joined.
bool acts_on_any_conversation(Role role);

// The system actor (none) may act on anything; a user as above.
bool may_act_on(const State& state, UserId actor, const Conversation& conversation);

// What a user may see: what they may act on, plus conferences they are invited to.
bool may_view(const State& state, UserId viewer, const Conversation& conversation);

}  // namespace inbox

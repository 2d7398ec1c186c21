#include "app/waiting_text.h"

#include "app/display_text.h"
#include "app/i18n.h"
#include "core/state.h"
#include "core/waiting.h"

namespace inbox::ui {
namespace {

std::string reason_text(const State& state, const Conversation& c, WaitReason reason) {
  const Team* team = find_team(state, c.team);
  const char* team_name = team != nullptr ? team->name.c_str() : "";
  switch (reason) {
    case WaitReason::offered:
      return format_text(tr("Offered to %s: waiting for them to accept"), user_name(state, c.offered_to).c_str());
    case WaitReason::escalated: return tr("Waiting for a supervisor: nobody answered it in time");
    case WaitReason::no_team:
      return tr("Waiting: no team (its channel has none, nor the workspace a default team). Assign it by hand");
    case WaitReason::assignment_off: return tr("Waiting: automatic assignment is off. Someone must take it");
    case WaitReason::no_members: return format_text(tr("Waiting: the team %s has nobody in it"), team_name);
    case WaitReason::nobody_available:
      return format_text(tr("Waiting: nobody in %s can take a chat now (away, excluded or full); the first who can gets it"),
                         team_name);
    case WaitReason::dispatching: return format_text(tr("Being handed out in %s"), team_name);
  }
  return std::string();
}

}  // namespace

std::string waiting_text(const State& state, const Conversation& c, const LocalClock& clock) {
  if (c.transfer.to.valid()) {
    return format_text(tr("Transfer to %s requested: waiting for them to accept (%s left)"),
                  user_name(state, c.transfer.to).c_str(), format_duration(c.transfer.expires_at - clock.now_ms).c_str());
  }
  const std::optional<WaitReason> reason = waiting_reason(state, c);
  return reason ? reason_text(state, c, *reason) : std::string();
}

}  // namespace inbox::ui

#include "app/explanation_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>

#include "app/display_text.h"
#include "app/i18n.h"
#include "app/labels.h"
#include "app/test_locator.h"
#include "core/model.h"
#include "core/permissions.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

std::string formatted(const char* format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof(buffer), format, args);
  va_end(args);
  return buffer;
}

std::string name_of(const State& state, UserId user) {
  const std::string name = user_name(state, user);
  return name.empty() ? std::string("?") : name;
}

std::string candidate_line(const State& state, const Candidate& candidate, int64_t at_ms) {
  const std::string chats = formatted(candidate.load == 1 ? tr("%u active chat") : tr("%u active chats"), candidate.load);
  const std::string idle = candidate.idle_since == kNever
                               ? std::string(tr("never assigned nor active"))
                               : formatted(tr("idle %s"), format_duration(std::max<int64_t>(0, at_ms - candidate.idle_since)).c_str());
  return name_of(state, candidate.user) + ": " + chats + ", " + idle;
}

// One line, listed for the locator so tests read what the popup says.
void line(const std::string& text, bool dim = false) {
  if (dim) {
    ImGui::TextDisabled("%s", text.c_str());
  } else {
    ImGui::TextUnformatted(text.c_str());
  }
  locator_label_last_text(text.c_str());
}

void draw_explanation(const ExplanationText& text) {
  line(text.heading);
  line(text.outcome);
  line(text.team, true);
  if (!text.candidates.empty()) {
    ImGui::TextDisabled("%s", tr("Candidates"));
    ImGui::Indent();
    for (const std::string& candidate : text.candidates) line(candidate);
    ImGui::Unindent();
  }
  if (!text.skipped.empty()) {
    ImGui::TextDisabled("%s", tr("Passed over"));
    ImGui::Indent();
    for (const std::string& skipped : text.skipped) line(skipped);
    ImGui::Unindent();
  }
}

}  // namespace

ExplanationText explanation_text(const State& state, const LoggedExplanation& logged, const LocalClock& clock) {
  const Explanation& e = logged.explanation;
  ExplanationText text;
  text.heading = format_date_time(logged.at_ms, clock) + " · " + rule_label(e.strategy) + " · " +
                 trigger_label(e.trigger);
  if (!e.chosen.valid()) {
    text.outcome = tr("Nobody could take it: it waits in Unassigned");
  } else {
    text.outcome = formatted(e.offered ? tr("Offered to %s") : tr("Assigned to %s"), name_of(state, e.chosen).c_str());
  }
  const Team* team = find_team(state, e.team);
  text.team = formatted(tr("Team %s: %u members, %u could take it"), team != nullptr ? team->name.c_str() : "?",
                        e.members, e.eligible);
  for (const Candidate& candidate : e.candidates) text.candidates.push_back(candidate_line(state, candidate, logged.at_ms));
  for (const Skip& skip : e.skipped) text.skipped.push_back(name_of(state, skip.user) + ": " + skip_reason_label(skip.reason));
  if (e.skipped_unlisted > 0) text.skipped.push_back(formatted(tr("and %u more passed over"), e.skipped_unlisted));
  return text;
}

void draw_explanation_button(ExplanationState& ui, const sync::Engine& engine, UserId viewer, ConversationId conversation,
                             const LocalClock& clock) {
  const State& state = engine.state();
  const User* user = find_user(state, viewer);
  if (user == nullptr || !manages_workspace(user->role)) return;
  if (ImGui::Button(tr("Why this agent?"))) ImGui::OpenPopup("explanation_popup");
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowSizeConstraints(ImVec2(24 * em, 0), ImVec2(40 * em, 30 * em));
  if (!ImGui::BeginPopup("explanation_popup")) return;
  if (ImGui::IsWindowAppearing() || ui.conversation != conversation || ui.viewer != viewer ||
      ui.revision != engine.revision()) {
    ui.shown = assignment_history(state, viewer, conversation);  // a scan of the log: only while the popup is open
    ui.conversation = conversation;
    ui.viewer = viewer;
    ui.revision = engine.revision();
  }
  ImGui::TextUnformatted(tr("Assignment explanation log"));
  ImGui::Separator();
  if (ui.shown.empty()) {
    line(tr("The engine has not assigned this conversation: it was picked up or assigned by hand."), true);
  }
  for (size_t i = 0; i < ui.shown.size(); ++i) {
    if (i > 0) ImGui::Separator();
    ImGui::PushID(static_cast<int>(i));
    draw_explanation(explanation_text(state, ui.shown[i], clock));
    ImGui::PopID();
  }
  ImGui::EndPopup();
}

}  // namespace inbox::ui

#include "app/compose_box.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/i18n.h"
#include "core/channel_rules.h"
#include "core/limits.h"
#include "core/state.h"
#include "core/text.h"

namespace inbox::ui {

namespace {
constexpr float kEditorLines = 4;  // the text box, or the template picker in its place
}  // namespace

float compose_box_height() {
  return ImGui::GetTextLineHeightWithSpacing() * (kEditorLines + 1) + ImGui::GetFrameHeightWithSpacing() * 2;
}

void draw_compose_box(ShellState& ui, sync::Engine& engine, const LocalClock& clock, const Conversation& c) {
  const State& state = engine.state();
  const int64_t closes_at = reply_window_closes_at(state, c);
  const bool window_open = !templates_only(state, c, clock.now_ms);
  if (closes_at != kNoDeadline) {
    if (window_open) {
      ImGui::TextDisabled(tr("WhatsApp window closes in %s"), format_duration(closes_at - clock.now_ms).c_str());
    } else {
      ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "%s",
                         closes_at == kNever
                             ? tr("The customer has not written yet: only a template can be sent on WhatsApp.")
                             : tr("The 24-hour WhatsApp window is closed: only templates can be sent."));
    }
  }
  // Free text cannot reach the customer: the template picker takes the text box's place (a note still uses it).
  const bool free_text_disabled = !window_open && !ui.compose_note;
  const ImVec2 editor_size(-1, ImGui::GetTextLineHeightWithSpacing() * kEditorLines);
  bool entered = false;
  if (free_text_disabled) {
    ImGui::BeginChild("template_picker", editor_size);
    if (c.status != ConversationStatus::closed) draw_template_picker(ui.templates, engine, ui.viewer, ui.selected, clock);
    ImGui::EndChild();
  } else {
    // Enter sends, Shift+Enter breaks the line: without CtrlEnterForNewLine, ImGui's multiline Enter inserts.
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (!ImGui::GetIO().KeyShift) flags |= ImGuiInputTextFlags_CtrlEnterForNewLine;
    if (ui.refocus_compose) {
      ImGui::SetKeyboardFocusHere();
      ui.refocus_compose = false;
    }
    entered = ImGui::InputTextMultiline("##compose", &ui.compose, editor_size, flags);
  }
  const size_t length = utf8_code_points(ui.compose).value_or(ui.compose.size());
  const bool too_long = length > kMessageCodePointsMax;
  const bool empty = ui.compose.find_first_not_of(" \n\t") == std::string::npos;
  // Notes stay inside the team, so the customer's window does not apply to them.
  const bool can_send = !too_long && !empty && (window_open || ui.compose_note) && c.status != ConversationStatus::closed;
  ImGui::BeginDisabled(!can_send);
  const bool clicked = ImGui::Button(ui.compose_note ? tr("Add note") : tr("Send"));
  ImGui::EndDisabled();
  // Enter on a message over the limit still goes to the core, which refuses it: the toast says why and the
  // text stays for the agent to shorten.
  if ((clicked || entered) && (can_send || (entered && too_long))) {
    const uint64_t before = engine.revision();
    if (ui.compose_note) {
      engine.submit(Command{ui.viewer, AddNote{ui.selected, ui.compose}}, clock.now_ms);
    } else {
      engine.submit(Command{ui.viewer, SendMessage{ui.selected, ui.compose, {}, std::nullopt}}, clock.now_ms);
    }
    if (engine.revision() != before) ui.compose.clear();
    ui.refocus_compose = entered;
  } else if (entered) {
    ui.refocus_compose = true;  // Enter on an empty or refused message keeps the caret where it was
  }
  ImGui::SameLine();
  ImGui::Checkbox(tr("Internal note"), &ui.compose_note);
  ImGui::SameLine();
  if (too_long) {
    ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%zu / %zu", length, kMessageCodePointsMax);
  } else {
    ImGui::TextDisabled("%zu / %zu", length, kMessageCodePointsMax);
  }
}

}  // namespace inbox::ui

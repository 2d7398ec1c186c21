#include "app/template_picker.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "app/i18n.h"
#include "core/message_templates.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

std::string template_label(const MessageTemplate& t, size_t index) {
  return t.name + " (" + t.language + ")##template" + std::to_string(index);
}

// The body as it will read: typed parameters filled in, the others left as {{n}} so the gap shows.
std::string preview(const MessageTemplate& t, const std::vector<std::string>& params) {
  std::vector<std::string> shown(t.params);
  for (uint32_t i = 0; i < t.params; ++i) {
    shown[i] = i < params.size() && !params[i].empty() ? params[i] : "{{" + std::to_string(i + 1) + "}}";
  }
  return render_template(t, shown);
}

}  // namespace

const MessageTemplate* draw_template_choice(TemplatePickerState& ui, const State& state, const char* id) {
  if (state.templates.empty()) {
    ImGui::TextDisabled("%s", tr("This workspace has no approved templates."));
    return nullptr;
  }
  if (ui.chosen >= static_cast<int>(state.templates.size())) ui.chosen = -1;
  // A button and a popup rather than a combo: the test locator sees the button's label.
  const MessageTemplate* chosen = ui.chosen >= 0 ? &state.templates[static_cast<size_t>(ui.chosen)] : nullptr;
  const std::string shown = chosen != nullptr ? chosen->name + " (" + chosen->language + ")" : tr("Choose a template");
  if (ImGui::Button((shown + "###" + id).c_str())) ImGui::OpenPopup("template_list");
  if (ImGui::BeginPopup("template_list")) {
    for (size_t i = 0; i < state.templates.size(); ++i) {
      if (ImGui::Selectable(template_label(state.templates[i], i).c_str(), ui.chosen == static_cast<int>(i))) {
        ui.chosen = static_cast<int>(i);
        ui.params.assign(state.templates[i].params, std::string());
      }
    }
    ImGui::EndPopup();
  }
  if (chosen != nullptr) ui.params.resize(chosen->params);
  return chosen;
}

std::optional<Template> filled_template(const TemplatePickerState& ui, const MessageTemplate& chosen) {
  const bool filled = std::none_of(ui.params.begin(), ui.params.end(), [](const std::string& p) { return p.empty(); });
  if (!filled) return std::nullopt;
  return Template{chosen.name, chosen.language, ui.params};
}

void draw_template_params(TemplatePickerState& ui, const MessageTemplate& chosen) {
  const float field = ImGui::GetFontSize() * 9;
  for (size_t i = 0; i < ui.params.size(); ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    const std::string hint = "{{" + std::to_string(i + 1) + "}}";
    ImGui::SetNextItemWidth(field);
    ImGui::InputTextWithHint(("##param" + std::to_string(i + 1)).c_str(), hint.c_str(), &ui.params[i]);
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", preview(chosen, ui.params).c_str());
  ImGui::PopTextWrapPos();
}

void draw_template_picker(TemplatePickerState& ui, sync::Engine& engine, UserId viewer, ConversationId conversation,
                          const LocalClock& clock) {
  const MessageTemplate* chosen = draw_template_choice(ui, engine.state(), "choose_template");
  if (chosen == nullptr) return;
  const std::optional<Template> filled = filled_template(ui, *chosen);
  ImGui::SameLine();
  ImGui::BeginDisabled(!filled.has_value());
  if (ImGui::Button(tr("Send template"))) {
    const uint64_t before = engine.revision();
    engine.submit(Command{viewer, SendMessage{conversation, "", {}, *filled}}, clock.now_ms);
    if (engine.revision() != before) ui = TemplatePickerState{};
  }
  ImGui::EndDisabled();
  if (ui.chosen < 0) return;  // sent: the picker starts over
  draw_template_params(ui, *chosen);
}

}  // namespace inbox::ui

#include "app/shortcuts.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include "app/i18n.h"

namespace inbox::ui {
namespace {

struct ShortcutLine {
  const char* keys;
  const char* what;
};

constexpr ShortcutLine kLines[] = {
    {"Alt+↓  Alt+J", N_("Next conversation")},
    {"Alt+↑  Alt+K", N_("Previous conversation")},
    {"/", N_("Search")},
    {"Enter", N_("Send")},
    {"Shift+Enter", N_("New line")},
    {"Escape", N_("Close a dialog or menu")},
    {"?", N_("Show these shortcuts")},
};

}  // namespace

ShortcutRequests read_shortcuts(ShortcutsState& state) {
  ShortcutRequests out;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyAlt && !io.KeyCtrl) {
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow) || ImGui::IsKeyPressed(ImGuiKey_J)) out.list_step = 1;
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow) || ImGui::IsKeyPressed(ImGuiKey_K)) out.list_step = -1;
  }
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    if (state.overlay_open) state.overlay_open = false;
    else ImGui::ClosePopupsExceptModals();
  }
  if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return out;  // plain keys belong to the field being typed in
  if (ImGui::IsKeyPressed(ImGuiKey_Slash, false)) {
    if (io.KeyShift) state.overlay_open = !state.overlay_open;  // "?" on US, pt and fr layouts alike
    else out.focus_search = true;
  }
  return out;
}

void draw_shortcuts_overlay(ShortcutsState& state) {
  if (!state.overlay_open) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::Begin("shortcuts_overlay", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextUnformatted(tr("Keyboard shortcuts"));
  ImGui::Separator();
  if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_SizingFixedFit)) {
    for (const ShortcutLine& line : kLines) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(line.keys);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(line.what));
    }
    ImGui::EndTable();
  }
  if (ImGui::Button((std::string(tr_ctx("dialog|Close")) + "##shortcuts").c_str(), ImVec2(-1, 0))) state.overlay_open = false;
  ImGui::End();
}

}  // namespace inbox::ui

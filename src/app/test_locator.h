// Records every item Dear ImGui submits in a frame (label, id, rectangle, enabled), through the item hooks that
// IMGUI_ENABLE_TEST_ENGINE turns on. Browser tests read the last finished frame to click real coordinates.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

namespace inbox::ui {

struct LocatedItem {
  ImGuiID id = 0;
  std::string label;  // as passed to ImGui, "##id" suffix included
  ImVec2 min;  // in ImGui's display coordinates (physical pixels on the web)
  ImVec2 max;
  bool enabled = true;
};

// Enables the hooks on a context; call once after ImGui::CreateContext().
void locator_attach(ImGuiContext* context);

// Call right after ImGui::NewFrame() and right after ImGui::Render(): the items of the frame in between become
// the "last frame".
void locator_begin_frame();
void locator_end_frame();

const std::vector<LocatedItem>& locator_last_frame();

// Names the last submitted item for widgets that report no label to the hooks (combos in 1.90.1).
void locator_label_last_item(const char* label);

// Lists the last drawn text (which has no id, so the hooks skip it) as an item labelled `label`: for text the
// tests read, such as a toast's message or a line of the explanation log.
void locator_label_last_text(const char* label);

}  // namespace inbox::ui

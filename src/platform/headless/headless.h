// Draws ImGui frames with no window and no GPU, so native tests can drive the real UI code: feed mouse and
// keyboard events, run a frame, read what the test locator recorded.
#pragma once
#include <imgui.h>

#include <functional>

namespace inbox::headless {

struct HeadlessUi {
  ImGuiContext* context = nullptr;
  bool fonts_loaded = false;
};

// Creates a context of the given display size (physical pixels) with the inbox's fonts and theme.
HeadlessUi create_ui(ImVec2 display_size, float pixel_ratio);
void destroy_ui(HeadlessUi& ui);

// Runs one frame: NewFrame, draw(), Render, with the test locator recording.
void run_frame(HeadlessUi& ui, const std::function<void()>& draw);

// A full click at pos: move there, press, release, one frame each (ImGui needs one per transition), and one
// more frame for what the click opened.
void click(HeadlessUi& ui, ImVec2 pos, const std::function<void()>& draw);

}  // namespace inbox::headless

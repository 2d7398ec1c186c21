#include "platform/headless/headless.h"

#include "app/fonts.h"
#include "app/test_locator.h"
#include "app/theme.h"

namespace inbox::headless {

HeadlessUi create_ui(ImVec2 display_size, float pixel_ratio) {
  HeadlessUi ui;
  ui.context = ImGui::CreateContext();
  ImGui::SetCurrentContext(ui.context);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = display_size;
  io.DeltaTime = 1.0f / 60.0f;
  ui.fonts_loaded = ui::load_fonts(io, INBOX_FONTS_DIR, pixel_ratio);
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // no GPU: the atlas only has to exist
  ui::apply_theme(pixel_ratio);
  ui::locator_attach(ui.context);
  return ui;
}

void destroy_ui(HeadlessUi& ui) {
  ImGui::DestroyContext(ui.context);
  ui.context = nullptr;
}

void run_frame(HeadlessUi& ui, const std::function<void()>& draw) {
  ImGui::SetCurrentContext(ui.context);
  ImGui::NewFrame();
  ui::locator_begin_frame();
  draw();
  ImGui::Render();
  ui::locator_end_frame();
}

void click(HeadlessUi& ui, ImVec2 pos, const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(pos.x, pos.y);
  run_frame(ui, draw);
  io.AddMouseButtonEvent(0, true);
  run_frame(ui, draw);
  io.AddMouseButtonEvent(0, false);
  run_frame(ui, draw);
  run_frame(ui, draw);  // what the click opened (a popup, a menu) appears in the frame after
}

}  // namespace inbox::headless

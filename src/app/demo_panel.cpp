#include "app/demo_panel.h"

#include <imgui.h>

#include <algorithm>

#include "app/i18n.h"
#include "app/test_locator.h"

namespace inbox::ui {
namespace {

void draw_reset(DemoControls& demo) {
  if (ImGui::SmallButton(tr("Reset demo"))) ImGui::OpenPopup("reset_demo_popup");
  if (ImGui::BeginPopup("reset_demo_popup")) {
    ImGui::TextUnformatted(tr("Start the demo from scratch? Everything done in it is lost."));
    if (ImGui::Button(tr("Reset"))) {
      demo.reset_requested = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace

void draw_demo_panel(DemoControls& demo) {
  const float em = ImGui::GetFontSize();
  const float height = ImGui::GetFrameHeightWithSpacing() * 6.5f;
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - height));
  ImGui::Separator();
  ImGui::TextDisabled("%s", tr("Demo"));
  demo::SimulatorSettings& simulator = demo.simulator;
  ImGui::Checkbox(tr("Customers write in"), &simulator.customers_write);
  int rate = static_cast<int>(simulator.customer_messages_per_hour);
  ImGui::SetNextItemWidth(-em * 0.5f);
  if (ImGui::SliderInt("##customer_rate", &rate, 0, 600, tr("%d messages an hour"), ImGuiSliderFlags_AlwaysClamp)) {
    simulator.customer_messages_per_hour = static_cast<uint32_t>(std::max(0, rate));
  }
  locator_label_last_item("##customer_rate");
  ImGui::Checkbox(tr("Teammates answer"), &simulator.teammates_work);
  if (ImGui::SmallButton(tr("A customer writes now"))) demo.customer_write_requested = true;
  draw_reset(demo);
}

}  // namespace inbox::ui

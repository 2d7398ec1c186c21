#include "app/theme.h"

#include <imgui.h>

namespace inbox::ui {

void apply_theme(float pixel_ratio) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(10, 10);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 6);
  style.FrameRounding = 6;
  style.ChildRounding = 0;
  style.TabRounding = 6;
  style.ScrollbarRounding = 6;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.SelectableTextAlign = ImVec2(0, 0.5f);

  ImVec4* c = style.Colors;
  const ImVec4 accent(0.07f, 0.55f, 0.45f, 1.0f);  // WhatsApp-like teal
  c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Text] = ImVec4(0.10f, 0.12f, 0.14f, 1);
  c[ImGuiCol_TextDisabled] = ImVec4(0.45f, 0.48f, 0.52f, 1);
  c[ImGuiCol_FrameBg] = ImVec4(0.94f, 0.95f, 0.96f, 1);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.90f, 0.92f, 0.94f, 1);
  c[ImGuiCol_Button] = accent;
  c[ImGuiCol_ButtonHovered] = ImVec4(0.09f, 0.62f, 0.51f, 1);
  c[ImGuiCol_ButtonActive] = ImVec4(0.05f, 0.45f, 0.37f, 1);
  c[ImGuiCol_Header] = ImVec4(0.86f, 0.95f, 0.92f, 1);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.92f, 0.97f, 0.95f, 1);
  c[ImGuiCol_HeaderActive] = ImVec4(0.80f, 0.93f, 0.89f, 1);
  c[ImGuiCol_Tab] = ImVec4(0.94f, 0.95f, 0.96f, 1);
  c[ImGuiCol_TabHovered] = ImVec4(0.86f, 0.95f, 0.92f, 1);
  c[ImGuiCol_TabActive] = ImVec4(0.80f, 0.93f, 0.89f, 1);
  c[ImGuiCol_TableBorderLight] = ImVec4(0.88f, 0.89f, 0.91f, 1);
  c[ImGuiCol_TableBorderStrong] = ImVec4(0.88f, 0.89f, 0.91f, 1);
  c[ImGuiCol_Separator] = ImVec4(0.88f, 0.89f, 0.91f, 1);

  style.ScaleAllSizes(pixel_ratio);
  ImGui::GetStyle() = style;
}

}  // namespace inbox::ui

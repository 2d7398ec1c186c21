#include "app/toasts.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/test_locator.h"

namespace inbox::ui {

void push_toast(Toasts& toasts, std::string text, int64_t now_ms, bool error) {
  if (toasts.shown.size() == kToastsMax) toasts.shown.erase(toasts.shown.begin());
  toasts.shown.push_back({std::move(text), now_ms + kToastShownMs, error});
}

int64_t draw_toasts(Toasts& toasts, int64_t now_ms) {
  auto& shown = toasts.shown;
  shown.erase(std::remove_if(shown.begin(), shown.end(), [&](const Toast& t) { return t.expires_at_ms <= now_ms; }),
              shown.end());
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float margin = ImGui::GetFontSize();
  float bottom = viewport->Pos.y + viewport->Size.y - margin;
  int64_t next_expiry = 0;
  for (size_t i = shown.size(); i-- > 0;) {
    const Toast& toast = shown[i];
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x - margin, bottom), ImGuiCond_Always,
                            ImVec2(1, 1));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, toast.error ? ImVec4(0.75f, 0.16f, 0.16f, 0.96f)
                                                         : ImVec4(0.07f, 0.45f, 0.37f, 0.96f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    char name[32];
    std::snprintf(name, sizeof(name), "##toast%zu", i);
    ImGui::Begin(name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushTextWrapPos(margin * 21);
    ImGui::TextUnformatted(toast.text.c_str());
    locator_label_last_text(toast.text.c_str());  // tests read which message a refusal showed
    ImGui::PopTextWrapPos();
    bottom -= ImGui::GetWindowHeight() + margin * 0.5f;
    ImGui::End();
    ImGui::PopStyleColor(2);
    if (next_expiry == 0 || toast.expires_at_ms < next_expiry) next_expiry = toast.expires_at_ms;
  }
  return next_expiry;
}

}  // namespace inbox::ui

#include "app/storage_notice.h"

#include <imgui.h>

#include <string>

#include "app/i18n.h"
#include "app/refusal_text.h"
#include "app/test_locator.h"

namespace inbox::ui {

void draw_storage_notice(const Error& failure) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.93f, 0.70f, 1.0f));  // amber: a warning, not a refusal
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.25f, 0.18f, 0.0f, 1.0f));
  ImGui::BeginChild("storage_notice", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(tr("The demo cannot be saved in this browser."));
  locator_label_last_text("##storage_notice");  // tests look for the notice, whatever the language
  const std::string detail =
      refusal_text(failure) + " " + tr("Everything you do here lasts only until the page is reloaded.");
  ImGui::TextUnformatted(detail.c_str());
  locator_label_last_text(detail.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
}

}  // namespace inbox::ui

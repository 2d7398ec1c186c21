#include "app/date_time_input.h"

#include <imgui.h>

#include <cstdlib>
#include <iterator>
#include <string>

#include "app/i18n.h"
#include "app/theme.h"

namespace inbox::ui {

std::optional<int64_t> draw_date_time_input(const char* label, const char* id, LocalDateTime& at,
                                            const LocalClock& clock) {
  const int offset = clock.utc_offset_minutes;
  ImGui::TextDisabled("%s (UTC%c%02d:%02d)", label, offset < 0 ? '-' : '+', std::abs(offset) / 60,
                      std::abs(offset) % 60);
  struct Part {
    const char* name;
    int* value;
    float width_em;
    const char* then;  // what follows it on the line
  };
  const Part parts[] = {{"day", &at.day, 3.2f, "/"},       {"month", &at.month, 3.2f, "/"},
                        {"year", &at.year, 4.5f, nullptr},  {"hour", &at.hour, 3.2f, ":"},
                        {"minute", &at.minute, 3.2f, nullptr}};
  for (const Part& part : parts) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * part.width_em);
    ImGui::InputInt((std::string("##") + id + "_" + part.name).c_str(), part.value, 0);
    if (part.then != nullptr) {
      ImGui::SameLine(0, 2);
      ImGui::TextUnformatted(part.then);
      ImGui::SameLine(0, 2);
    } else if (&part != &parts[std::size(parts) - 1]) {
      ImGui::SameLine();
    }
  }
  const std::optional<int64_t> utc = from_local(at, clock);
  if (!utc) ImGui::TextColored(kWarningColor, "%s", tr("not a date and time"));
  return utc;
}

}  // namespace inbox::ui

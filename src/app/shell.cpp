#include "app/shell.h"

#include "core/text.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <array>
#include <vector>

namespace inbox::ui {
namespace {

struct SectionInfo {
  Section section;
  const char* label;
};
constexpr std::array<SectionInfo, 4> kSections = {{
    {Section::Mine, "Mine"},
    {Section::Unassigned, "Unassigned"},
    {Section::All, "All"},
    {Section::Teammates, "Teammates"},
}};

struct TabInfo {
  StatusTab tab;
  const char* label;
};
constexpr std::array<TabInfo, 4> kTabs = {{
    {StatusTab::Open, "Open"},
    {StatusTab::Pending, "Pending"},
    {StatusTab::Scheduled, "Scheduled"},
    {StatusTab::Closed, "Closed"},
}};

const char* section_label(Section s) {
  for (const auto& info : kSections) {
    if (info.section == s) return info.label;
  }
  return "";
}

bool matches_search(const SampleConversation& c, const std::string& folded_query) {
  if (folded_query.empty()) return true;
  if (fold_for_search(c.contact_name).find(folded_query) != std::string::npos) return true;
  const std::string digits = phone_digits(folded_query);
  if (!digits.empty() && digits.size() == folded_query.size() && phone_digits(c.phone).find(digits) != std::string::npos) {
    return true;
  }
  for (const auto& m : c.messages) {
    if (fold_for_search(m.text).find(folded_query) != std::string::npos) return true;
  }
  return false;
}

void draw_count_badge(int count) {
  if (count <= 0) return;
  ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("000").x);
  ImGui::TextDisabled("%d", count);
}

void draw_sections_column(ShellState& state, const SampleInbox& inbox) {
  ImGui::TextUnformatted("Agent Inbox");
  ImGui::TextDisabled("%s", inbox.signed_in_agent.c_str());
  ImGui::Separator();
  for (const auto& info : kSections) {
    int pending = 0;
    for (const auto& c : inbox.conversations) {
      if (c.status != StatusTab::Closed && in_section(inbox, c, info.section) && awaits_reply(c)) ++pending;
    }
    if (ImGui::Selectable(info.label, state.section == info.section)) {
      state.section = info.section;
      state.selected = -1;
    }
    draw_count_badge(pending);
  }
}

void draw_list_column(ShellState& state, const SampleInbox& inbox) {
  ImGui::TextUnformatted(section_label(state.section));
  if (ImGui::BeginTabBar("status_tabs")) {
    for (const auto& info : kTabs) {
      if (ImGui::BeginTabItem(info.label)) {
        state.tab = info.tab;
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search", "Search name, email, phone, message", state.search, sizeof(state.search));

  const std::string folded_query = fold_for_search(state.search);
  std::vector<int> rows;
  for (int i = 0; i < static_cast<int>(inbox.conversations.size()); ++i) {
    const auto& c = inbox.conversations[i];
    if (c.status == state.tab && in_section(inbox, c, state.section) && matches_search(c, folded_query)) {
      rows.push_back(i);
    }
  }

  ImGui::BeginChild("conversation_list");
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0));  // name on the first line, preview below
  const float row_height = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()), row_height);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const int index = rows[r];
      const auto& c = inbox.conversations[index];
      ImGui::PushID(index);
      const ImVec2 top_left = ImGui::GetCursorScreenPos();
      if (ImGui::Selectable(c.contact_name.c_str(), state.selected == index, ImGuiSelectableFlags_None,
                            ImVec2(0, row_height - ImGui::GetStyle().ItemSpacing.y))) {
        state.selected = index;
      }
      const auto& last = c.messages.back();
      ImDrawList* draw = ImGui::GetWindowDrawList();
      const float line = ImGui::GetTextLineHeightWithSpacing();
      const float right = top_left.x + ImGui::GetContentRegionAvail().x;
      draw->AddText(ImVec2(right - ImGui::CalcTextSize(last.time.c_str()).x, top_left.y),
                    ImGui::GetColorU32(ImGuiCol_TextDisabled), last.time.c_str());
      draw->PushClipRect(ImVec2(top_left.x, top_left.y + line), ImVec2(right, top_left.y + 2 * line), true);
      const std::string preview = (last.inbound ? "" : "You: ") + last.text;
      draw->AddText(ImVec2(top_left.x, top_left.y + line), ImGui::GetColorU32(ImGuiCol_TextDisabled), preview.c_str());
      draw->PopClipRect();
      ImGui::PopID();
    }
  }
  ImGui::PopStyleVar();
  if (rows.empty()) ImGui::TextDisabled("No conversations here");
  ImGui::EndChild();
}

void draw_bubble(const SampleMessage& m, float max_width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float wrap = max_width * 0.7f;
  const ImVec2 text_size = ImGui::CalcTextSize(m.text.c_str(), nullptr, false, wrap);
  const ImVec2 padding = style.FramePadding;
  const ImVec2 bubble(text_size.x + padding.x * 2, text_size.y + padding.y * 2 + ImGui::GetTextLineHeight());
  const float x = m.inbound ? 0.0f : max_width - bubble.x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + x);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImU32 fill = m.inbound ? IM_COL32(241, 243, 245, 255) : IM_COL32(217, 253, 211, 255);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(p, ImVec2(p.x + bubble.x, p.y + bubble.y), fill, style.FrameRounding);
  draw->AddText(nullptr, 0.0f, ImVec2(p.x + padding.x, p.y + padding.y), ImGui::GetColorU32(ImGuiCol_Text),
                m.text.c_str(), nullptr, wrap);
  const ImVec2 time_size = ImGui::CalcTextSize(m.time.c_str());
  draw->AddText(ImVec2(p.x + bubble.x - padding.x - time_size.x, p.y + padding.y + text_size.y),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), m.time.c_str());
  ImGui::Dummy(bubble);
}

void draw_chat_column(ShellState& state, SampleInbox& inbox) {
  if (state.selected < 0 || state.selected >= static_cast<int>(inbox.conversations.size())) {
    ImGui::TextDisabled("Select a conversation to start answering");
    return;
  }
  auto& c = inbox.conversations[state.selected];
  ImGui::TextUnformatted(c.contact_name.c_str());
  ImGui::TextDisabled("%s · %s · %s", c.phone.c_str(), c.channel.c_str(),
                      c.assignee.empty() ? "Unassigned" : c.assignee.c_str());
  ImGui::Separator();

  const float compose_height = ImGui::GetTextLineHeightWithSpacing() * 4 + ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginChild("messages", ImVec2(0, -compose_height));
  const float width = ImGui::GetContentRegionAvail().x;
  for (const auto& m : c.messages) draw_bubble(m, width);
  ImGui::EndChild();

  const int length = static_cast<int>(utf8_code_points(state.compose).value_or(state.compose.size()));
  ImGui::InputTextMultiline("##compose", &state.compose,
                            ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 3));
  const bool too_long = length > kMessageMaxCodePoints;
  const bool empty = state.compose.find_first_not_of(" \n\t") == std::string::npos;
  ImGui::BeginDisabled(too_long || empty);
  if (ImGui::Button("Send")) {
    c.messages.push_back({false, state.compose, "now"});
    state.compose.clear();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (too_long) {
    ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%d / %d", length, kMessageMaxCodePoints);
  } else {
    ImGui::TextDisabled("%d / %d", length, kMessageMaxCodePoints);
  }
}

}  // namespace

void draw_shell(ShellState& state, SampleInbox& inbox) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  constexpr ImGuiWindowFlags kFullScreen = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("inbox", nullptr, kFullScreen);
  constexpr ImGuiTableFlags kColumns = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV;
  if (ImGui::BeginTable("columns", 3, kColumns, ImGui::GetContentRegionAvail())) {
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("sections", ImGuiTableColumnFlags_WidthFixed, 13 * em);
    ImGui::TableSetupColumn("list", ImGuiTableColumnFlags_WidthFixed, 22 * em);
    ImGui::TableSetupColumn("chat", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableNextRow(ImGuiTableRowFlags_None, ImGui::GetContentRegionAvail().y);
    ImGui::TableSetColumnIndex(0);
    ImGui::BeginChild("sections_column");
    draw_sections_column(state, inbox);
    ImGui::EndChild();
    ImGui::TableSetColumnIndex(1);
    ImGui::BeginChild("list_column");
    draw_list_column(state, inbox);
    ImGui::EndChild();
    ImGui::TableSetColumnIndex(2);
    ImGui::BeginChild("chat_column");
    draw_chat_column(state, inbox);
    ImGui::EndChild();
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace inbox::ui

#include "app/shell.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <string>

#include "app/agent_panel.h"
#include "app/chat_view.h"
#include "app/display_text.h"
#include "app/i18n.h"
#include "app/labels.h"
#include "app/notifications.h"
#include "app/test_locator.h"
#include "core/search.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

constexpr size_t kSearchResultsMax = 500;

struct SectionInfo {
  Section section;
  const char* label;
};
constexpr std::array<SectionInfo, 4> kSections = {{
    {Section::mine, "Mine"},
    {Section::unassigned, "Unassigned"},
    {Section::all, "All"},
    {Section::teammates, "Teammates"},
}};

struct TabInfo {
  ConversationStatus status;
  const char* label;
};
constexpr std::array<TabInfo, 4> kTabs = {{
    {ConversationStatus::open, "Open"},
    {ConversationStatus::pending, "Pending"},
    {ConversationStatus::scheduled, "Scheduled"},
    {ConversationStatus::closed, "Closed"},
}};

const char* section_label(Section section) {
  for (const auto& info : kSections) {
    if (info.section == section) return info.label;
  }
  return "";
}

// One line of a message for the list: newlines flattened so the preview stays on its row.
std::string preview_line(const State& state, MessageId id) {
  std::string line = message_body(state, id).substr(0, 200);
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line;
}

// --- column 1 ---------------------------------------------------------------------------------------

void draw_demo_reset(ShellState& ui) {
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - ImGui::GetFrameHeightWithSpacing() * 1.5f));
  if (ImGui::SmallButton("Reset demo")) ImGui::OpenPopup("reset_demo_popup");
  if (ImGui::BeginPopup("reset_demo_popup")) {
    ImGui::TextUnformatted("Start the demo from scratch? Everything done in it is lost.");
    if (ImGui::Button("Reset")) {
      ui.demo_reset_requested = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void draw_sections_column(ShellState& ui, sync::Engine& engine, const LocalClock& clock) {
  const State& state = engine.state();
  ImGui::TextUnformatted("Agent Inbox");
  const UserId viewer = draw_sign_in_picker(state, ui.viewer);
  if (viewer != ui.viewer) {
    ui.viewer = viewer;
    ui.selected = ConversationId();
    ui.section = Section::mine;
  }
  draw_agent_status(engine, ui.viewer, clock);
  ImGui::Separator();
  const User* user = find_user(state, ui.viewer);
  if (user == nullptr) return;
  for (const auto& info : kSections) {
    if (!section_visible(user->role, info.section)) continue;
    if (ImGui::Selectable(info.label, ui.section == info.section && !ui.settings.open)) {
      ui.section = info.section;
      ui.selected = ConversationId();
      ui.settings.open = false;
    }
    const uint32_t pending = section_counts(state, ui.viewer, info.section).pending;
    if (pending > 0) {
      char badge[16];
      std::snprintf(badge, sizeof(badge), "%u", pending);
      draw_right_aligned(badge, ImGui::GetColorU32(ImGuiCol_TextDisabled),
                         ImVec2(ImGui::GetItemRectMax().x - ImGui::GetStyle().FramePadding.x, ImGui::GetItemRectMin().y));
    }
  }
  // Listed for everyone: the core refuses those who may not open it, with a toast saying why.
  if (ImGui::Selectable(tr("Settings"), ui.settings.open)) open_settings(ui.settings, state, ui.viewer, ui.toasts, clock.now_ms);
  ImGui::Spacing();
  draw_team_view(state, ui.viewer);
  draw_demo_reset(ui);
}

// --- column 2 ---------------------------------------------------------------------------------------

const std::vector<ConversationId>& search_results(ShellState& ui, const sync::Engine& engine) {
  SearchCache& cache = ui.search_cache;
  if (cache.text != ui.search || cache.revision != engine.revision() || cache.viewer != ui.viewer) {
    cache.text = ui.search;
    cache.revision = engine.revision();
    cache.viewer = ui.viewer;
    cache.results = search_conversations(engine.state(), SearchQuery{ui.viewer, ui.search, ui.order, kSearchResultsMax});
  }
  return cache.results;
}

void draw_conversation_row(ShellState& ui, const State& state, ConversationId id, const LocalClock& clock, float height) {
  const Conversation& c = state.conversations[id.index()];
  const std::string label = contact_name(state, c) + "##conv" + std::to_string(id.value);
  const ImVec2 top_left = ImGui::GetCursorScreenPos();
  if (ImGui::Selectable(label.c_str(), ui.selected == id, ImGuiSelectableFlags_None, ImVec2(0, height))) {
    ui.selected = id;
  }
  const float right = ImGui::GetItemRectMax().x - ImGui::GetStyle().FramePadding.x;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw_right_aligned(format_list_time(c.last_message_at, clock).c_str(), dim, ImVec2(right, top_left.y));

  if (c.overdue_since != kNever) {  // a due reminder nobody acted on yet
    const std::string overdue = "Overdue: " + format_date_time(c.overdue_since, clock);
    draw->AddText(ImVec2(top_left.x, top_left.y + 2 * line), IM_COL32(192, 40, 40, 255), overdue.c_str());
  } else if (c.reminder_at != kNever) {
    const std::string reminder = "Reminder: " + format_date_time(c.reminder_at, clock);
    draw->AddText(ImVec2(top_left.x, top_left.y + 2 * line), ImGui::GetColorU32(ImGuiCol_TextDisabled), reminder.c_str());
  }
  const std::string assignee = c.assignee.valid() ? user_name(state, c.assignee) : std::string("Unassigned");
  const float assignee_width = ImGui::CalcTextSize(assignee.c_str()).x;
  draw_right_aligned(assignee.c_str(), dim, ImVec2(right, top_left.y + 2 * line));

  std::string preview;
  if (c.last_message.valid()) {
    const Message& last = state.messages[c.last_message.index()];
    preview = (last.kind == MessageKind::outbound ? "You: " : "") + preview_line(state, c.last_message);
  }
  const ImU32 preview_color = c.awaiting_reply ? ImGui::GetColorU32(ImGuiCol_Text) : dim;
  draw->PushClipRect(ImVec2(top_left.x, top_left.y + line), ImVec2(right, top_left.y + 2 * line), true);
  draw->AddText(ImVec2(top_left.x, top_left.y + line), preview_color, preview.c_str());
  draw->PopClipRect();
  if (c.awaiting_reply) {  // the customer wrote last: a dot, as the inboxes agents know
    const float r = ImGui::GetFontSize() * 0.22f;
    draw->AddCircleFilled(ImVec2(right - assignee_width - r * 3, top_left.y + 2.5f * line), r,
                          ImGui::GetColorU32(ImGuiCol_ButtonActive));
  }
}

void draw_list_column(ShellState& ui, sync::Engine& engine, const LocalClock& clock) {
  const State& state = engine.state();
  ImGui::TextUnformatted(section_label(ui.section));
  if (ImGui::BeginTabBar("status_tabs")) {
    for (const auto& info : kTabs) {
      if (ImGui::BeginTabItem(info.label)) {
        if (ui.tab != info.status) ui.selected = ConversationId();
        ui.tab = info.status;
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(-em * 7.5f);
  ImGui::InputTextWithHint("##search", "Search name, email, phone, message", &ui.search);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  const char* orders[] = {"Oldest first", "Newest first", "Window closing soon"};
  int order = static_cast<int>(ui.order);
  if (ImGui::Combo("##order", &order, orders, IM_ARRAYSIZE(orders))) ui.order = static_cast<SortOrder>(order);
  locator_label_last_item("##order");

  const bool searching = ui.search.find_first_not_of(' ') != std::string::npos;
  const std::vector<ConversationId>* results = searching ? &search_results(ui, engine) : nullptr;
  const size_t total = searching ? results->size() : section_counts(state, ui.viewer, ui.section).by_status[static_cast<size_t>(ui.tab)];
  if (searching) {
    ImGui::TextDisabled("%zu result%s", total, total == 1 ? "" : "s");
  } else {
    ImGui::TextDisabled("%zu conversation%s", total, total == 1 ? "" : "s");
  }

  ImGui::BeginChild("conversation_list");
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0));  // name first, preview below
  const float row_height = ImGui::GetTextLineHeightWithSpacing() * 3;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(total), row_height + ImGui::GetStyle().ItemSpacing.y);
  while (clipper.Step()) {
    std::vector<ConversationId> rows;
    if (searching) {
      rows.assign(results->begin() + clipper.DisplayStart, results->begin() + clipper.DisplayEnd);
    } else {
      ListQuery query;
      query.viewer = ui.viewer;
      query.section = ui.section;
      query.status = ui.tab;
      query.order = ui.order;
      query.now_ms = clock.now_ms;
      query.offset = static_cast<size_t>(clipper.DisplayStart);
      query.limit = static_cast<size_t>(clipper.DisplayEnd - clipper.DisplayStart);
      rows = list_conversations(state, query);
    }
    for (ConversationId id : rows) draw_conversation_row(ui, state, id, clock, row_height);
  }
  ImGui::PopStyleVar();
  if (total == 0) ImGui::TextDisabled(searching ? "Nothing matches" : "No conversations here");
  ImGui::EndChild();
}

}  // namespace

UserId default_viewer(const State& state) {
  UserId first_agent;
  for (uint32_t i = 0; i < state.users.size(); ++i) {
    if (state.users[i].role != Role::agent) continue;
    const UserId id(i);
    if (!first_agent.valid()) first_agent = id;
    if (section_counts(state, id, Section::mine).by_status[static_cast<size_t>(ConversationStatus::open)] > 0) return id;
  }
  return first_agent;
}

int64_t draw_shell(ShellState& ui, sync::Engine& engine, const LocalClock& clock) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  constexpr ImGuiWindowFlags kFullScreen = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("inbox", nullptr, kFullScreen);
  constexpr ImGuiTableFlags kColumns = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV;
  const bool settings = ui.settings.open;  // the settings screen takes the place of columns 2 and 3
  if (ImGui::BeginTable(settings ? "columns_settings" : "columns", settings ? 2 : 3, kColumns,
                        ImGui::GetContentRegionAvail())) {
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("sections", ImGuiTableColumnFlags_WidthFixed, 13 * em);
    if (settings) {
      ImGui::TableSetupColumn("settings", ImGuiTableColumnFlags_WidthStretch);
    } else {
      ImGui::TableSetupColumn("list", ImGuiTableColumnFlags_WidthFixed, 24 * em);
      ImGui::TableSetupColumn("chat", ImGuiTableColumnFlags_WidthStretch);
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_None, ImGui::GetContentRegionAvail().y);
    ImGui::TableSetColumnIndex(0);
    ImGui::BeginChild("sections_column");
    draw_sections_column(ui, engine, clock);
    ImGui::EndChild();
    if (settings) {
      update_notifications(ui.notifications, engine, ui.viewer, ui.toasts, clock);  // the chat column's bell is hidden
      ImGui::TableSetColumnIndex(1);
      ImGui::BeginChild("settings_column");
      draw_settings(ui.settings, engine, ui.viewer, clock);
      ImGui::EndChild();
    } else {
      ImGui::TableSetColumnIndex(1);
      ImGui::BeginChild("list_column");
      draw_list_column(ui, engine, clock);
      ImGui::EndChild();
      ImGui::TableSetColumnIndex(2);
      ImGui::BeginChild("chat_column");
      draw_chat_column(ui, engine, clock);
      ImGui::EndChild();
    }
    ImGui::EndTable();
  }
  ImGui::End();
  // After the columns, so a command refused in this frame shows its toast in this frame.
  for (sync::Rejection& rejection : engine.take_rejections()) {
    push_toast(ui.toasts, std::move(rejection.error.message), clock.now_ms);
  }
  return draw_toasts(ui.toasts, clock.now_ms);
}

}  // namespace inbox::ui

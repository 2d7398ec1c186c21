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
#include "app/list_filters.h"
#include "app/notifications.h"
#include "app/refusal_text.h"
#include "app/storage_notice.h"
#include "app/test_locator.h"
#include "core/search.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

constexpr size_t kSearchResultsMax = 500;

constexpr std::array<Section, 4> kSections = {Section::mine, Section::unassigned, Section::all, Section::teammates};
constexpr std::array<ConversationStatus, 4> kTabs = {ConversationStatus::open, ConversationStatus::pending,
                                                     ConversationStatus::scheduled, ConversationStatus::closed};

// In the current language; a tab's or section's label is also its widget id.
const char* section_label(Section section) {
  switch (section) {
    case Section::mine: return tr("Mine");
    case Section::unassigned: return tr("Unassigned");
    case Section::all: return tr("All");
    case Section::teammates: return tr("Teammates");
  }
  return "";
}

const char* tab_label(ConversationStatus status) {
  switch (status) {
    case ConversationStatus::open: return tr("Open");
    case ConversationStatus::pending: return tr("Pending");
    case ConversationStatus::scheduled: return tr("Scheduled");
    case ConversationStatus::closed: return tr("Closed");
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

void draw_sections_column(ShellState& ui, sync::Engine& engine, const LocalClock& clock) {
  const State& state = engine.state();
  ImGui::TextUnformatted("Agent Inbox");
  const UserId viewer = draw_sign_in_picker(state, ui.viewer, ui.sign_in_filter);
  if (viewer != ui.viewer) {
    ui.viewer = viewer;
    ui.selected = ConversationId();
    ui.section = Section::mine;
  }
  draw_agent_status(engine, ui.viewer, clock);
  ImGui::Separator();
  const User* user = find_user(state, ui.viewer);
  if (user == nullptr) return;
  for (const Section section : kSections) {
    if (!section_visible(state, user->role, section)) continue;
    if (ImGui::Selectable(section_label(section), ui.section == section && !ui.settings.open)) {
      ui.section = section;
      ui.selected = ConversationId();
      ui.settings.open = false;
    }
    const uint32_t pending = section_counts(state, ui.viewer, section).pending;
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
  ImGui::Spacing();
  if (ImGui::SmallButton(tr("Keyboard shortcuts (?)"))) ui.shortcuts.overlay_open = true;
  draw_demo_panel(ui.demo);
  ImGui::Spacing();
  draw_language_picker();
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

// Right-click on a row: Assign to me, Close, Remind (the chat header's popups, on that conversation), View
// contact. The conversation opens with the choice.
void draw_row_menu(ShellState& ui, sync::Engine& engine, ConversationId id, const LocalClock& clock) {
  if (!ImGui::BeginPopupContextItem("row_menu")) return;
  const Conversation& c = engine.state().conversations[id.index()];
  const bool active = c.status != ConversationStatus::closed;
  if (ImGui::MenuItem(tr("Assign to me"), nullptr, false, active && c.assignee != ui.viewer)) {
    ui.selected = id;
    engine.submit(Command{ui.viewer, AssignConversation{id, ui.viewer}}, clock.now_ms);
  }
  if (ImGui::MenuItem(tr("Close…"), nullptr, false, active)) {
    ui.selected = id;
    ui.actions.open_popup = "close_popup";
  }
  if (ImGui::MenuItem(tr("Remind…"), nullptr, false, active)) {
    ui.selected = id;
    ui.actions.open_popup = "remind_popup";
  }
  if (ImGui::MenuItem(tr("View contact"))) {
    ui.selected = id;
    ui.contact.open = true;
  }
  ImGui::EndPopup();
}

void draw_conversation_row(ShellState& ui, sync::Engine& engine, ConversationId id, const LocalClock& clock, float height) {
  const State& state = engine.state();
  const Conversation& c = state.conversations[id.index()];
  const std::string label = contact_name(state, c) + "##conv" + std::to_string(id.value);
  const ImVec2 top_left = ImGui::GetCursorScreenPos();
  if (ImGui::Selectable(label.c_str(), ui.selected == id, ImGuiSelectableFlags_None, ImVec2(0, height))) {
    ui.selected = id;
  }
  draw_row_menu(ui, engine, id, clock);
  const float right = ImGui::GetItemRectMax().x - ImGui::GetStyle().FramePadding.x;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw_right_aligned(format_list_time(c.last_message_at, clock).c_str(), dim, ImVec2(right, top_left.y));

  if (c.overdue_since != kNever) {  // a due reminder nobody acted on yet
    const std::string overdue = std::string(tr("Overdue: ")) + format_date_time(c.overdue_since, clock);
    draw->AddText(ImVec2(top_left.x, top_left.y + 2 * line), IM_COL32(192, 40, 40, 255), overdue.c_str());
  } else if (c.reminder_at != kNever) {
    const std::string reminder = std::string(tr("Reminder: ")) + format_date_time(c.reminder_at, clock);
    draw->AddText(ImVec2(top_left.x, top_left.y + 2 * line), ImGui::GetColorU32(ImGuiCol_TextDisabled), reminder.c_str());
  }
  const std::string assignee =
      c.assignee.valid() ? user_name(state, c.assignee) : std::string(tr_ctx("assignee|Unassigned"));
  const float assignee_width = ImGui::CalcTextSize(assignee.c_str()).x;
  draw_right_aligned(assignee.c_str(), dim, ImVec2(right, top_left.y + 2 * line));

  std::string preview;
  if (c.last_message.valid()) {
    const Message& last = state.messages[c.last_message.index()];
    preview = (last.kind == MessageKind::outbound ? tr("You: ") : "") + preview_line(state, c.last_message);
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
    for (const ConversationStatus status : kTabs) {
      // A tab chosen by the code (show_conversation) becomes the bar's from the next frame on.
      const bool requested = ui.tab_requested && ui.tab == status;
      if (ImGui::BeginTabItem(tab_label(status), nullptr, requested ? ImGuiTabItemFlags_SetSelected : 0)) {
        if (ui.tab_requested) {
          ui.tab_requested = !requested;
        } else {
          if (ui.tab != status) ui.selected = ConversationId();
          ui.tab = status;
        }
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(-em * 7.5f);
  if (ui.keys.focus_search) {
    ImGui::SetWindowFocus();  // the column first: the search box is only found in the focused window's scope
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::InputTextWithHint("##search", tr("Search name, email, phone, message"), &ui.search);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  const char* orders[] = {tr("Oldest first"), tr("Newest first"), tr("Window closing soon")};
  int order = static_cast<int>(ui.order);
  if (ImGui::Combo("##order", &order, orders, IM_ARRAYSIZE(orders))) ui.order = static_cast<SortOrder>(order);
  locator_label_last_item("##order");

  draw_list_filters(ui.filters, state);

  ListQuery query;
  query.viewer = ui.viewer;
  query.section = ui.section;
  query.status = ui.tab;
  query.order = ui.order;
  query.now_ms = clock.now_ms;
  // What the rows page through: search results or the filtered list when there is one, else the core's views.
  const bool searching = ui.search.find_first_not_of(' ') != std::string::npos;
  const std::vector<ConversationId>* listed = nullptr;
  if (searching) {
    listed = &search_results(ui, engine);
    if (ui.filters.any()) {
      ui.filtered_search = filter_ids(state, *listed, ui.filters);
      listed = &ui.filtered_search;
    }
  } else if (ui.filters.any()) {
    listed = &filtered_conversations(ui.filtered, state, engine.revision(), query, ui.filters);
  }
  const size_t total = listed != nullptr ? listed->size() : section_counts(state, ui.viewer, ui.section).by_status[static_cast<size_t>(ui.tab)];
  if (searching) {
    ImGui::TextDisabled(total == 1 ? tr("%zu result") : tr("%zu results"), total);
  } else {
    ImGui::TextDisabled(total == 1 ? tr("%zu conversation") : tr("%zu conversations"), total);
  }

  const auto rows_at = [&](size_t first, size_t count) {
    if (listed != nullptr) return std::vector<ConversationId>(listed->begin() + first, listed->begin() + first + count);
    query.offset = first;
    query.limit = count;
    return list_conversations(state, query);
  };
  ImGui::BeginChild("conversation_list");
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0));  // name first, preview below
  const float row_height = ImGui::GetTextLineHeightWithSpacing() * 3;
  const float row_pitch = row_height + ImGui::GetStyle().ItemSpacing.y;
  if (!ui.selected.valid()) ui.selected_row = -1;
  if (ui.keys.list_step != 0 && total > 0) {  // Alt+Down / Alt+Up: the next row, scrolled into view
    const int row = ui.selected_row < 0 ? 0 : std::clamp(ui.selected_row + ui.keys.list_step, 0, static_cast<int>(total) - 1);
    const std::vector<ConversationId> at = rows_at(static_cast<size_t>(row), 1);
    if (!at.empty()) {
      ui.selected = at.front();
      ui.selected_row = row;
      const float top = row * row_pitch;
      if (top < ImGui::GetScrollY()) ImGui::SetScrollY(top);
      if (top + row_pitch > ImGui::GetScrollY() + ImGui::GetWindowHeight()) ImGui::SetScrollY(top + row_pitch - ImGui::GetWindowHeight());
    }
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(total), row_pitch);
  while (clipper.Step()) {
    const std::vector<ConversationId> rows = rows_at(static_cast<size_t>(clipper.DisplayStart),
                                                     static_cast<size_t>(clipper.DisplayEnd - clipper.DisplayStart));
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i] == ui.selected) ui.selected_row = clipper.DisplayStart + static_cast<int>(i);
      draw_conversation_row(ui, engine, rows[i], clock, row_height);
    }
  }
  ImGui::PopStyleVar();
  if (total == 0) ImGui::TextDisabled("%s", searching ? tr("Nothing matches") : tr("No conversations here"));
  ImGui::EndChild();
}

// 0 means "no need": the earlier of the others.
int64_t earliest_wake(int64_t a, int64_t b) { return a == 0 ? b : b == 0 ? a : std::min(a, b); }

}  // namespace

void show_conversation(ShellState& ui, Section section, ConversationStatus tab, ConversationId id) {
  ui.settings.open = false;
  ui.section = section;
  ui.tab_requested = ui.tab_requested || ui.tab != tab;
  ui.tab = tab;
  ui.selected = id;
}

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
  ui.keys = read_shortcuts(ui.shortcuts);
  if (ui.drawn_language != current_language()) {  // the tabs' labels, and so their ids, change: keep the chosen one
    ui.drawn_language = current_language();
    ui.tab_requested = true;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  constexpr ImGuiWindowFlags kFullScreen = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("inbox", nullptr, kFullScreen);
  if (ui.demo.storage_failure) draw_storage_notice(*ui.demo.storage_failure);
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
  draw_shortcuts_overlay(ui.shortcuts);
  ConversationId accepted;
  const int64_t offers_wake_ms = draw_offer_popup(ui.offers, engine, ui.viewer, clock, accepted);
  if (accepted.valid()) {
    // The chat just taken; an accepted transfer continues in the new attention it opened.
    const ConversationId next = engine.state().conversations[accepted.index()].next;
    show_conversation(ui, Section::mine, ConversationStatus::open, next.valid() ? next : accepted);
  }
  // After the columns, so a command refused in this frame shows its toast in this frame. The simulated people's
  // refusals are not the signed-in user's to hear about.
  for (sync::Rejection& rejection : engine.take_rejections()) {
    if (rejection.submitter == sync::Submitter::user) push_toast(ui.toasts, refusal_text(rejection.error), clock.now_ms);
  }
  return earliest_wake(draw_toasts(ui.toasts, clock.now_ms), offers_wake_ms);
}

}  // namespace inbox::ui

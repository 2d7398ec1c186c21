#include "app/shell.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>

#include "app/agent_panel.h"
#include "app/labels.h"
#include "app/test_locator.h"
#include "core/search.h"
#include "core/state.h"
#include "core/limits.h"
#include "core/text.h"

namespace inbox::ui {
namespace {

constexpr size_t kSearchResultsMax = 500;
constexpr size_t kChatMessagesShown = 300;

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

std::string user_name(const State& state, UserId id) {
  const User* user = find_user(state, id);
  return user != nullptr ? user->name : std::string();
}

std::string contact_name(const State& state, const Conversation& c) {
  const Contact* contact = find_contact(state, c.contact);
  if (contact == nullptr) return "?";
  return contact->name.empty() ? contact->phone : contact->name;
}

// What a message shows where its text would be: the text, or what kind of message it is.
std::string message_body(const State& state, MessageId id) {
  const std::string_view text = message_text(state, id);
  if (!text.empty()) return std::string(text);
  switch (state.messages[id.index()].form) {
    case MessageForm::media: return "📎 Media";
    case MessageForm::template_: return "📄 Template";
    case MessageForm::text: break;
  }
  return std::string();
}

// One line of a message for the list: newlines flattened so the preview stays on its row.
std::string preview_line(const State& state, MessageId id) {
  std::string line = message_body(state, id).substr(0, 200);
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line;
}

// "a · b · c" of the parts that are not empty.
std::string joined(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += " · ";
    out += part;
  }
  return out;
}

void submit(ShellState& ui, sync::Engine& engine, const LocalClock& clock, CommandBody body) {
  engine.submit(Command{ui.viewer, std::move(body)}, clock.now_ms);
}

void draw_right_aligned(const char* text, ImU32 color, ImVec2 top_right) {
  ImGui::GetWindowDrawList()->AddText(ImVec2(top_right.x - ImGui::CalcTextSize(text).x, top_right.y), color, text);
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
    if (ImGui::Selectable(info.label, ui.section == info.section)) {
      ui.section = info.section;
      ui.selected = ConversationId();
    }
    const uint32_t pending = section_counts(state, ui.viewer, info.section).pending;
    if (pending > 0) {
      char badge[16];
      std::snprintf(badge, sizeof(badge), "%u", pending);
      draw_right_aligned(badge, ImGui::GetColorU32(ImGuiCol_TextDisabled),
                         ImVec2(ImGui::GetItemRectMax().x - ImGui::GetStyle().FramePadding.x, ImGui::GetItemRectMin().y));
    }
  }
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

// --- column 3 ---------------------------------------------------------------------------------------

void draw_referral_card(const Referral& referral, const LocalClock& clock) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.93f, 0.96f, 1.0f, 1));
  ImGui::BeginChild("referral", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
  ImGui::TextDisabled("Click-to-WhatsApp ad · %s %s", referral.source_type.c_str(), referral.source_id.c_str());
  if (!referral.headline.empty()) ImGui::TextWrapped("%s", referral.headline.c_str());
  if (!referral.body.empty()) ImGui::TextWrapped("%s", referral.body.c_str());
  if (!referral.source_url.empty()) ImGui::TextDisabled("%s", referral.source_url.c_str());
  if (referral.at_ms != kNever) ImGui::TextDisabled("%s", format_date_time(referral.at_ms, clock).c_str());
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void draw_bubble(const State& state, MessageId id, float width, const LocalClock& clock) {
  const Message& m = state.messages[id.index()];
  const std::string text = message_body(state, id);
  const std::string time = format_date_time(m.at_ms, clock).substr(11);
  const ImGuiStyle& style = ImGui::GetStyle();
  if (m.kind == MessageKind::system) {
    const float text_width = ImGui::CalcTextSize(text.c_str(), nullptr, false, width).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - text_width) / 2));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextDisabled("%s", text.c_str());
    ImGui::PopTextWrapPos();
    return;
  }
  const float wrap = width * 0.7f;
  const ImVec2 text_size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
  const ImVec2 time_size = ImGui::CalcTextSize(time.c_str());
  const ImVec2 padding = style.FramePadding;
  const ImVec2 bubble(std::max(text_size.x, time_size.x) + padding.x * 2, text_size.y + time_size.y + padding.y * 2);
  const bool ours = m.kind != MessageKind::inbound;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ours ? width - bubble.x : 0.0f));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImU32 fill = IM_COL32(241, 243, 245, 255);
  if (m.kind == MessageKind::outbound) fill = IM_COL32(217, 253, 211, 255);
  if (m.kind == MessageKind::note) fill = IM_COL32(255, 243, 196, 255);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(p, ImVec2(p.x + bubble.x, p.y + bubble.y), fill, style.FrameRounding);
  draw->AddText(nullptr, 0.0f, ImVec2(p.x + padding.x, p.y + padding.y), ImGui::GetColorU32(ImGuiCol_Text), text.c_str(),
                nullptr, wrap);
  std::string meta = time;
  if (m.kind == MessageKind::note) meta = "Note · " + time;
  if (m.author.valid() && m.kind != MessageKind::inbound) meta = user_name(state, m.author) + " · " + meta;
  draw_right_aligned(meta.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                     ImVec2(p.x + bubble.x - padding.x, p.y + padding.y + text_size.y));
  ImGui::Dummy(bubble);
}

void draw_compose(ShellState& ui, sync::Engine& engine, const LocalClock& clock, const Conversation& c) {
  const State& state = engine.state();
  const Channel* channel = find_channel(state, c.channel);
  const bool whatsapp = channel != nullptr && channel->kind == ChannelKind::whatsapp;
  const int64_t closes_at = window_closes_at(c);
  const bool window_open = !whatsapp || (closes_at != kNever && clock.now_ms < closes_at);
  if (whatsapp) {
    if (window_open) {
      ImGui::TextDisabled("WhatsApp window closes in %s", format_duration(closes_at - clock.now_ms).c_str());
    } else {
      ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1),
                         "The 24-hour WhatsApp window is closed: only templates can be sent.");
    }
  }
  // Enter sends, Shift+Enter breaks the line: without CtrlEnterForNewLine, ImGui's multiline Enter inserts.
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
  if (!ImGui::GetIO().KeyShift) flags |= ImGuiInputTextFlags_CtrlEnterForNewLine;
  if (ui.refocus_compose) {
    ImGui::SetKeyboardFocusHere();
    ui.refocus_compose = false;
  }
  const bool entered =
      ImGui::InputTextMultiline("##compose", &ui.compose, ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 3), flags);
  const size_t length = utf8_code_points(ui.compose).value_or(ui.compose.size());
  const bool too_long = length > kMessageCodePointsMax;
  const bool empty = ui.compose.find_first_not_of(" \n\t") == std::string::npos;
  // Notes stay inside the team, so the customer's window does not apply to them.
  const bool can_send = !too_long && !empty && (window_open || ui.compose_note) && c.status != ConversationStatus::closed;
  ImGui::BeginDisabled(!can_send);
  const bool clicked = ImGui::Button(ui.compose_note ? "Add note" : "Send");
  ImGui::EndDisabled();
  if ((clicked || entered) && can_send) {
    const uint64_t before = engine.revision();
    if (ui.compose_note) {
      submit(ui, engine, clock, AddNote{ui.selected, ui.compose});
    } else {
      submit(ui, engine, clock, SendMessage{ui.selected, ui.compose, {}, std::nullopt});
    }
    if (engine.revision() != before) ui.compose.clear();
    ui.refocus_compose = entered;
  } else if (entered) {
    ui.refocus_compose = true;  // Enter on an empty or refused message keeps the caret where it was
  }
  ImGui::SameLine();
  ImGui::Checkbox("Internal note", &ui.compose_note);
  ImGui::SameLine();
  if (too_long) {
    ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%zu / %zu", length, kMessageCodePointsMax);
  } else {
    ImGui::TextDisabled("%zu / %zu", length, kMessageCodePointsMax);
  }
}

void draw_chat_column(ShellState& ui, sync::Engine& engine, const LocalClock& clock) {
  const State& state = engine.state();
  const Conversation* c = find_conversation(state, ui.selected);
  if (c == nullptr) {
    ImGui::TextDisabled("Select a conversation to start answering");
    return;
  }
  const Contact* contact = find_contact(state, c->contact);
  const Channel* channel = find_channel(state, c->channel);
  const Team* team = find_team(state, c->team);
  ImGui::TextUnformatted(contact_name(state, *c).c_str());
  const std::string details =
      joined({contact != nullptr ? contact->phone : std::string(), channel != nullptr ? channel_label(channel->kind) : "",
              team != nullptr ? team->name : std::string(), c->assignee.valid() ? user_name(state, c->assignee) : "Unassigned"});
  ImGui::TextDisabled("%s", details.c_str());
  if (!c->assignee.valid() && c->status != ConversationStatus::closed) {
    if (ImGui::Button("Assign to me")) submit(ui, engine, clock, AssignConversation{ui.selected, ui.viewer});
    ImGui::SameLine();
  }
  draw_chat_actions(ui.actions, engine, ui.viewer, ui.selected, clock);
  ImGui::SameLine();
  ImGui::Checkbox("Contact", &ui.contact.open);
  ImGui::Separator();

  const float panel_width = ui.contact.open ? ImGui::GetFontSize() * 17 : 0.0f;
  ImGui::BeginChild("chat_main", ImVec2(ui.contact.open ? -panel_width : 0.0f, 0));
  const float compose_height = ImGui::GetTextLineHeightWithSpacing() * 4 + ImGui::GetFrameHeightWithSpacing() * 2;
  ImGui::BeginChild("messages", ImVec2(0, -compose_height));
  if (const Referral* referral = conversation_referral(state, ui.selected)) draw_referral_card(*referral, clock);
  const float width = ImGui::GetContentRegionAvail().x;
  for (MessageId id : conversation_messages(state, ui.selected, kChatMessagesShown)) draw_bubble(state, id, width, clock);
  ImGui::EndChild();
  draw_compose(ui, engine, clock, *c);
  ImGui::EndChild();
  if (ui.contact.open) {
    ImGui::SameLine();
    ImGui::BeginChild("contact_panel", ImVec2(0, 0), ImGuiChildFlags_Border);
    draw_contact_panel(ui.contact, engine, ui.viewer, c->contact, clock);
    ImGui::EndChild();
  }
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
  if (ImGui::BeginTable("columns", 3, kColumns, ImGui::GetContentRegionAvail())) {
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("sections", ImGuiTableColumnFlags_WidthFixed, 13 * em);
    ImGui::TableSetupColumn("list", ImGuiTableColumnFlags_WidthFixed, 24 * em);
    ImGui::TableSetupColumn("chat", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableNextRow(ImGuiTableRowFlags_None, ImGui::GetContentRegionAvail().y);
    ImGui::TableSetColumnIndex(0);
    ImGui::BeginChild("sections_column");
    draw_sections_column(ui, engine, clock);
    ImGui::EndChild();
    ImGui::TableSetColumnIndex(1);
    ImGui::BeginChild("list_column");
    draw_list_column(ui, engine, clock);
    ImGui::EndChild();
    ImGui::TableSetColumnIndex(2);
    ImGui::BeginChild("chat_column");
    draw_chat_column(ui, engine, clock);
    ImGui::EndChild();
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

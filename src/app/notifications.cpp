#include "app/notifications.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/display_text.h"
#include "app/i18n.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

bool known(const NotificationsState& ui, ConversationId conversation, int64_t due_at) {
  return std::any_of(ui.items.begin(), ui.items.end(),
                     [&](const Notification& n) { return n.conversation == conversation && n.due_at == due_at; });
}

}  // namespace

void update_notifications(NotificationsState& ui, const sync::Engine& engine, UserId viewer, Toasts& toasts,
                          const LocalClock& clock) {
  if (ui.viewer != viewer) ui = NotificationsState{viewer, 0, false, {}};
  if (ui.primed && ui.read_revision == engine.revision()) return;
  const State& state = engine.state();
  const bool first_look = !ui.primed;
  ui.primed = true;
  ui.read_revision = engine.revision();
  if (!viewer.valid() || viewer.index() >= state.views.by_user.size()) return;
  // The viewer's overdue conversations, from Mine's index (keyed overdue_since, id): no scan of the inbox.
  std::vector<ListKey> due;
  for (const auto& overdue : state.views.by_user[viewer.index()].overdue) due.insert(due.end(), overdue.begin(), overdue.end());
  std::sort(due.begin(), due.end());
  for (const ListKey& key : due) {
    const ConversationId conversation(key.conversation);
    if (known(ui, conversation, key.at_ms)) continue;
    ui.items.insert(ui.items.begin(), Notification{conversation, key.at_ms, false});
    if (!first_look) {
      const std::string name = contact_name(state, state.conversations[conversation.index()]);
      push_toast(toasts, std::string(tr("Reminder due: ")) + name, clock.now_ms, false);
    }
  }
  if (ui.items.size() > kNotificationsMax) ui.items.resize(kNotificationsMax);
}

size_t unread_notifications(const NotificationsState& ui) {
  return static_cast<size_t>(std::count_if(ui.items.begin(), ui.items.end(), [](const Notification& n) { return !n.read; }));
}

ConversationId draw_notifications_bell(NotificationsState& ui, const State& state, const LocalClock& clock) {
  const size_t unread = unread_notifications(ui);
  const std::string bell = unread > 0 ? "🔔 " + std::to_string(unread) : std::string("🔔");
  if (ImGui::SmallButton((bell + "###notifications").c_str())) ImGui::OpenPopup("notifications_popup");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Notifications"));
  ConversationId picked;
  if (!ImGui::BeginPopup("notifications_popup")) return picked;
  ImGui::TextDisabled("%s", tr("Notifications"));
  if (ui.items.empty()) ImGui::TextDisabled("%s", tr("No reminders have fallen due."));
  if (unread > 0) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Mark all as read"))) {
      for (Notification& n : ui.items) n.read = true;
    }
  }
  ImGui::Separator();
  for (size_t i = 0; i < ui.items.size(); ++i) {
    Notification& n = ui.items[i];
    const Conversation* c = find_conversation(state, n.conversation);
    if (c == nullptr) continue;
    const std::string label = std::string(n.read ? "" : "• ") + tr("Reminder due: ") + contact_name(state, *c) + " · " +
                              format_date_time(n.due_at, clock) + "##notification" + std::to_string(i);
    if (ImGui::Selectable(label.c_str())) {
      n.read = true;
      picked = n.conversation;
    }
  }
  ImGui::EndPopup();
  return picked;
}

}  // namespace inbox::ui

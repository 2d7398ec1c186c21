// The signed-in owner's notifications: a reminder that fell due on one of their conversations (the core's
// reminder_due notifies the owner; the conversation is then overdue in their Mine) becomes a toast
// "Reminder due: <contact>" and an entry under the bell, unread until the owner opens it.
#pragma once
#include <cstdint>
#include <vector>

#include "app/time_format.h"
#include "app/toasts.h"
#include "core/ids.h"
#include "sync/engine.h"

namespace inbox::ui {

constexpr size_t kNotificationsMax = 100;

struct Notification {
  ConversationId conversation;
  int64_t due_at = 0;
  bool read = false;
};

struct NotificationsState {
  UserId viewer;              // whose notifications these are; another viewer starts afresh
  uint64_t read_revision = 0;  // the engine revision last looked at
  bool primed = false;        // the first look lists what is already due without a toast for each
  std::vector<Notification> items;  // newest first, at most kNotificationsMax
};

// Looks for newly due reminders of the viewer when the engine's state changed.
void update_notifications(NotificationsState& ui, const sync::Engine& engine, UserId viewer, Toasts& toasts,
                          const LocalClock& clock);

size_t unread_notifications(const NotificationsState& ui);

// The bell with the unread count and, when clicked, the list. Returns the conversation the viewer picked
// (none when nothing was picked this frame); picking marks it read.
ConversationId draw_notifications_bell(NotificationsState& ui, const State& state, const LocalClock& clock);

}  // namespace inbox::ui

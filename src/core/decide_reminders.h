// decide() for reminders: set (a preset or a custom time), change and cancel. Called only by decide().
// Rules: docs/scheduler.md.
#pragma once
#include <cstdint>

#include "core/commands.h"
#include "core/decide_context.h"

namespace inbox {

constexpr int64_t kReminderAheadMaxMs = 366LL * 24 * 60 * 60 * 1000;  // a custom reminder within a year

// now + the preset's delay; for custom, `due_at` itself.
int64_t reminder_due_at(ReminderPreset preset, int64_t due_at, int64_t now_ms);

Decision decide_reminder(const DecideContext& c, const SetReminder& cmd);
Decision decide_reminder(const DecideContext& c, const CancelReminder& cmd);

}  // namespace inbox

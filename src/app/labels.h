// What the UI calls the domain's enums, in the current language.
#pragma once
#include "core/model.h"

namespace inbox::ui {

const char* role_label(Role role);
const char* status_label(UserStatus status);
const char* channel_label(ChannelKind kind);
const char* strategy_label(AssignmentStrategy strategy);
const char* rule_label(AssignmentRule rule);
const char* trigger_label(AssignmentTrigger trigger);      // what made the engine assign
const char* skip_reason_label(SkipReason reason);          // why a member was passed over

}  // namespace inbox::ui

// What the UI calls the domain's enums (English until the UI strings are localised).
#pragma once
#include "core/model.h"

namespace inbox::ui {

const char* role_label(Role role);
const char* status_label(UserStatus status);
const char* channel_label(ChannelKind kind);

}  // namespace inbox::ui

#include "app/labels.h"

namespace inbox::ui {

const char* role_label(Role role) {
  switch (role) {
    case Role::administrator: return "Administrator";
    case Role::supervisor: return "Supervisor";
    case Role::operator_: return "Operator";
    case Role::agent: return "Agent";
  }
  return "";
}

const char* status_label(UserStatus status) {
  switch (status) {
    case UserStatus::available: return "Available";
    case UserStatus::idle: return "Idle";
    case UserStatus::unavailable: return "Unavailable";
    case UserStatus::rona: return "RONA";
  }
  return "";
}

const char* channel_label(ChannelKind kind) {
  switch (kind) {
    case ChannelKind::whatsapp: return "WhatsApp";
    case ChannelKind::instagram: return "Instagram";
    case ChannelKind::messenger: return "Messenger";
    case ChannelKind::webchat: return "Webchat";
  }
  return "";
}

}  // namespace inbox::ui

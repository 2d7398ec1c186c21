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

const char* strategy_label(AssignmentStrategy strategy) {
  switch (strategy) {
    case AssignmentStrategy::least_busy: return "Least busy";
    case AssignmentStrategy::round_robin: return "Round robin";
    case AssignmentStrategy::default_user: return "Default user";
    case AssignmentStrategy::direct_routing: return "Direct routing (campaign)";
    case AssignmentStrategy::escalation: return "Escalation";
  }
  return "";
}

const char* trigger_label(AssignmentTrigger trigger) {
  switch (trigger) {
    case AssignmentTrigger::queue: return "Waiting in the queue";
    case AssignmentTrigger::reply_timeout: return "No reply in time";
    case AssignmentTrigger::inbound: return "Customer's reply to a campaign";
  }
  return "";
}

const char* skip_reason_label(SkipReason reason) {
  switch (reason) {
    case SkipReason::excluded_user: return "Excluded user";
    case SkipReason::excluded_role: return "Excluded role";
    case SkipReason::not_available: return "Not available";
    case SkipReason::at_capacity: return "At capacity";
    case SkipReason::recent_assignee: return "Had it just before";
  }
  return "";
}

}  // namespace inbox::ui

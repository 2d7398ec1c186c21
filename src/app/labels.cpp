#include "app/labels.h"

#include "app/i18n.h"

namespace inbox::ui {

const char* role_label(Role role) {
  switch (role) {
    case Role::administrator: return tr("Administrator");
    case Role::supervisor: return tr("Supervisor");
    case Role::operator_: return tr("Operator");
    case Role::agent: return tr("Agent");
  }
  return "";
}

const char* status_label(UserStatus status) {
  switch (status) {
    case UserStatus::available: return tr("Available");
    case UserStatus::idle: return tr("Idle");
    case UserStatus::unavailable: return tr("Unavailable");
    case UserStatus::rona: return tr("RONA");
  }
  return "";
}

const char* channel_label(ChannelKind kind) {
  switch (kind) {
    case ChannelKind::whatsapp: return "WhatsApp";
    case ChannelKind::instagram: return "Instagram";
    case ChannelKind::messenger: return "Messenger";
    case ChannelKind::webchat: return tr("Webchat");
  }
  return "";
}

const char* rule_label(AssignmentRule rule) {
  switch (rule) {
    case AssignmentRule::least_busy: return tr("Least busy");
    case AssignmentRule::round_robin: return tr("Round robin");
    case AssignmentRule::default_user: return tr("Default user");
    case AssignmentRule::direct_routing: return tr("Direct routing (campaign)");
    case AssignmentRule::escalation: return tr("Escalation");
  }
  return "";
}

const char* strategy_label(AssignmentStrategy strategy) { return rule_label(rule_of(strategy)); }

const char* trigger_label(AssignmentTrigger trigger) {
  switch (trigger) {
    case AssignmentTrigger::queue: return tr("Waiting in the queue");
    case AssignmentTrigger::reply_timeout: return tr("No reply in time");
    case AssignmentTrigger::inbound: return tr("Customer's reply to a campaign");
  }
  return "";
}

const char* skip_reason_label(SkipReason reason) {
  switch (reason) {
    case SkipReason::excluded_user: return tr("Excluded user");
    case SkipReason::excluded_role: return tr("Excluded role");
    case SkipReason::not_available: return tr("Not available");
    case SkipReason::at_capacity: return tr("At capacity");
    case SkipReason::recent_assignee: return tr("Had it just before");
    case SkipReason::declined: return tr("Declined the offer");
  }
  return "";
}

}  // namespace inbox::ui

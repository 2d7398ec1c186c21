// Active-message campaigns as plain structs: what a campaign sends, to whom, where the replies go, and
// when it goes out (now, or at a scheduled time). Rules: docs/domain.md, "Campaigns".
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "core/ids.h"
#include "core/model.h"
#include "core/reflect.h"

namespace inbox {

enum class CampaignStatus : uint8_t { scheduled, sent, cancelled };
template <>
struct EnumNames<CampaignStatus> {
  static constexpr std::array<const char*, 3> names = {"scheduled", "sent", "cancelled"};
};

// Why a scheduled campaign did not go out: someone cancelled it, or at its send time the routing it names
// no longer held (the team was deleted, the agent left the team).
enum class CampaignCancel : uint8_t { none, by_user, team_deleted, agent_left_team };
template <>
struct EnumNames<CampaignCancel> {
  static constexpr std::array<const char*, 4> names = {"none", "by_user", "team_deleted", "agent_left_team"};
};

// A campaign sends the template to the contacts of a channel; their replies go for 24 h to the team (and
// to one agent of it, for an individual campaign) over every other rule.
struct Campaign {
  UserId by;  // who sent or scheduled it
  ChannelId channel;
  std::vector<ContactId> contacts;
  Template template_;
  TeamId team;
  UserId agent;
  int64_t created_at = 0;
  int64_t send_at = 0;  // when it goes out (scheduled) or went out (sent)
  CampaignStatus status = CampaignStatus::scheduled;
  CampaignCancel cancelled = CampaignCancel::none;

  template <class F>
  static void fields(F&& f) {
    f("by", &Campaign::by);
    f("channel", &Campaign::channel);
    f("contacts", &Campaign::contacts);
    f("template", &Campaign::template_);
    f("team", &Campaign::team);
    f("agent", &Campaign::agent);
    f("created_at", &Campaign::created_at);
    f("send_at", &Campaign::send_at);
    f("status", &Campaign::status);
    f("cancelled", &Campaign::cancelled);
  }
};

constexpr size_t kCampaignContactsMax = 10'000;
constexpr size_t kCampaignsScheduledMax = 1'000;  // waiting for their send time at once
constexpr size_t kCampaignsMax = 100'000;  // in all: sent and cancelled ones stay as history
constexpr int64_t kCampaignScheduleAheadMaxMs = 90LL * 24 * 60 * 60 * 1000;  // at most 90 days ahead

}  // namespace inbox

#include "core/decide_campaigns.h"

#include <algorithm>
#include <string>

#include "core/campaigns.h"
#include "core/validate.h"

namespace inbox {
namespace {

std::optional<Error> check_contacts(const State& state, const std::vector<ContactId>& contacts) {
  if (contacts.empty()) return fail(ErrorCode::invalid_field, "A campaign needs at least one contact.");
  if (contacts.size() > kCampaignContactsMax) {
    return fail(ErrorCode::limit_reached,
                "A campaign goes to at most " + std::to_string(kCampaignContactsMax) + " contacts.");
  }
  std::vector<ContactId> sorted = contacts;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (find_contact(state, sorted[i]) == nullptr) return unknown_contact(sorted[i]);
    if (i > 0 && sorted[i] == sorted[i - 1]) {
      return fail(ErrorCode::invalid_field, "Contact " + id_text(sorted[i]) + " is listed twice.");
    }
  }
  return std::nullopt;
}

std::optional<Error> check_routing(const State& state, const SendCampaign& cmd) {
  const Team* team = nullptr;
  if (cmd.team.valid()) {
    team = find_team(state, cmd.team);
    if (team == nullptr) return unknown_team(cmd.team);
  }
  if (!cmd.agent.valid()) return std::nullopt;
  if (cmd.contacts.size() > 1) {
    return fail(ErrorCode::invalid_field,
                "A bulk campaign routes replies to a team's rules or a flow, never to one agent.");
  }
  if (find_user(state, cmd.agent) == nullptr) return unknown_user(cmd.agent);
  if (team == nullptr) return fail(ErrorCode::invalid_field, "Routing to an agent needs the agent's team.");
  if (!in_team(*team, cmd.agent)) {
    return fail(ErrorCode::not_a_team_member, "The campaign cannot be sent: user " + id_text(cmd.agent) +
                                                  " is not a member of the team '" + team->name + "'.");
  }
  return std::nullopt;
}

std::optional<Error> check_send_time(const DecideContext& c, int64_t send_at) {
  if (send_at == 0) return std::nullopt;
  if (send_at <= c.now_ms) return fail(ErrorCode::invalid_field, "The send time has passed: pick a later one.");
  if (send_at - c.now_ms > kCampaignScheduleAheadMaxMs) {
    return fail(ErrorCode::invalid_field, "A campaign is scheduled at most 90 days ahead.");
  }
  if (campaigns_scheduled(c.state) >= kCampaignsScheduledMax) {
    return fail(ErrorCode::limit_reached,
                "At most " + std::to_string(kCampaignsScheduledMax) + " campaigns wait for their send time.");
  }
  return std::nullopt;
}

}  // namespace

Decision decide_campaign(const DecideContext& c, const SendCampaign& cmd) {
  const State& state = c.state;
  if (find_channel(state, cmd.channel) == nullptr) return unknown_channel(cmd.channel);
  if (auto error = check_contacts(state, cmd.contacts)) return *error;
  // An agent writes to one customer of theirs; messaging many at once is the workspace's call.
  if (cmd.contacts.size() > 1) {
    if (auto error = require_manager(c, "send a bulk campaign")) return *error;
  }
  if (auto error = check_template(cmd.template_)) return *error;
  if (auto error = check_routing(state, cmd)) return *error;
  if (auto error = check_send_time(c, cmd.send_at)) return *error;
  if (state.campaigns.size() >= kCampaignsMax) {
    return fail(ErrorCode::limit_reached, "The workspace has sent its " + std::to_string(kCampaignsMax) + " campaigns.");
  }
  const CampaignId id(static_cast<uint32_t>(state.campaigns.size()));
  if (cmd.send_at == 0) return one(c, CampaignSent{cmd.channel, cmd.contacts, cmd.template_, cmd.team, cmd.agent, id});
  return one(c, CampaignScheduled{id, cmd.channel, cmd.contacts, cmd.template_, cmd.team, cmd.agent, cmd.send_at});
}

Decision decide_campaign(const DecideContext& c, const CancelCampaign& cmd) {
  const Campaign* campaign = find_campaign(c.state, cmd.campaign);
  if (campaign == nullptr) return not_found(ErrorCode::unknown_campaign, "campaign", cmd.campaign);
  if (campaign->by != c.actor) {
    if (auto error = require_manager(c, "cancel someone else's campaign")) return *error;
  }
  switch (campaign->status) {
    case CampaignStatus::scheduled: return one(c, CampaignCancelled{cmd.campaign, CampaignCancel::by_user});
    case CampaignStatus::sent:
      return fail(ErrorCode::no_change, "Campaign " + id_text(cmd.campaign) + " has already gone out.");
    case CampaignStatus::cancelled:
      return fail(ErrorCode::no_change, "Campaign " + id_text(cmd.campaign) + " is already cancelled.");
  }
  return fail(ErrorCode::no_change, "The campaign is not scheduled.");
}

}  // namespace inbox

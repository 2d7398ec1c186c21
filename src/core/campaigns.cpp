#include "core/campaigns.h"

#include <algorithm>

#include "core/check.h"
#include "core/routing_model.h"
#include "core/timers.h"

namespace inbox {
namespace {

Campaign& campaign_at(State& state, CampaignId id) { return state.campaigns.at(id.index()); }

CampaignCancel routing_gone(const State& state, const Campaign& campaign) {
  if (!campaign.team.valid()) return CampaignCancel::none;
  const Team* team = find_team(state, campaign.team);
  if (team == nullptr) return CampaignCancel::team_deleted;
  if (campaign.agent.valid() && !in_team(*team, campaign.agent)) {
    return CampaignCancel::agent_left_team;
  }
  return CampaignCancel::none;
}

// A new campaign's record, from the event that schedules or sends it.
template <class E>
Campaign record(const Event& event, const E& e, int64_t send_at, CampaignStatus status) {
  return Campaign{event.actor, e.channel, e.contacts, e.template_, e.team, e.agent, event.at_ms, send_at, status,
                  CampaignCancel::none};
}

}  // namespace

void apply_campaign_event(State& state, const Event& event, const CampaignScheduled& e) {
  INBOX_ASSERT(e.campaign.index() == state.campaigns.size(), "campaign ids are dense: decide() takes the next");
  state.campaigns.push_back(record(event, e, e.send_at, CampaignStatus::scheduled));
  timers_refresh_campaign(state, e.campaign);
}

void apply_campaign_event(State& state, const Event& event, const CampaignSent& e) {
  if (e.campaign.valid() && e.campaign.index() == state.campaigns.size()) {
    state.campaigns.push_back(record(event, e, event.at_ms, CampaignStatus::sent));
  } else if (e.campaign.valid()) {
    Campaign& campaign = campaign_at(state, e.campaign);
    INBOX_ASSERT(campaign.status == CampaignStatus::scheduled, "only a scheduled campaign goes out later");
    campaign.status = CampaignStatus::sent;
    campaign.send_at = event.at_ms;
    timers_refresh_campaign(state, e.campaign);
  }
  for (const ContactId contact : e.contacts) {
    state.contacts.at(contact.index()).route = DirectRoute{e.team, e.agent, event.at_ms, event.at_ms + kDirectRouteMs};
    timers_refresh_contact(state, contact);
  }
}

void apply_campaign_event(State& state, const Event&, const CampaignCancelled& e) {
  Campaign& campaign = campaign_at(state, e.campaign);
  INBOX_ASSERT(campaign.status == CampaignStatus::scheduled, "only a scheduled campaign is cancelled");
  campaign.status = CampaignStatus::cancelled;
  campaign.cancelled = e.reason;
  timers_refresh_campaign(state, e.campaign);
}

std::vector<Event> campaign_due(const State& state, CampaignId id, int64_t at_ms) {
  const Campaign& c = state.campaigns.at(id.index());
  const CampaignCancel gone = routing_gone(state, c);
  if (gone != CampaignCancel::none) return {Event{UserId(), at_ms, CampaignCancelled{id, gone}}};
  return {Event{UserId(), at_ms, CampaignSent{c.channel, c.contacts, c.template_, c.team, c.agent, id}}};
}

std::vector<CampaignId> contact_campaigns(const State& state, ContactId contact, size_t limit) {
  constexpr size_t kScanned = 1'000;
  std::vector<CampaignId> found;
  const size_t n = state.campaigns.size();
  for (size_t i = n; i > 0 && n - i < kScanned && found.size() < limit; --i) {
    const std::vector<ContactId>& to = state.campaigns[i - 1].contacts;
    if (std::find(to.begin(), to.end(), contact) != to.end()) found.push_back(CampaignId(static_cast<uint32_t>(i - 1)));
  }
  return found;
}

size_t campaigns_scheduled(const State& state) {
  return static_cast<size_t>(std::count_if(state.campaigns.begin(), state.campaigns.end(), [](const Campaign& c) {
    return c.status == CampaignStatus::scheduled;
  }));
}

}  // namespace inbox

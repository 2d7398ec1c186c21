// Campaigns in apply() and in the timers: a campaign's record, the contacts' routing rule it sets when it
// goes out, and what a scheduled campaign's timer does at its send time. Decided in decide_campaigns.cpp.
#pragma once
#include <cstdint>
#include <vector>

#include "core/events.h"
#include "core/state.h"

namespace inbox {

void apply_campaign_event(State& state, const Event& event, const CampaignScheduled& e);
void apply_campaign_event(State& state, const Event& event, const CampaignSent& e);
void apply_campaign_event(State& state, const Event& event, const CampaignCancelled& e);

// A scheduled campaign's send time came: it goes out as the system, unless the routing it names no longer
// holds (its team deleted, its agent out of the team): then it is cancelled with that reason, never sent
// somewhere its sender did not choose.
std::vector<Event> campaign_due(const State& state, CampaignId id, int64_t at_ms);

// The contact's newest campaigns, newest first (up to limit), among the workspace's newest 1,000: what the
// contact panel lists, bounded however many campaigns the workspace has sent.
std::vector<CampaignId> contact_campaigns(const State& state, ContactId contact, size_t limit);

// How many campaigns wait for their send time (bounded by kCampaignsScheduledMax).
size_t campaigns_scheduled(const State& state);

}  // namespace inbox

// decide() for campaigns: send one now or schedule it, and cancel a scheduled one. Called only by decide().
#pragma once
#include "core/commands.h"
#include "core/decide_context.h"

namespace inbox {

Decision decide_campaign(const DecideContext& c, const SendCampaign& cmd);
Decision decide_campaign(const DecideContext& c, const CancelCampaign& cmd);

}  // namespace inbox

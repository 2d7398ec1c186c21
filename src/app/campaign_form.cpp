#include "app/campaign_form.h"

#include <imgui.h>

#include <optional>
#include <string>

#include "app/date_time_input.h"
#include "app/i18n.h"
#include "app/team_combo.h"
#include "app/test_locator.h"
#include "core/campaigns.h"
#include "core/channel_rules.h"
#include "core/permissions.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

constexpr int64_t kHourMs = 60 * 60'000;
constexpr size_t kCampaignsListed = 5;

const char* cancel_text(CampaignCancel reason) {
  switch (reason) {
    case CampaignCancel::none: return "";
    case CampaignCancel::by_user: return tr("Cancelled");
    case CampaignCancel::team_deleted: return tr("Cancelled: its team was deleted");
    case CampaignCancel::agent_left_team: return tr("Cancelled: the agent left the team");
  }
  return "";
}

std::string campaign_line(const Campaign& c, const LocalClock& clock) {
  const std::string when = format_date_time(c.send_at, clock);
  std::string status;
  switch (c.status) {
    case CampaignStatus::scheduled: status = std::string(tr("Scheduled for")) + " " + when; break;
    case CampaignStatus::sent: status = std::string(tr("Sent")) + " " + when; break;
    case CampaignStatus::cancelled: status = cancel_text(c.cancelled); break;
  }
  return status + " · " + c.template_.name + " (" + c.template_.language + ")";
}

bool may_cancel(const State& state, UserId viewer, const Campaign& c) {
  const User* user = find_user(state, viewer);
  return c.status == CampaignStatus::scheduled && user != nullptr && (c.by == viewer || manages_workspace(user->role));
}

void draw_contact_campaigns(sync::Engine& engine, UserId viewer, ContactId contact, const LocalClock& clock) {
  const State& state = engine.state();
  for (const CampaignId id : contact_campaigns(state, contact, kCampaignsListed)) {
    const Campaign& c = state.campaigns[id.index()];
    if (may_cancel(state, viewer, c)) {
      if (ImGui::SmallButton(with_id(tr("Cancel"), "cancel_campaign" + std::to_string(id.value)).c_str())) {
        engine.submit(Command{viewer, CancelCampaign{id}}, clock.now_ms);
      }
      ImGui::SameLine();
    }
    const std::string line = campaign_line(c, clock);
    ImGui::TextWrapped("%s", line.c_str());
    locator_label_last_text(line.c_str());
  }
}

}  // namespace

void draw_campaign_form(CampaignFormState& ui, sync::Engine& engine, UserId viewer, ContactId contact,
                        ChannelId channel_id, const LocalClock& clock) {
  const State& state = engine.state();
  const Channel* channel = find_channel(state, channel_id);
  if (channel == nullptr || !channel_traits(channel->kind).addressed_by_phone) return;
  if (ui.contact != contact) {
    ui = CampaignFormState{};
    ui.contact = contact;
    ui.team = channel->team;
    ui.send_at = to_local(clock.now_ms + kHourMs, clock);
  }
  ImGui::SeparatorText(tr("Active message"));
  const MessageTemplate* chosen = draw_template_choice(ui.message, state, "campaign_template");
  if (chosen != nullptr) draw_template_params(ui.message, *chosen);
  const std::optional<Template> message = chosen != nullptr ? filled_template(ui.message, *chosen) : std::nullopt;

  ImGui::TextUnformatted(tr("Replies go to"));
  ImGui::SetNextItemWidth(-1);
  if (auto team = team_combo(state, "campaign_team", ui.team)) ui.team = *team;
  const Team* team = find_team(state, ui.team);
  const bool member = team != nullptr && in_team(*team, viewer);
  ImGui::BeginDisabled(!member);
  ImGui::Checkbox(tr("and to me"), &ui.to_me);
  ImGui::EndDisabled();

  if (ImGui::RadioButton(tr("Send now"), !ui.schedule)) ui.schedule = false;
  ImGui::SameLine();
  if (ImGui::RadioButton(tr("Schedule"), ui.schedule)) ui.schedule = true;
  std::optional<int64_t> send_at = 0;
  if (ui.schedule) send_at = draw_date_time_input(tr("Send at"), "campaign", ui.send_at, clock);

  ImGui::BeginDisabled(!message || !send_at);
  if (ImGui::Button(ui.schedule ? tr("Schedule active message") : tr("Send active message"))) {
    SendCampaign cmd{channel_id, {contact}, *message, ui.team, member && ui.to_me ? viewer : UserId()};
    cmd.send_at = *send_at;
    const uint64_t before = engine.revision();
    engine.submit(Command{viewer, std::move(cmd)}, clock.now_ms);
    if (engine.revision() != before) ui.message = TemplatePickerState{};
  }
  ImGui::EndDisabled();
  draw_contact_campaigns(engine, viewer, contact, clock);
}

}  // namespace inbox::ui

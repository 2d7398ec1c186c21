#include "app/offer_popup.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/display_text.h"
#include "app/i18n.h"
#include "app/test_locator.h"
#include "core/offers.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

constexpr size_t kOffersShownMax = 3;

void draw_offer_card(const State& state, ConversationId id, UserId viewer, const LocalClock& clock) {
  const Conversation& c = state.conversations[id.index()];
  const Contact& contact = state.contacts[c.contact.index()];
  const Channel& channel = state.channels[c.channel.index()];
  if (is_transfer_request(c, viewer)) {
    const std::string from = c.transfer.by.valid() ? user_name(state, c.transfer.by) : std::string(tr("The system"));
    const std::string asks = format_text(tr("Transfer request from %s"), from.c_str());
    ImGui::TextColored(ImVec4(0.1f, 0.4f, 0.75f, 1), "%s", asks.c_str());
    locator_label_last_text(asks.c_str());
  }
  ImGui::TextUnformatted(contact_name(state, c).c_str());
  if (!contact.phone.empty()) ImGui::TextDisabled("%s", contact.phone.c_str());
  ImGui::TextDisabled(tr("To %s"), joined({channel.name, channel.address}).c_str());
  const TeamId team = is_transfer_request(c, viewer) ? c.transfer.team : c.team;
  if (team.valid()) ImGui::TextDisabled(tr("Queue: %s"), state.teams[team.index()].name.c_str());
  const int64_t started = offer_started_at(c, viewer);
  const int64_t ends = offer_ends_at(c, viewer);
  const int64_t waited = clock.now_ms - started;
  const int64_t left = ends - clock.now_ms;
  ImGui::Text(tr("Waiting %s · %s left"), format_countdown(waited).c_str(), format_countdown(left).c_str());
  const float total = static_cast<float>(std::max<int64_t>(1, ends - started));
  ImGui::ProgressBar(std::clamp(static_cast<float>(left) / total, 0.0f, 1.0f), ImVec2(-1, ImGui::GetFontSize() * 0.4f), "");
}

}  // namespace

std::string format_countdown(int64_t ms) {
  const int64_t seconds = std::max<int64_t>(0, (ms + 999) / 1000);
  char text[32];
  std::snprintf(text, sizeof(text), "%lld:%02lld", static_cast<long long>(seconds / 60),
                static_cast<long long>(seconds % 60));
  return text;
}

int64_t draw_offer_popup(OfferPopupState& ui, sync::Engine& engine, UserId viewer, const LocalClock& clock,
                         ConversationId& accepted) {
  const State& state = engine.state();
  if (ui.read_revision != engine.revision() || ui.read_for != viewer) {
    ui.offers = offers_waiting_for(state, viewer);
    ui.read_revision = engine.revision();
    ui.read_for = viewer;
  }
  if (ui.offers.empty()) return 0;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x / 2, viewport->Pos.y + em * 3), ImGuiCond_Always,
                          ImVec2(0.5f, 0));
  ImGui::SetNextWindowSize(ImVec2(em * 20, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1, 1, 1, 1));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
  ImGui::Begin("offer_popup", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextUnformatted(ui.offers.size() == 1 ? tr("New conversation for you") : tr("New conversations for you"));
  ImGui::Separator();
  for (size_t i = 0; i < std::min(ui.offers.size(), kOffersShownMax); ++i) {
    const ConversationId id = ui.offers[i];
    if (i > 0) ImGui::Separator();
    draw_offer_card(state, id, viewer, clock);
    const std::string suffix = "##offer" + std::to_string(id.value);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (ImGui::Button((std::string(tr("Accept")) + suffix).c_str(), ImVec2(half, 0))) {
      engine.submit(Command{viewer, AcceptConversation{id}}, clock.now_ms);
      accepted = id;
    }
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr("Decline")) + suffix).c_str(), ImVec2(half, 0))) {
      engine.submit(Command{viewer, DeclineConversation{id}}, clock.now_ms);
    }
  }
  if (ui.offers.size() > kOffersShownMax) ImGui::TextDisabled(tr("and %zu more"), ui.offers.size() - kOffersShownMax);
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  return clock.now_ms + 1000 - clock.now_ms % 1000;  // the timers tick on the second
}

}  // namespace inbox::ui

// The contact panel's active message, driven through the real ImGui frame: a template sent now or scheduled
// with the replies routed to the sender, the contact's campaigns listed, and a scheduled one cancelled.
#include "app/campaign_form.h"

#include <doctest/doctest.h>

#include "core/state.h"
#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

// Lucía's chat, the contact panel open, the template chosen and filled, replies to Support and to Ana.
void fill_active_message(ShellFixture& f) {
  f.click(f.row("Lucía Fernández"));
  f.click("Contact");
  f.click("Choose a template###campaign_template");
  f.click(f.find_prefix("retomar_contato (pt_BR)"));
  f.click("##param1");
  f.type("Lucía");
  CHECK_FALSE(f.find("and to me")->enabled);  // no team yet: Ana is a member of none
  f.click("##campaign_team");
  f.click("Support##campaign_team_team0");
  CHECK(f.find("and to me")->enabled);
}

const Campaign& only_campaign(const ShellFixture& f) {
  REQUIRE(f.engine.state().campaigns.size() == 1);
  return f.engine.state().campaigns[0];
}

}  // namespace

TEST_CASE("an agent sends an active message now: it is sent, its replies routed to them for 24 h") {
  ShellFixture f;
  fill_active_message(f);
  f.click("Send active message");
  const Campaign& sent = only_campaign(f);
  CHECK(sent.status == CampaignStatus::sent);
  CHECK(sent.by == UserId(0));
  CHECK(sent.agent == UserId(0));
  CHECK(sent.team == TeamId(0));
  CHECK(sent.template_.params == std::vector<std::string>{"Lucía"});
  REQUIRE(f.engine.state().contacts[0].route.has_value());
  CHECK(f.shows("Sent 2024-05-29 16:36 · retomar_contato (pt_BR)"));
  CHECK(f.shell.toasts.shown.empty());
}

TEST_CASE("an active message scheduled for later waits, is listed with Cancel, and cancelled never goes out") {
  ShellFixture f;
  fill_active_message(f);
  f.click("Schedule");
  CHECK(f.shows("##campaign_day"));
  f.shell.contact.campaign.send_at = ui::LocalDateTime{2024, 5, 29, 18, 0};
  f.frame();
  f.click("Schedule active message");
  const Campaign& scheduled = only_campaign(f);
  CHECK(scheduled.status == CampaignStatus::scheduled);
  CHECK(scheduled.send_at == ui::from_local(ui::LocalDateTime{2024, 5, 29, 18, 0}, f.clock).value());
  CHECK_FALSE(f.engine.state().contacts[0].route.has_value());
  CHECK(f.shows("Scheduled for 2024-05-29 18:00 · retomar_contato (pt_BR)"));

  f.click("Cancel##cancel_campaign0");
  CHECK(only_campaign(f).status == CampaignStatus::cancelled);
  CHECK(f.shows("Cancelled · retomar_contato (pt_BR)"));
  CHECK_FALSE(f.shows("Cancel##cancel_campaign0"));
}

TEST_CASE("a send time that has passed is refused with a toast, and nothing is scheduled") {
  ShellFixture f;
  fill_active_message(f);
  f.click("Schedule");
  f.shell.contact.campaign.send_at = ui::LocalDateTime{2024, 5, 29, 9, 0};
  f.frame();
  f.click("Schedule active message");
  CHECK(f.engine.state().campaigns.empty());
  CHECK(f.shell.toasts.shown.size() == 1);
}

#include "app/list_filters.h"

#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

TEST_CASE("filters by channel, team and tag narrow the list, and the choice 'any' brings everything back") {
  ShellFixture f;
  const UserId sofia(2);
  f.shell.viewer = sofia;
  f.shell.section = Section::all;
  f.engine.submit(Command{UserId(), CreateChannel{ChannelKind::webchat, "Site", "https://example.com"}}, f.clock.now_ms);
  ReceiveMessage visitor;
  visitor.channel = ChannelId(1);
  visitor.from = "visitor-1";
  visitor.profile_name = "Visitante Web";
  visitor.text = "Olá!";
  f.engine.submit(Command{UserId(), visitor}, f.clock.now_ms);
  f.engine.submit(Command{UserId(0), TagConversation{ConversationId(0), {"vip"}, TagMode::add}}, f.clock.now_ms);
  f.engine.submit(Command{UserId(1), TagContact{ContactId(2), {"vip"}, TagMode::add}}, f.clock.now_ms);
  REQUIRE(f.engine.take_rejections().empty());
  f.frame();
  CHECK(f.lists("Lucía Fernández"));
  CHECK(f.lists("Zoë O’Connor"));

  f.click("##filter_tag");
  f.frame();
  f.click("#vip##filter_tag0");
  CHECK(f.lists("Lucía Fernández"));  // the conversation's tag
  CHECK(f.lists("Zoë O’Connor"));     // the contact's tag
  f.shell.filters.channel = ChannelId(1);
  f.frame();
  CHECK_FALSE(f.lists("Lucía Fernández"));

  f.shell.filters = ui::ListFilters();
  f.click("Pending");
  CHECK(f.lists("Visitante Web"));
  CHECK(f.lists("Françoise Lefèvre"));
  f.click("##filter_channel");
  f.frame();
  f.click("Site##filter_channel1");
  CHECK(f.lists("Visitante Web"));
  CHECK_FALSE(f.lists("Françoise Lefèvre"));
  f.click("##filter_channel");
  f.frame();
  f.click("Any channel");
  CHECK(f.lists("Françoise Lefèvre"));
}

TEST_CASE("a filtered list follows the state: a new matching conversation shows up") {
  ShellFixture f;
  f.shell.viewer = UserId(2);
  f.shell.section = Section::all;
  f.shell.filters.team = TeamId(0);
  f.frame();
  f.click("Pending");
  CHECK_FALSE(f.lists("Françoise Lefèvre"));  // no team
  f.engine.submit(Command{UserId(2), TransferConversation{ConversationId(1), TeamId(0), UserId(), ClosingReasonId()}},
                  f.clock.now_ms);
  REQUIRE(f.engine.take_rejections().empty());
  f.frame();
  CHECK(f.lists("Françoise Lefèvre"));
}

TEST_CASE("a deleted team is no longer offered by the team filter, and a filter on it falls back to any team") {
  ShellFixture f;
  f.shell.viewer = UserId(2);  // Sofía, a supervisor
  f.shell.section = Section::all;
  f.engine.submit(Command{UserId(), CreateTeam{"Plantão"}}, f.clock.now_ms);
  REQUIRE(f.engine.take_rejections().empty());
  f.frame();
  f.click("##filter_team");
  CHECK(f.shows("Plantão##filter_team1"));
  f.click("Plantão##filter_team1");
  CHECK(f.shell.filters.team == TeamId(1));
  f.engine.submit(Command{UserId(2), DeleteTeam{TeamId(1)}}, f.clock.now_ms);
  REQUIRE(f.engine.take_rejections().empty());
  f.frame();
  CHECK_FALSE(f.shell.filters.team.valid());
  CHECK(f.lists("Lucía Fernández"));
  f.click("##filter_team");
  CHECK(f.shows("Support##filter_team0"));
  CHECK_FALSE(f.shows("Plantão##filter_team1"));
}

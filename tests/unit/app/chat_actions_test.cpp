#include "app/chat_actions.h"

#include <doctest/doctest.h>

#include "core/state.h"
#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

TEST_CASE("an agent closes a conversation with a closing reason found by searching 'spam'") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Close");
  REQUIRE(f.shows("##reason_search"));
  CHECK(f.shows("Resolvido"));
  f.type("spam");
  CHECK(f.shows("Spam"));
  CHECK_FALSE(f.shows("Resolvido"));
  f.click("Spam");
  f.click("Close conversation");
  CHECK(f.conversation(0).status == ConversationStatus::closed);
  CHECK(f.conversation(0).closing_reason == ClosingReasonId(1));
}

TEST_CASE("the transfer list cannot pick an agent who is not available; an available one is asked, the chat stays") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Transfer");
  f.click(f.find_prefix("Marc Dubois"));  // unavailable: greyed out, nothing is sent
  CHECK_FALSE(f.conversation(0).transfer.to.valid());
  f.available(UserId(1));
  f.click("Refresh");  // the list shows statuses as read when it opened
  f.click(f.find_prefix("Marc Dubois"));
  CHECK(f.conversation(0).transfer.to == UserId(1));
  CHECK(f.conversation(0).assignee == UserId(0));
  f.frame();
  CHECK(f.find_prefix("Transfer to Marc Dubois requested: waiting for them to accept") != nullptr);
}

TEST_CASE("a transfer asks for a closing reason first when the workspace requires one") {
  ShellFixture f;
  Settings settings = f.engine.state().settings;
  settings.closing_reason_required = true;
  f.engine.submit(Command{UserId(), UpdateSettings{settings}}, f.clock.now_ms);
  f.click(f.row("Lucía Fernández"));
  f.click("Transfer");
  f.click("Support##team0");  // disabled until a reason is picked
  CHECK(f.conversation(0).status == ConversationStatus::open);
  f.click("Resolvido");
  f.click("Support##team0");
  CHECK(f.conversation(0).status == ConversationStatus::closed);
  CHECK(f.conversation(0).closing_reason == ClosingReasonId(0));
}

TEST_CASE("the conference list cannot invite an agent who is not available") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Conference");
  REQUIRE(f.find_prefix("Marc Dubois##invite") != nullptr);
  CHECK_FALSE(f.find_prefix("Marc Dubois##invite")->enabled);
  f.click(f.find_prefix("Marc Dubois##invite"));
  CHECK(f.conversation(0).conference.empty());
}

TEST_CASE("conference: the owner invites, the invitee joins and leaves, the owner ends it") {
  ShellFixture f;
  f.available(UserId(1));  // a conference request reaches only an available agent
  f.click(f.row("Lucía Fernández"));
  f.click("Conference");
  CHECK(f.find_prefix("Sofía Supervisora##invite") != nullptr);
  CHECK(f.find_prefix("Ana Souza##invite") == nullptr);  // the owner does not invite themselves
  f.type("DUBO");  // the search has the focus; case and accents do not matter
  CHECK(f.find_prefix("Sofía Supervisora##invite") == nullptr);
  f.click(f.find_prefix("Marc Dubois##invite"));
  REQUIRE(f.conversation(0).conference.size() == 1);
  CHECK_FALSE(f.conversation(0).conference[0].joined);

  f.shell.viewer = UserId(1);  // Marc opens the conversation he was invited to
  f.shell.selected = ConversationId(0);
  f.frame();
  f.click("Conference");
  f.click("Join conference");
  CHECK(f.conversation(0).conference[0].joined);
  f.click("Conference");
  f.click("Leave conference");
  CHECK(f.conversation(0).conference.empty());

  f.shell.viewer = UserId(0);
  f.frame();
  f.click("Conference");
  f.click(f.find_prefix("Marc Dubois##invite"));
  f.click("Conference");
  f.click("End conference");
  CHECK(f.conversation(0).conference.empty());
}

TEST_CASE("tags are added to the existing ones, or replace them") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Tags");
  CHECK_FALSE(f.find("Add tags")->enabled);
  f.type("vip, envío");
  f.click("Add tags");
  CHECK(f.conversation(0).tags.size() == 2);
  f.click("Tags");
  f.type("urgente");
  f.click("Replace tags");
  REQUIRE(f.conversation(0).tags.size() == 1);
  CHECK(f.engine.state().tags[f.conversation(0).tags[0].index()].name == "urgente");
}

TEST_CASE("a closed conversation offers no actions") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Close");
  f.click("Close conversation");
  REQUIRE(f.conversation(0).status == ConversationStatus::closed);
  f.frame();
  CHECK_FALSE(f.shows("Transfer"));
  CHECK_FALSE(f.shows("Close"));
}

TEST_CASE("remind in 30 minutes: the chat waits in Scheduled, then comes back to Open overdue at the due instant") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Remind");
  REQUIRE(f.shows("Postpone contact until reminder"));
  f.click("In 30 minutes");
  CHECK(f.conversation(0).status == ConversationStatus::scheduled);
  CHECK(f.conversation(0).reminder_at == f.clock.now_ms + 30 * kMinute);
  f.click("Scheduled");
  CHECK(f.lists("Lucía Fernández"));

  f.engine.advance(f.clock.now_ms + 30 * kMinute - 1);
  CHECK(f.conversation(0).status == ConversationStatus::scheduled);
  f.engine.advance(f.clock.now_ms + 30 * kMinute);
  CHECK(f.conversation(0).status == ConversationStatus::open);
  CHECK(f.conversation(0).overdue_since == f.clock.now_ms + 30 * kMinute);
}

TEST_CASE("a reminder can be cancelled from the same menu") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Remind");
  f.click("In 4 hours");
  REQUIRE(f.conversation(0).reminder_at != kNever);
  f.click("Remind");
  f.click("Cancel reminder");
  CHECK(f.conversation(0).reminder_at == kNever);
}

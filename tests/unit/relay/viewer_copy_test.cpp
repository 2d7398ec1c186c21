#include <doctest/doctest.h>

#include "server-stub/sync/viewer_copy.h"
#include "tests/unit/core/inbox_fixture.h"

using namespace inbox;
using namespace inbox::relay;

namespace {

struct Desk : test::Inbox {
  uint64_t seq = 0;
  // Runs a command and returns its events as the log numbers them.
  std::vector<sync::SequencedEvent> logged(UserId actor, CommandBody body) {
    std::vector<sync::SequencedEvent> events;
    for (Event& event : run(actor, std::move(body))) events.push_back({++seq, std::move(event)});
    return events;
  }
  std::vector<sync::SequencedEvent> customer(const std::string& phone, const std::string& text) {
    ReceiveMessage message;
    message.channel = whatsapp;
    message.from = phone;
    message.text = text;
    return logged(UserId(), message);
  }
};

}  // namespace

TEST_CASE("plan_delivery: content of another agent's chat is left out; handing it over resyncs; new chats never do") {
  Desk desk;
  desk.customer("+5511911110000", "first");
  const ConversationId chat(0);
  desk.run(desk.supervisor, AssignConversation{chat, desk.bruno});
  ViewerCopy ana = copy_of(desk.state, desk.ana);
  ViewerCopy boss = copy_of(desk.state, desk.supervisor);
  CHECK(ana.redacted);
  CHECK(ana.lacks_content[0]);
  CHECK_FALSE(boss.redacted);

  size_t before = desk.state.conversations.size();
  auto events = desk.customer("+5511911110000", "second");
  Delivery delivery = plan_delivery(ana, desk.state, events, before);
  CHECK_FALSE(delivery.resync);
  REQUIRE(delivery.without_content.size() == events.size());
  CHECK(delivery.without_content.back());
  CHECK(std::get<MessageAdded>(delivered_events(events, delivery.without_content).back().event.body).text.empty());
  CHECK(plan_delivery(boss, desk.state, events, before).without_content.empty());

  // A new chat nobody has yet: Ana may see it (unassigned), so all of it goes out and nothing resyncs.
  before = desk.state.conversations.size();
  events = desk.customer("+5511933330000", "new one");
  delivery = plan_delivery(ana, desk.state, events, before);
  CHECK_FALSE(delivery.resync);
  CHECK(delivery.without_content.empty());
  CHECK_FALSE(ana.lacks_content[1]);

  // Bruno's chat handed to Ana: her copy lacks its history.
  before = desk.state.conversations.size();
  events = desk.logged(desk.supervisor, AssignConversation{chat, desk.ana});
  CHECK(plan_delivery(ana, desk.state, events, before).resync);
}

TEST_CASE("plan_delivery: sharing the Teammates section resyncs agents whose copies lacked a chat") {
  Desk desk;
  desk.customer("+5511911110000", "first");
  desk.run(desk.supervisor, AssignConversation{ConversationId(0), desk.bruno});
  ViewerCopy ana = copy_of(desk.state, desk.ana);
  ViewerCopy bruno = copy_of(desk.state, desk.bruno);
  Settings settings = desk.state.settings;
  settings.teammates_shared = true;
  const size_t before = desk.state.conversations.size();
  const auto events = desk.logged(desk.supervisor, UpdateSettings{settings});
  CHECK(plan_delivery(ana, desk.state, events, before).resync);
  CHECK_FALSE(plan_delivery(bruno, desk.state, events, before).resync);
}

TEST_CASE("resume_delivery: missed messages resume without their hidden content; a chat shown meanwhile resyncs") {
  Desk desk;
  desk.customer("+5511911110000", "first");
  desk.run(desk.supervisor, AssignConversation{ConversationId(0), desk.bruno});
  auto missed = desk.customer("+5511911110000", "second");
  const auto opened = desk.customer("+5511933330000", "a new chat");
  missed.insert(missed.end(), opened.begin(), opened.end());
  Delivery delivery = resume_delivery(desk.state, desk.ana, missed);
  CHECK_FALSE(delivery.resync);
  REQUIRE(delivery.without_content.size() == missed.size());
  CHECK(delivery.without_content.front());  // Bruno's chat
  CHECK_FALSE(delivery.without_content.back());  // the new chat, unassigned
  CHECK(resume_delivery(desk.state, desk.supervisor, missed).without_content.empty());

  const auto handed = desk.logged(desk.supervisor, AssignConversation{ConversationId(0), desk.ana});
  missed.insert(missed.end(), handed.begin(), handed.end());
  CHECK(resume_delivery(desk.state, desk.ana, missed).resync);
}

#include "core/view_report.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "inbox_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

// Ana and Bruno each have a chat (Bruno has answered his), a third waits unassigned.
struct ThreeChats {
  Inbox inbox;
  ConversationId anas, brunos, waiting;

  ThreeChats() {
    anas = inbox.customer_writes("+5511900000001", "Oi", inbox.whatsapp, "Marta");
    brunos = inbox.customer_writes("+5511900000002", "Hola", inbox.whatsapp, "Pedro");
    waiting = inbox.customer_writes("+5511900000003", "Bonjour", inbox.whatsapp, "Lucie");
    inbox.run(inbox.ana, AssignConversation{anas, inbox.ana});
    inbox.run(inbox.bruno, AssignConversation{brunos, inbox.bruno});
    inbox.reply(inbox.bruno, brunos, "Hola, ¿qué tal?");
  }
};

const SectionReport& section_of(const ViewReport& report, Section section) {
  return report.sections[static_cast<size_t>(section)];
}

size_t counted(const SectionReport& section) {
  size_t total = 0;
  for (const uint32_t count : section.counts.by_status) total += count;
  return total;
}

}  // namespace

TEST_CASE("view report: an agent sees Mine and Unassigned, All and Teammates hidden, never a teammate's chat") {
  const ThreeChats chats;
  const State& state = chats.inbox.state;
  const ViewReport report = view_report(state, chats.inbox.ana, kViewListDefault);
  CHECK(section_of(report, Section::mine).visible);
  CHECK(section_of(report, Section::mine).conversations == std::vector<ConversationId>{chats.anas});
  CHECK(section_of(report, Section::unassigned).visible);
  CHECK(section_of(report, Section::unassigned).conversations == std::vector<ConversationId>{chats.waiting});
  for (const Section hidden : {Section::all, Section::teammates}) {
    CHECK_FALSE(section_of(report, hidden).visible);
    CHECK(section_of(report, hidden).conversations.empty());
    CHECK(counted(section_of(report, hidden)) == 0);
  }
  for (const SectionReport& section : report.sections) {
    for (const ConversationId id : section.conversations) {
      const UserId assignee = state.conversations[id.index()].assignee;
      CHECK_MESSAGE((assignee == chats.inbox.ana || !assignee.valid()), "an agent saw conversation ", id.value);
    }
  }
}

TEST_CASE("view report: a supervisor sees all four sections; Teammates leaves out their own chats") {
  ThreeChats chats;
  const ConversationId own = chats.inbox.customer_writes("+5511900000004", "Hello", chats.inbox.whatsapp, "Jane");
  chats.inbox.run(chats.inbox.supervisor, AssignConversation{own, chats.inbox.supervisor});
  const ViewReport report = view_report(chats.inbox.state, chats.inbox.supervisor, kViewListDefault);
  for (const SectionReport& section : report.sections) CHECK(section.visible);
  CHECK(section_of(report, Section::mine).conversations == std::vector<ConversationId>{own});
  CHECK(section_of(report, Section::unassigned).conversations == std::vector<ConversationId>{chats.waiting});
  // The status tabs in turn: the open chats (oldest first), then the pending one.
  CHECK(section_of(report, Section::all).conversations ==
        std::vector<ConversationId>{chats.anas, chats.brunos, own, chats.waiting});
  CHECK(section_of(report, Section::teammates).conversations == std::vector<ConversationId>{chats.anas, chats.brunos});
}

TEST_CASE("view report: the counts match the lists, and a list past its limit says how many more") {
  const ThreeChats chats;
  for (const UserId viewer : {chats.inbox.ana, chats.inbox.operator_, chats.inbox.admin}) {
    for (const size_t list_max : {size_t{0}, size_t{1}, kViewListDefault}) {
      const ViewReport report = view_report(chats.inbox.state, viewer, list_max);
      for (const SectionReport& section : report.sections) {
        CHECK(section.conversations.size() <= list_max);
        CHECK(section.conversations.size() + section.more == counted(section));
      }
    }
  }
  const ViewReport one = view_report(chats.inbox.state, chats.inbox.admin, 1);
  CHECK(section_of(one, Section::all).conversations == std::vector<ConversationId>{chats.anas});
  CHECK(section_of(one, Section::all).more == 2);
  CHECK(section_of(one, Section::all).counts.pending == 2);  // Ana's and the waiting one await a reply
}

TEST_CASE("view report lines: the viewer, then each section's counts and its conversations by name; hidden is said") {
  const ThreeChats chats;
  const State& state = chats.inbox.state;
  const std::vector<std::string> lines = view_report_lines(state, view_report(state, chats.inbox.ana, 50));
  REQUIRE(lines.size() == 7);  // viewer, mine + 1, unassigned + 1, all, teammates
  const nlohmann::json viewer = nlohmann::json::parse(lines[0]);
  CHECK(viewer["viewer"] == chats.inbox.ana.value);
  CHECK(viewer["role"] == "agent");
  const nlohmann::json mine = nlohmann::json::parse(lines[1]);
  CHECK(mine["section"] == "mine");
  CHECK(mine["visible"] == true);
  CHECK(mine["counts"]["open"] == 1);
  CHECK(mine["awaiting_reply"] == 1);
  CHECK(mine["listed"] == 1);
  CHECK(mine["more"] == 0);
  const nlohmann::json anas = nlohmann::json::parse(lines[2]);
  CHECK(anas["section"] == "mine");
  CHECK(anas["conversation"] == chats.anas.value);
  CHECK(anas["contact"] == "Marta");
  CHECK(anas["status"] == "open");
  CHECK(anas["assignee"] == "Ana Agente");
  const nlohmann::json waiting = nlohmann::json::parse(lines[4]);
  CHECK(waiting["assignee"].is_null());
  CHECK(waiting["status"] == "pending");
  CHECK(lines[5] == R"({"section":"all","visible":false})");
  CHECK(lines[6] == R"({"section":"teammates","visible":false})");
}

TEST_CASE("find_viewer: a user by id or by email in any case; unknown, shared or malformed ones are refused") {
  Inbox inbox;
  const UserId dora(static_cast<uint32_t>(inbox.state.users.size()));
  inbox.run(UserId(), CreateUser{"Dora Agente", "dora@example.com", Role::agent});
  inbox.run(UserId(), CreateUser{"Eva Agente", "shared@example.com", Role::agent});
  inbox.run(UserId(), CreateUser{"Fábio Agente", "fabio@example.com", Role::agent});
  // CreateUser now refuses a used email; logs written before that rule may still hold two users sharing one.
  inbox.state.users.back().email = "Shared@example.com";
  const auto found = [&](const char* text) {
    const Result<UserId> viewer = find_viewer(inbox.state, text);
    return viewer.ok() ? viewer.value() : UserId();
  };
  CHECK(found("3") == inbox.ana);
  CHECK(found("dora@example.com") == dora);
  CHECK(found("DORA@Example.com") == dora);
  for (const char* unknown : {"", "99", "4294967296", "-1", "3x", "nobody@example.com", "shared@example.com"}) {
    const Result<UserId> viewer = find_viewer(inbox.state, unknown);
    REQUIRE_FALSE(viewer.ok());
    CHECK(viewer.error().code == ErrorCode::unknown_user);
  }
  const std::string shared = find_viewer(inbox.state, "shared@example.com").error().message;
  CHECK(shared.find("(ids 7, 8)") != std::string::npos);
}

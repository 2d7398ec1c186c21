// Column 3: custom reminders, the owner's notifications, system lines between the bubbles, the template
// picker outside the WhatsApp window, and the transfer list's Refresh.
#include "app/chat_view.h"

#include <doctest/doctest.h>

#include "app/compose_box.h"
#include "app/timeline_text.h"
#include "core/channel_rules.h"
#include "core/state.h"
#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kMay29Utc = 1'716'940'800'000;  // 2024-05-29 00:00 UTC; kStart is 16:26:40 that day

bool toast_says(const ShellFixture& f, const std::string& text) {
  for (const ui::Toast& toast : f.shell.toasts.shown) {
    if (toast.text.find(text) != std::string::npos) return true;
  }
  return false;
}

void pick_custom_time(ShellFixture& f, int day, int hour, int minute) {
  f.click("Remind");
  f.shell.actions.remind_custom = ui::LocalDateTime{2024, 5, day, hour, minute};
  f.frame();
  f.click("Set reminder");
}

// Lets time pass for the engine and the UI together.
void pass(ShellFixture& f, int64_t ms) {
  f.clock.now_ms += ms;
  f.engine.advance(f.clock.now_ms);
  f.frame();
}

}  // namespace

TEST_CASE("a custom reminder in São Paulo time: 15:00 local is 18:00 UTC, and the chat waits in Scheduled") {
  ShellFixture f;
  f.clock.utc_offset_minutes = -180;
  f.click(f.row("Lucía Fernández"));
  pick_custom_time(f, 29, 15, 0);
  CHECK(f.conversation(0).status == ConversationStatus::scheduled);
  CHECK(f.conversation(0).reminder_at == kMay29Utc + 18 * kHour);
  CHECK(f.shell.toasts.shown.empty());
}

TEST_CASE("a custom reminder in the past is refused with a toast and nothing changes") {
  ShellFixture f;
  f.clock.utc_offset_minutes = -180;
  f.click(f.row("Lucía Fernández"));
  pick_custom_time(f, 29, 10, 0);  // 13:00 UTC, three hours before now
  CHECK(toast_says(f, "already passed"));
  CHECK(f.conversation(0).status == ConversationStatus::open);
  CHECK(f.conversation(0).reminder_at == kNever);
}

TEST_CASE("a day that does not exist cannot be picked") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Remind");
  f.shell.actions.remind_custom = ui::LocalDateTime{2024, 4, 31, 9, 0};
  f.frame();
  REQUIRE(f.find("Set reminder") != nullptr);
  CHECK_FALSE(f.find("Set reminder")->enabled);
}

TEST_CASE("a reminder falls due: the owner gets a toast, the bell counts it, and picking it opens the chat") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  CHECK(f.find_prefix("🔔") != nullptr);
  CHECK(ui::unread_notifications(f.shell.notifications) == 0);
  f.click("Remind");
  f.click("In 30 minutes");
  f.shell.selected = ConversationId(1);  // Ana looks at the waiting customer meanwhile
  pass(f, 30 * kMinute);
  CHECK(toast_says(f, "Reminder due: Lucía Fernández"));
  CHECK(ui::unread_notifications(f.shell.notifications) == 1);
  CHECK(f.find_prefix("🔔 1###") != nullptr);
  CHECK(f.conversation(0).overdue_since == f.clock.now_ms);  // the row reads "Overdue: <date time>"

  f.click(f.find_prefix("🔔 1"));
  f.click(f.find_prefix("• Reminder due: Lucía Fernández"));
  CHECK(f.shell.selected == ConversationId(0));
  CHECK(ui::unread_notifications(f.shell.notifications) == 0);
  pass(f, kMinute);
  CHECK(f.shell.notifications.items.size() == 1);  // no second notice for the same reminder
}

TEST_CASE("another agent's reminder does not notify the signed-in agent") {
  ShellFixture f;
  f.shell.viewer = UserId(1);  // Marc sets one on Zoë's chat
  f.shell.selected = ConversationId(2);
  f.frame();
  f.click("Remind");
  f.click("In 30 minutes");
  f.shell.viewer = UserId(0);
  f.shell.selected = ConversationId();
  f.frame();
  pass(f, 30 * kMinute);
  CHECK_FALSE(toast_says(f, "Reminder due"));
  CHECK(ui::unread_notifications(f.shell.notifications) == 0);
}

TEST_CASE("system lines sit between the bubbles in time order: took, reminder set, invited, closed with reason") {
  ShellFixture f;
  f.available(UserId(1));  // Marc can be invited
  f.click(f.row("Lucía Fernández"));
  f.click("Remind");
  f.click("In 1 hour");
  f.clock.now_ms += kMinute;
  f.click("Conference");
  f.click(f.find_prefix("Marc Dubois##invite"));
  f.clock.now_ms += kMinute;
  f.click("Close");
  f.click("Spam");
  f.click("Close conversation");

  const State& state = f.engine.state();
  const Conversation& c = f.conversation(0);
  std::vector<std::string> lines;
  for (const ui::ChatLine& line : ui::chat_lines(state, ConversationId(0), 300)) {
    lines.push_back(line.is_message() ? "message: " + std::string(message_text(state, line.message))
                                      : ui::timeline_text(state, c.timeline[line.timeline_index], f.clock));
  }
  const std::vector<std::string> expected = {
      "Conversation opened",
      "message: Hola, ¿el envío a São Paulo incluye seguimiento? 📦",
      "Ana Souza took the conversation",
      "Ana Souza set a reminder for 2024-05-29 17:36",
      "Ana Souza invited Marc Dubois to the conference",
      "Ana Souza closed the conversation · reason: Spam",
  };
  CHECK(lines == expected);
}

TEST_CASE("reminder changed, cancelled and due read as system lines") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Remind");
  f.click("In 1 hour");
  f.click("Remind");
  f.click("In 4 hours");
  f.click("Remind");
  f.click("Cancel reminder");
  f.click("Remind");
  f.click("In 30 minutes");
  pass(f, 30 * kMinute);
  const State& state = f.engine.state();
  const std::vector<TimelineEntry>& timeline = f.conversation(0).timeline;
  REQUIRE(timeline.size() >= 4);
  const size_t n = timeline.size();
  CHECK(ui::timeline_text(state, timeline[n - 4], f.clock) == "Ana Souza changed the reminder to 2024-05-29 20:36");
  CHECK(ui::timeline_text(state, timeline[n - 3], f.clock) == "Ana Souza cancelled the reminder for 2024-05-29 20:36");
  CHECK(ui::timeline_text(state, timeline[n - 1], f.clock) == "Reminder due (2024-05-29 17:06): Ana Souza notified");
}

TEST_CASE("outside the WhatsApp window free text is disabled and the picker sends a template") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  REQUIRE(f.find("##compose")->enabled);
  CHECK(f.find_prefix("Choose a template") == nullptr);
  pass(f, 25 * kHour);
  CHECK(templates_only(f.engine.state(), f.conversation(0), f.clock.now_ms));
  CHECK_FALSE(f.shows("##compose"));  // the template picker takes the text box's place
  CHECK_FALSE(f.find("Send")->enabled);

  f.click(f.find_prefix("Choose a template"));
  f.click(f.find_prefix("pedido_enviado (es)"));
  CHECK(f.shows("##param2"));
  CHECK_FALSE(f.find("Send template")->enabled);  // parameters still empty
  f.click("##param1");
  f.type("Lucía");
  f.click("##param2");
  f.type("BR-123");
  f.click("Send template");
  const Message& sent = f.engine.state().messages.back();
  CHECK(sent.form == MessageForm::template_);
  CHECK(message_text(f.engine.state(), MessageId(static_cast<uint32_t>(f.engine.state().messages.size() - 1))) ==
        "Hola Lucía, tu pedido BR-123 salió hoy.");
  CHECK(f.shell.templates.chosen == -1);  // the picker starts over

  SUBCASE("notes are still written in the text box") {
    f.click("Internal note");
    CHECK(f.shows("##compose"));
  }
  SUBCASE("free text submitted anyway comes back refused, as a toast") {
    f.engine.submit(Command{UserId(0), SendMessage{ConversationId(0), "Oi?", {}, std::nullopt}}, f.clock.now_ms);
    f.frame();
    CHECK(toast_says(f, "more than 24 hours ago"));
  }
}

TEST_CASE("the transfer list shows each agent's status and active chats as read, and Refresh reads them again") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Transfer");
  auto marc = [&]() -> const ui::AgentRow& {
    for (const ui::AgentRow& row : f.shell.actions.transfer.agents) {
      if (row.user == UserId(1)) return row;
    }
    FAIL("Marc is not listed");
    return f.shell.actions.transfer.agents.front();
  };
  CHECK(marc().active_chats == 1);
  CHECK(marc().status == UserStatus::unavailable);
  CHECK(f.shows("Refresh"));

  f.engine.submit(Command{UserId(2), AssignConversation{ConversationId(1), UserId(1)}}, f.clock.now_ms);
  f.engine.submit(Command{UserId(1), SetUserStatus{UserId(1), UserStatus::available}}, f.clock.now_ms);
  f.frame();
  CHECK(marc().active_chats == 1);  // the list stays as read while the agent picks
  f.click("Refresh");
  CHECK(marc().active_chats == 2);
  CHECK(marc().status == UserStatus::available);
  f.click(f.find_prefix("Marc Dubois##transfer"));
  CHECK(f.engine.state().conversations.back().assignee == UserId(1));
}

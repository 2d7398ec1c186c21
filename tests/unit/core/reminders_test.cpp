// Reminders, overdue, postpone, inactivity close and the WhatsApp window warning, with the fake clock.
#include "core/decide_reminders.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/json_codec.h"
#include "inbox_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

// A customer's chat, assigned to Ana (in Sales).
ConversationId anas_chat(Inbox& inbox, const std::string& phone = "+5511988887777") {
  const ConversationId id = inbox.customer_writes(phone, "Oi, quero um orçamento");
  inbox.run(inbox.admin, AssignConversation{id, inbox.ana});
  return id;
}

template <class E>
std::vector<E> of_type(const std::vector<Event>& events) {
  std::vector<E> out;
  for (const Event& event : events) {
    if (const E* e = std::get_if<E>(&event.body)) out.push_back(*e);
  }
  return out;
}

SetReminder preset(ConversationId id, ReminderPreset p, bool postpone = true) { return SetReminder{id, p, 0, postpone}; }

size_t inbox_closing_reason_count_named(const State& state, const std::string& name) {
  return static_cast<size_t>(std::count_if(state.closing_reasons.begin(), state.closing_reasons.end(),
                                           [&](const ClosingReason& r) { return r.name == name; }));
}

void set_inactivity(Inbox& inbox, int64_t period_ms) {
  Settings settings = inbox.state.settings;
  settings.inactivity_close_after_ms = period_ms;
  inbox.run(inbox.admin, UpdateSettings{settings});
}

}  // namespace

TEST_CASE("Ana reminds herself in 1 hour: Scheduled until exactly the due instant, then Open, overdue, Ana notified") {
  Inbox inbox;
  const ConversationId id = anas_chat(inbox);
  const int64_t due = inbox.now_ms + kHour;
  const std::vector<Event> set = inbox.run(inbox.ana, preset(id, ReminderPreset::in_1_hour));
  REQUIRE(of_type<ReminderSet>(set).size() == 1);
  CHECK(of_type<ReminderSet>(set)[0].due_at == due);
  CHECK(inbox.conversation(id).status == ConversationStatus::scheduled);
  CHECK(next_deadline(inbox.state) == due);

  CHECK(inbox.advance(kHour - 1).empty());  // not 1 ms before
  CHECK(inbox.conversation(id).status == ConversationStatus::scheduled);

  const std::vector<Event> fired = inbox.advance(1);
  const std::vector<ReminderDue> due_events = of_type<ReminderDue>(fired);
  REQUIRE(due_events.size() == 1);
  CHECK(due_events[0].owner == inbox.ana);
  CHECK(due_events[0].due_at == due);
  CHECK(fired.back().at_ms == due);
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
  CHECK(inbox.conversation(id).overdue_since == due);
  CHECK(inbox.conversation(id).reminder_at == kNever);
  CHECK(inbox.advance(10 * kHour).empty());  // fires once
}

TEST_CASE("every preset: 30 min, 1 h, 4 h, 24 h, 31 h from now; a custom time in the past or now is refused") {
  Inbox inbox;
  const ConversationId id = anas_chat(inbox);
  const std::pair<ReminderPreset, int64_t> presets[] = {{ReminderPreset::in_30_minutes, 30 * kMinute},
                                                        {ReminderPreset::in_1_hour, kHour},
                                                        {ReminderPreset::in_4_hours, 4 * kHour},
                                                        {ReminderPreset::in_24_hours, 24 * kHour},
                                                        {ReminderPreset::in_31_hours, 31 * kHour}};
  for (const auto& [p, delay] : presets) {
    inbox.run(inbox.ana, preset(id, p));
    CHECK(inbox.conversation(id).reminder_at == inbox.now_ms + delay);
  }
  CHECK(inbox.refused(inbox.ana, SetReminder{id, ReminderPreset::custom, inbox.now_ms - 1, true}).code ==
        ErrorCode::invalid_field);
  CHECK(inbox.refused(inbox.ana, SetReminder{id, ReminderPreset::custom, inbox.now_ms, true}).code ==
        ErrorCode::invalid_field);
  CHECK(inbox.refused(inbox.ana, SetReminder{id, ReminderPreset::in_1_hour, inbox.now_ms + kHour, true}).code ==
        ErrorCode::invalid_field);
  CHECK(inbox.refused(inbox.ana, SetReminder{id, ReminderPreset::custom, inbox.now_ms + 400 * 24 * kHour, true})
            .code == ErrorCode::invalid_field);
  inbox.run(inbox.ana, SetReminder{id, ReminderPreset::custom, inbox.now_ms + 1, true});
  CHECK(inbox.refused(inbox.ana, SetReminder{id, ReminderPreset::custom, inbox.now_ms + 1, true}).code ==
        ErrorCode::no_change);
}

TEST_CASE("changing the reminder moves it: only the new time fires, once") {
  Inbox inbox;
  const ConversationId id = anas_chat(inbox);
  inbox.run(inbox.ana, preset(id, ReminderPreset::in_4_hours));
  inbox.run(inbox.ana, preset(id, ReminderPreset::in_30_minutes));
  CHECK(of_type<ReminderDue>(inbox.advance(30 * kMinute)).size() == 1);
  CHECK(of_type<ReminderDue>(inbox.advance(5 * kHour)).empty());
}

TEST_CASE("cancel before due: back to Open, nothing fires; cancel after due: refused, nothing to cancel") {
  Inbox inbox;
  const ConversationId id = anas_chat(inbox);
  inbox.run(inbox.ana, preset(id, ReminderPreset::in_1_hour));
  inbox.run(inbox.ana, CancelReminder{id});
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
  CHECK(inbox.advance(2 * kHour).empty());

  inbox.run(inbox.ana, preset(id, ReminderPreset::in_30_minutes));
  inbox.advance(30 * kMinute);
  const Error error = inbox.refused(inbox.ana, CancelReminder{id});
  CHECK(error.code == ErrorCode::no_reminder);
  CHECK(error.message.find("no reminder to cancel") != std::string::npos);
}

TEST_CASE("who sets a reminder: the owner or anyone who acts on every conversation; never on a closed one") {
  Inbox inbox;
  const ConversationId id = anas_chat(inbox);
  CHECK(inbox.refused(inbox.bruno, preset(id, ReminderPreset::in_1_hour)).code == ErrorCode::forbidden);
  inbox.run(inbox.operator_, preset(id, ReminderPreset::in_1_hour));
  CHECK(inbox.refused(inbox.bruno, CancelReminder{id}).code == ErrorCode::forbidden);
  inbox.run(inbox.supervisor, CancelReminder{id});
  inbox.run(inbox.ana, CloseConversation{id, inbox.solved});
  CHECK(inbox.refused(inbox.ana, preset(id, ReminderPreset::in_1_hour)).code == ErrorCode::conversation_closed);
}

TEST_CASE("postpone on: the customer writes again and the chat stays Scheduled until the reminder") {
  Inbox inbox;
  const ConversationId id = anas_chat(inbox);
  inbox.run(inbox.ana, preset(id, ReminderPreset::in_4_hours, true));
  inbox.advance(kHour);
  inbox.customer_writes("+5511988887777", "Alguém aí?");
  CHECK(inbox.conversation(id).status == ConversationStatus::scheduled);
  CHECK(inbox.conversation(id).awaiting_reply);
  inbox.advance(3 * kHour);
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
}

TEST_CASE("postpone off: the customer writes again, the chat goes Open at once and the reminder still fires") {
  Inbox inbox;
  const ConversationId id = anas_chat(inbox);
  inbox.run(inbox.ana, preset(id, ReminderPreset::in_4_hours, false));
  inbox.advance(kHour);
  inbox.customer_writes("+5511988887777", "Alguém aí?");
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
  CHECK(inbox.conversation(id).reminder_at != kNever);
  const std::vector<ReminderDue> due = of_type<ReminderDue>(inbox.advance(3 * kHour));
  REQUIRE(due.size() == 1);
  CHECK(inbox.conversation(id).overdue_since == due[0].due_at);
}

TEST_CASE("overdue stays until someone acts: a reply, a note, a new reminder or closing clears it") {
  Inbox inbox;
  const ConversationId id = anas_chat(inbox);
  const auto overdue = [&] {
    inbox.run(inbox.ana, preset(id, ReminderPreset::in_30_minutes));
    inbox.advance(30 * kMinute);
    REQUIRE(inbox.conversation(id).overdue_since != kNever);
  };
  overdue();
  inbox.customer_writes("+5511988887777", "?");  // the customer writing is not us acting
  CHECK(inbox.conversation(id).overdue_since != kNever);
  inbox.reply(inbox.ana, id, "Voltei!");
  CHECK(inbox.conversation(id).overdue_since == kNever);
  overdue();
  inbox.run(inbox.ana, AddNote{id, "ligar amanhã"});
  CHECK(inbox.conversation(id).overdue_since == kNever);
  overdue();
  inbox.run(inbox.ana, preset(id, ReminderPreset::in_1_hour));
  CHECK(inbox.conversation(id).overdue_since == kNever);
  inbox.run(inbox.ana, CancelReminder{id});
  overdue();
  inbox.run(inbox.ana, CloseConversation{id, inbox.solved});
  CHECK(inbox.conversation(id).overdue_since == kNever);
}

TEST_CASE("the owner left the team while the reminder waited: when due it goes to the team's queue") {
  Inbox inbox;
  inbox.run(UserId(), SetChannelTeam{inbox.whatsapp, inbox.sales});
  const ConversationId id = anas_chat(inbox);
  inbox.run(inbox.ana, preset(id, ReminderPreset::in_1_hour));
  inbox.run(inbox.admin, SetTeamMembers{inbox.sales, {inbox.bruno}});
  const std::vector<Event> fired = inbox.advance(kHour);
  const std::vector<ReminderDue> due = of_type<ReminderDue>(fired);
  REQUIRE(due.size() == 1);
  CHECK_FALSE(due[0].owner.valid());
  CHECK_FALSE(inbox.conversation(id).assignee.valid());
  CHECK(inbox.conversation(id).status == ConversationStatus::pending);
}

TEST_CASE("inactivity: an Open chat with no message either way closes at exactly the period, reason 'inactivity'") {
  Inbox inbox;
  set_inactivity(inbox, 2 * kHour);
  const ConversationId id = anas_chat(inbox);
  inbox.advance(kHour);
  inbox.reply(inbox.ana, id, "Já te respondo");  // a message restarts the period
  const int64_t replied = inbox.now_ms;
  inbox.advance(2 * kHour - 1);
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
  const std::vector<Event> fired = inbox.advance(1);
  REQUIRE(of_type<ConversationClosed>(fired).size() == 1);
  const Conversation& closed = inbox.conversation(id);
  CHECK(closed.status == ConversationStatus::closed);
  CHECK(closed.closed_at == replied + 2 * kHour);
  REQUIRE(closed.closing_reason.valid());
  CHECK(inbox.state.closing_reasons[closed.closing_reason.index()].name == "inactivity");
  CHECK(inbox_closing_reason_count_named(inbox.state, "inactivity") == 1);

  // The next inactive chat reuses the same reason: found by name, not created twice. (Copied first: a new
  // conversation may move the one `closed` refers to.)
  const ClosingReasonId reason = closed.closing_reason;
  const ConversationId other = inbox.customer_writes("+5511977776666", "Olá");
  inbox.advance(2 * kHour);
  CHECK(inbox.conversation(other).closing_reason == reason);
}

TEST_CASE("inactivity never closes a chat with a reminder; after the reminder it counts from the due instant") {
  Inbox inbox;
  set_inactivity(inbox, kHour);
  const ConversationId id = anas_chat(inbox);
  inbox.run(inbox.ana, preset(id, ReminderPreset::in_24_hours, false));
  inbox.customer_writes("+5511988887777", "?");  // postpone off: Open again, the reminder stays
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
  inbox.advance(23 * kHour);
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
  inbox.advance(kHour);  // the reminder fires
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
  inbox.advance(kHour - 1);
  CHECK(inbox.conversation(id).status == ConversationStatus::open);
  inbox.advance(1);
  CHECK(inbox.conversation(id).status == ConversationStatus::closed);
}

TEST_CASE("WhatsApp window: a 31-hour reminder always warns; a 4-hour one only when the window closes first") {
  Inbox inbox;
  const ConversationId id = anas_chat(inbox);
  const ReminderSet in31 = of_type<ReminderSet>(inbox.run(inbox.ana, preset(id, ReminderPreset::in_31_hours)))[0];
  CHECK(in31.window_warning);
  CHECK(in31.window_closes_at == inbox.conversation(id).customer_last_message_at + kWhatsAppWindowMs);
  const ReminderSet in4 = of_type<ReminderSet>(inbox.run(inbox.ana, preset(id, ReminderPreset::in_4_hours)))[0];
  CHECK_FALSE(in4.window_warning);
  inbox.run(inbox.ana, CancelReminder{id});
  inbox.advance(21 * kHour);  // the window closes in 3 hours
  const ReminderSet late = of_type<ReminderSet>(inbox.run(inbox.ana, preset(id, ReminderPreset::in_4_hours)))[0];
  CHECK(late.window_warning);
  inbox.run(inbox.ana, CancelReminder{id});
  // A reminder exactly at the close warns too: at that instant only templates are possible.
  const int64_t closes = window_closes_at(inbox.conversation(id));
  const ReminderSet at_close =
      of_type<ReminderSet>(inbox.run(inbox.ana, SetReminder{id, ReminderPreset::custom, closes, true}))[0];
  CHECK(at_close.window_warning);

  // Webchat has no window: no warning.
  const ConversationId web = inbox.customer_writes("visitor-1", "Olá", inbox.webchat);
  CHECK_FALSE(of_type<ReminderSet>(inbox.run(inbox.operator_, preset(web, ReminderPreset::in_31_hours)))[0]
                  .window_warning);
}

TEST_CASE("the relay was down for two days: every missed timer fires once, in deadline order, on start") {
  Inbox inbox;
  set_inactivity(inbox, 3 * kHour);
  const ConversationId a = anas_chat(inbox, "+5511900000001");
  const ConversationId b = anas_chat(inbox, "+5511900000002");
  const ConversationId c = anas_chat(inbox, "+5511900000003");
  inbox.run(inbox.ana, preset(c, ReminderPreset::in_4_hours));
  inbox.run(inbox.ana, preset(a, ReminderPreset::in_1_hour));
  inbox.run(inbox.ana, preset(b, ReminderPreset::in_30_minutes));
  const int64_t t0 = inbox.now_ms;
  const std::vector<Event> fired = inbox.advance(48 * kHour);  // nothing ran in between
  std::vector<std::pair<int64_t, ConversationId>> order;
  for (const Event& event : fired) {
    if (const auto* due = std::get_if<ReminderDue>(&event.body)) order.emplace_back(event.at_ms, due->conversation);
    if (const auto* closed = std::get_if<ConversationClosed>(&event.body)) order.emplace_back(event.at_ms, closed->conversation);
  }
  // Reminders at +30 min (b), +1 h (a), +4 h (c); each closes 3 h after its reminder. At one instant timers
  // fire in (kind, subject) order.
  const std::vector<std::pair<int64_t, ConversationId>> expected = {
      {t0 + 30 * kMinute, b}, {t0 + kHour, a}, {t0 + 3 * kHour + 30 * kMinute, b},
      {t0 + 4 * kHour, c},    {t0 + 4 * kHour, a}, {t0 + 7 * kHour, c}};  // same instant: by kind (reminder first)
  CHECK(order == expected);
  CHECK(std::is_sorted(fired.begin(), fired.end(), [](const Event& x, const Event& y) { return x.at_ms < y.at_ms; }));
  CHECK(inbox.advance(48 * kHour).empty());

  State rebuilt;
  apply_all(rebuilt, inbox.log);
  CHECK(rebuilt == inbox.state);
}

TEST_CASE("the clock jumps backwards: nothing fires twice, and the reminder still fires once when time comes back") {
  Inbox inbox;
  const ConversationId id = anas_chat(inbox);
  inbox.run(inbox.ana, preset(id, ReminderPreset::in_1_hour));
  CHECK(of_type<ReminderDue>(inbox.advance(kHour)).size() == 1);
  CHECK(inbox.advance(-2 * kHour).empty());
  CHECK(inbox.advance(3 * kHour).empty());

  inbox.run(inbox.ana, preset(id, ReminderPreset::in_1_hour));
  const int64_t due = inbox.conversation(id).reminder_at;
  CHECK(inbox.advance(-30 * kMinute).empty());
  CHECK(inbox.advance(kHour).empty());  // now = due - 30 min
  const std::vector<Event> fired = inbox.advance(30 * kMinute);
  REQUIRE(of_type<ReminderDue>(fired).size() == 1);
  CHECK(fired.back().at_ms == due);
}

TEST_CASE("reminder commands and events round-trip through JSON") {
  const Command commands[] = {{UserId(3), SetReminder{ConversationId(7), ReminderPreset::in_31_hours, 0, false}},
                              {UserId(3), SetReminder{ConversationId(7), ReminderPreset::custom, kStart + 5, true}},
                              {UserId(), CancelReminder{ConversationId(2)}}};
  for (const Command& command : commands) {
    const Result<Command> parsed = parse_command(command_to_text(command));
    REQUIRE(parsed.ok());
    CHECK(parsed.value() == command);
  }
  const Event events[] = {{UserId(3), kStart, ReminderSet{ConversationId(7), kStart + kHour, false, kStart + 2 * kHour, true, kStart + 3 * kHour}},
                          {UserId(3), kStart, ReminderCancelled{ConversationId(7), kStart + kHour}},
                          {UserId(), kStart, ReminderDue{ConversationId(7), UserId(3), kStart}}};
  for (const Event& event : events) {
    const Result<Event> parsed = parse_event(event_to_text(event));
    REQUIRE(parsed.ok());
    CHECK(parsed.value() == event);
  }
  CHECK(command_to_json(commands[0])["preset"] == "in_31_hours");
  CHECK(event_to_json(events[0])["window_warning"] == true);
}

namespace {

std::vector<ConversationId> anas_open(const Inbox& inbox, SortOrder order) {
  ListQuery query;
  query.viewer = inbox.ana;
  query.section = Section::mine;
  query.status = ConversationStatus::open;
  query.order = order;
  query.now_ms = inbox.now_ms;
  return list_conversations(inbox.state, query);
}

}  // namespace

TEST_CASE("a due reminder puts the chat at the top of its owner's list, in either order, until she acts on it") {
  Inbox inbox;
  const ConversationId a = anas_chat(inbox, "+5511900000001");
  inbox.advance(kMinute);
  const ConversationId b = anas_chat(inbox, "+5511900000002");
  inbox.advance(kMinute);
  const ConversationId c = anas_chat(inbox, "+5511900000003");
  inbox.run(inbox.ana, preset(b, ReminderPreset::in_30_minutes));
  CHECK(anas_open(inbox, SortOrder::oldest_first) == std::vector<ConversationId>{a, c});
  inbox.advance(30 * kMinute);
  CHECK(anas_open(inbox, SortOrder::oldest_first) == std::vector<ConversationId>{b, a, c});
  CHECK(anas_open(inbox, SortOrder::newest_first) == std::vector<ConversationId>{b, c, a});
  inbox.reply(inbox.ana, b, "Como combinado, aqui está o orçamento");
  CHECK(anas_open(inbox, SortOrder::oldest_first) == std::vector<ConversationId>{a, c, b});
}

TEST_CASE("sort by 'window closing soon': open windows soonest first, then the closed ones") {
  Inbox inbox;
  const ConversationId a = anas_chat(inbox, "+5511900000001");  // window closes at start + 24 h
  inbox.advance(2 * kHour);
  const ConversationId b = anas_chat(inbox, "+5511900000002");  // start + 26 h
  inbox.advance(kHour);
  const ConversationId c = anas_chat(inbox, "+5511900000003");  // start + 27 h
  inbox.advance(kHour);
  inbox.customer_writes("+5511900000001", "ainda aqui");  // a's window moves to start + 28 h
  CHECK(anas_open(inbox, SortOrder::window_closing_soon) == std::vector<ConversationId>{b, c, a});
  inbox.advance(22 * kHour + 30 * kMinute);  // b's window has closed
  CHECK(anas_open(inbox, SortOrder::window_closing_soon) == std::vector<ConversationId>{c, a, b});
  CHECK(rebuild_views(inbox.state) == inbox.state.views);
}

TEST_CASE("the timeline lists a reminder set, changed, cancelled and due, with its time and who was notified") {
  Inbox inbox;
  const ConversationId id = anas_chat(inbox);
  inbox.run(inbox.ana, preset(id, ReminderPreset::in_1_hour));
  const int64_t first = inbox.now_ms + kHour;
  inbox.run(inbox.ana, preset(id, ReminderPreset::in_4_hours));
  inbox.run(inbox.ana, CancelReminder{id});
  inbox.run(inbox.ana, SetReminder{id, ReminderPreset::custom, inbox.now_ms + 30 * kMinute, true});
  inbox.advance(30 * kMinute);

  std::vector<TimelineEntry> reminders;
  for (const TimelineEntry& entry : inbox.conversation(id).timeline) {
    if (entry.kind >= TimelineKind::reminder_set) reminders.push_back(entry);
  }
  REQUIRE(reminders.size() == 5);
  CHECK(reminders[0].kind == TimelineKind::reminder_set);
  CHECK(reminders[0].reminder_at == first);
  CHECK(reminders[0].actor == inbox.ana);
  CHECK(reminders[1].kind == TimelineKind::reminder_changed);
  CHECK(reminders[1].reminder_at == kStart + 4 * kHour);
  CHECK(reminders[2].kind == TimelineKind::reminder_cancelled);
  CHECK(reminders[2].reminder_at == kStart + 4 * kHour);
  CHECK(reminders[3].kind == TimelineKind::reminder_set);
  CHECK(reminders[4].kind == TimelineKind::reminder_due);
  CHECK(reminders[4].reminder_at == kStart + 30 * kMinute);
  CHECK(reminders[4].user == inbox.ana);  // the owner it notified
  CHECK_FALSE(reminders[4].actor.valid());  // the system fired it
  CHECK(reminders[4].at_ms == kStart + 30 * kMinute);
}

#include "core/views.h"

#include <doctest/doctest.h>

#include "core/permissions.h"
#include "core/search.h"
#include "core/timeline.h"
#include "inbox_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {

std::vector<ConversationId> list(const Inbox& inbox, UserId viewer, Section section, ConversationStatus status,
                                 SortOrder order = SortOrder::oldest_first) {
  ListQuery query;
  query.viewer = viewer;
  query.section = section;
  query.status = status;
  query.order = order;
  return list_conversations(inbox.state, query);
}

uint32_t count(const Inbox& inbox, UserId viewer, Section section, ConversationStatus status) {
  return section_counts(inbox.state, viewer, section).by_status[static_cast<size_t>(status)];
}

}  // namespace

TEST_CASE("sections: Mine, Unassigned, All and Teammates, with pending counts of chats awaiting our reply") {
  Inbox inbox;
  const ConversationId a = inbox.customer_writes("+5511900000001", "Oi");
  const ConversationId b = inbox.customer_writes("+5511900000002", "Hola");
  const ConversationId c = inbox.customer_writes("+5511900000003", "Bonjour");
  inbox.run(inbox.ana, AssignConversation{a, inbox.ana});
  inbox.run(inbox.bruno, AssignConversation{b, inbox.bruno});
  inbox.reply(inbox.bruno, b, "Hola, ¿qué tal?");

  CHECK(section_counts(inbox.state, inbox.ana, Section::mine).pending == 1);
  CHECK(count(inbox, inbox.ana, Section::mine, ConversationStatus::open) == 1);
  CHECK(section_counts(inbox.state, inbox.ana, Section::unassigned).pending == 1);
  CHECK(count(inbox, inbox.ana, Section::unassigned, ConversationStatus::pending) == 1);
  CHECK(section_counts(inbox.state, inbox.supervisor, Section::all).pending == 2);
  CHECK(count(inbox, inbox.supervisor, Section::all, ConversationStatus::open) == 2);
  CHECK(count(inbox, inbox.operator_, Section::teammates, ConversationStatus::open) == 2);
  CHECK(section_counts(inbox.state, inbox.operator_, Section::teammates).pending == 1);
  CHECK(list(inbox, inbox.ana, Section::mine, ConversationStatus::open) == std::vector<ConversationId>{a});
  CHECK(list(inbox, inbox.ana, Section::unassigned, ConversationStatus::pending) == std::vector<ConversationId>{c});
}

TEST_CASE("an agent sees Mine and Unassigned only; operators, supervisors and administrators see all four") {
  Inbox inbox;
  inbox.customer_writes("+5511900000001", "Oi");
  CHECK(section_visible(inbox.state, Role::agent, Section::mine));
  CHECK(section_visible(inbox.state, Role::agent, Section::unassigned));
  CHECK_FALSE(section_visible(inbox.state, Role::agent, Section::all));
  CHECK_FALSE(section_visible(inbox.state, Role::agent, Section::teammates));
  for (Role role : {Role::operator_, Role::supervisor, Role::administrator}) {
    CHECK(section_visible(inbox.state, role, Section::all));
    CHECK(section_visible(inbox.state, role, Section::teammates));
  }
  CHECK(count(inbox, inbox.ana, Section::all, ConversationStatus::pending) == 0);
  CHECK(list(inbox, inbox.ana, Section::all, ConversationStatus::pending).empty());
  CHECK(count(inbox, inbox.operator_, Section::all, ConversationStatus::pending) == 1);
}

TEST_CASE("status tabs follow the conversation: Pending, Open, Closed") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511900000001", "Oi");
  CHECK(count(inbox, inbox.admin, Section::all, ConversationStatus::pending) == 1);
  inbox.run(inbox.ana, AssignConversation{id, inbox.ana});
  CHECK(count(inbox, inbox.admin, Section::all, ConversationStatus::pending) == 0);
  CHECK(count(inbox, inbox.admin, Section::all, ConversationStatus::open) == 1);
  inbox.run(inbox.ana, CloseConversation{id, inbox.solved});
  CHECK(count(inbox, inbox.admin, Section::all, ConversationStatus::open) == 0);
  CHECK(count(inbox, inbox.admin, Section::all, ConversationStatus::closed) == 1);
  CHECK(count(inbox, inbox.ana, Section::mine, ConversationStatus::closed) == 1);
  CHECK(section_counts(inbox.state, inbox.ana, Section::mine).pending == 0);
}

TEST_CASE("the list sorts by last message, oldest or newest first, and moves a chat when it gets a message") {
  Inbox inbox;
  const ConversationId a = inbox.customer_writes("+5511900000001", "primeiro");
  inbox.advance(kMinute);
  const ConversationId b = inbox.customer_writes("+5511900000002", "segundo");
  inbox.advance(kMinute);
  const ConversationId c = inbox.customer_writes("+5511900000003", "terceiro");
  using V = std::vector<ConversationId>;
  CHECK(list(inbox, inbox.admin, Section::all, ConversationStatus::pending) == V{a, b, c});
  CHECK(list(inbox, inbox.admin, Section::all, ConversationStatus::pending, SortOrder::newest_first) == V{c, b, a});
  inbox.advance(kMinute);
  inbox.customer_writes("+5511900000001", "de novo");
  CHECK(list(inbox, inbox.admin, Section::all, ConversationStatus::pending) == V{b, c, a});
  ListQuery page;
  page.viewer = inbox.admin;
  page.status = ConversationStatus::pending;
  page.offset = 1;
  page.limit = 1;
  CHECK(list_conversations(inbox.state, page) == V{c});
}

TEST_CASE("search finds a contact by name without accents, by email, and by phone in any formatting") {
  Inbox inbox;
  const ConversationId joao = inbox.customer_writes("+55 11 98765-4321", "Oi", inbox.whatsapp, "João da Silva");
  inbox.run(UserId(), UpdateContact{ContactId(0), "João da Silva", "+5511987654321", "joao@example.com.br"});
  inbox.customer_writes("+33 6 12 34 56 78", "Bonjour", inbox.whatsapp, "Hélène");
  using V = std::vector<ConversationId>;
  CHECK(search_conversations(inbox.state, {inbox.admin, "joao", SortOrder::newest_first, 10}) == V{joao});
  CHECK(search_conversations(inbox.state, {inbox.admin, "JOÃO", SortOrder::newest_first, 10}) == V{joao});
  CHECK(search_conversations(inbox.state, {inbox.admin, "example.com.br", SortOrder::newest_first, 10}) == V{joao});
  CHECK(search_conversations(inbox.state, {inbox.admin, "(11) 98765-4321", SortOrder::newest_first, 10}) == V{joao});
  CHECK(search_conversations(inbox.state, {inbox.admin, "987654321", SortOrder::newest_first, 10}) == V{joao});
  CHECK(search_conversations(inbox.state, {inbox.admin, "helene", SortOrder::newest_first, 10}).size() == 1);
  CHECK(search_conversations(inbox.state, {inbox.admin, "zzz", SortOrder::newest_first, 10}).empty());
}

TEST_CASE("search by message text: 'sao paulo' finds 'São Paulo', and emoji are searchable") {
  Inbox inbox;
  const ConversationId a = inbox.customer_writes("+5511900000001", "Entrega em SÃO PAULO amanhã? 🚚");
  inbox.customer_writes("+5511900000002", "Quero cancelar");
  using V = std::vector<ConversationId>;
  CHECK(search_conversations(inbox.state, {inbox.admin, "sao paulo", SortOrder::newest_first, 10}) == V{a});
  CHECK(search_conversations(inbox.state, {inbox.admin, "🚚", SortOrder::newest_first, 10}) == V{a});
  CHECK(search_messages(inbox.state, "AMANHA", 10) == std::vector<MessageId>{MessageId(0)});
}

TEST_CASE("search respects visibility: an agent does not find a teammate's conversation") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511900000001", "segredo do Bruno");
  inbox.run(inbox.bruno, AssignConversation{id, inbox.bruno});
  CHECK(search_conversations(inbox.state, {inbox.ana, "segredo", SortOrder::newest_first, 10}).empty());
  CHECK(search_conversations(inbox.state, {inbox.bruno, "segredo", SortOrder::newest_first, 10}).size() == 1);
  CHECK(search_conversations(inbox.state, {inbox.operator_, "segredo", SortOrder::newest_first, 10}).size() == 1);
}

TEST_CASE("the timeline lists assignment, conference, transfer and close with who and when") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511900000001", "Oi");
  inbox.advance(kMinute);
  inbox.available(inbox.ana);
  inbox.run(UserId(), OfferConversation{id, inbox.ana});
  inbox.run(inbox.ana, AcceptConversation{id});
  inbox.available(inbox.bruno);
  inbox.run(inbox.ana, InviteToConference{id, inbox.bruno});
  inbox.run(inbox.bruno, JoinConference{id});
  inbox.run(inbox.bruno, LeaveConference{id});
  inbox.advance(kMinute);
  inbox.run(inbox.ana, TransferConversation{id, inbox.support, UserId(), inbox.solved});
  const ConversationId next = inbox.conversation(id).next;
  inbox.run(inbox.carla, AssignConversation{next, inbox.carla});
  inbox.run(inbox.carla, CloseConversation{next, inbox.solved});

  std::vector<TimelineKind> kinds;
  for (const TimelineEntry& entry : contact_history(inbox.state, next)) kinds.push_back(entry.kind);
  CHECK(kinds == std::vector<TimelineKind>{TimelineKind::opened, TimelineKind::offered, TimelineKind::accepted,
                                           TimelineKind::conference_invited, TimelineKind::conference_joined,
                                           TimelineKind::conference_left, TimelineKind::transferred_out,
                                           TimelineKind::transferred_in, TimelineKind::assigned, TimelineKind::closed});
  const TimelineEntry& transfer = inbox.conversation(id).timeline.back();
  CHECK(transfer.actor == inbox.ana);
  CHECK(transfer.at_ms == inbox.now_ms);
  CHECK(transfer.team == inbox.support);
  CHECK(transfer.closing_reason == inbox.solved);
  CHECK(inbox.conversation(next).timeline.back().closing_reason == inbox.solved);
}

TEST_CASE("views rebuilt from scratch equal the ones kept up to date event by event") {
  Inbox inbox;
  const ConversationId a = inbox.customer_writes("+5511900000001", "Oi");
  inbox.customer_writes("+5511900000002", "Olá");
  inbox.run(inbox.ana, AssignConversation{a, inbox.ana});
  inbox.run(inbox.ana, UpdateContact{ContactId(0), "Zé", "+5511900000009", ""});
  inbox.available(inbox.bruno);
  inbox.run(inbox.ana, TransferConversation{a, TeamId(), inbox.bruno, {}});
  inbox.run(inbox.bruno, AcceptConversation{a});
  CHECK(rebuild_views(inbox.state) == inbox.state.views);
}

TEST_CASE("'window closing soon' is sorted on demand: it follows every change and pages like the other orders") {
  Inbox inbox;
  const ConversationId a = inbox.customer_writes("+5511900000001", "Oi");  // stays in Unassigned
  inbox.advance(kHour);
  const ConversationId b = inbox.customer_writes("+5511900000002", "Hola");
  inbox.run(inbox.ana, AssignConversation{b, inbox.ana});
  inbox.advance(kHour);
  const ConversationId c = inbox.customer_writes("+5511900000003", "Bonjour");
  inbox.run(inbox.bruno, AssignConversation{c, inbox.bruno});
  const auto all = [&](size_t offset = 0, size_t limit = 100, ConversationStatus status = ConversationStatus::open) {
    ListQuery query;
    query.viewer = inbox.admin;
    query.section = Section::all;
    query.status = status;
    query.order = SortOrder::window_closing_soon;
    query.now_ms = inbox.now_ms;
    query.offset = offset;
    query.limit = limit;
    return list_conversations(inbox.state, query);
  };
  CHECK(all() == std::vector<ConversationId>{b, c});
  CHECK(all(0, 100, ConversationStatus::pending) == std::vector<ConversationId>{a});  // another list: sorted anew
  inbox.run(inbox.admin, AssignConversation{a, inbox.ana});
  CHECK(all() == std::vector<ConversationId>{a, b, c});
  CHECK(all(1, 1) == std::vector<ConversationId>{b});
  CHECK(list(inbox, inbox.ana, Section::mine, ConversationStatus::open, SortOrder::window_closing_soon) ==
        std::vector<ConversationId>{a, b});

  inbox.advance(kMinute);
  inbox.customer_writes("+5511900000001", "ainda aqui");  // a's window now closes last
  CHECK(all() == std::vector<ConversationId>{b, c, a});
  const State copy = inbox.state;  // a copy keeps its own (still right) order
  inbox.advance(24 * kHour - 30 * kMinute);  // b's window has closed: it goes after the open ones
  CHECK(all() == std::vector<ConversationId>{c, a, b});
  ListQuery earlier;
  earlier.viewer = inbox.admin;
  earlier.section = Section::all;
  earlier.order = SortOrder::window_closing_soon;
  earlier.now_ms = copy.clock_ms;
  CHECK(list_conversations(copy, earlier) == std::vector<ConversationId>{b, c, a});
  CHECK(rebuild_views(inbox.state) == inbox.state.views);
}

TEST_CASE("a workspace that shares Teammates lets agents read their teammates' chats, never act on them") {
  Inbox inbox;
  const ConversationId id = inbox.customer_writes("+5511900000001", "Oi");
  inbox.run(inbox.bruno, AssignConversation{id, inbox.bruno});
  CHECK(section_counts(inbox.state, inbox.ana, Section::teammates).by_status[0] == 0);
  CHECK_FALSE(may_view(inbox.state, inbox.ana, inbox.conversation(id)));
  Settings shared = inbox.state.settings;
  shared.teammates_shared = true;
  inbox.run(inbox.admin, UpdateSettings{shared});
  CHECK(section_visible(inbox.state, Role::agent, Section::teammates));
  CHECK_FALSE(section_visible(inbox.state, Role::agent, Section::all));
  CHECK(count(inbox, inbox.ana, Section::teammates, ConversationStatus::open) == 1);
  CHECK(may_view(inbox.state, inbox.ana, inbox.conversation(id)));
  CHECK(inbox.refused(inbox.ana, SendMessage{id, "Oi", {}, std::nullopt}).code == ErrorCode::forbidden);
  CHECK(count(inbox, inbox.bruno, Section::teammates, ConversationStatus::open) == 0);  // not their own
}

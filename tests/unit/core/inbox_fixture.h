// A small workspace for the core tests: users of every role, two teams, WhatsApp and Webchat channels,
// closing reasons, and helpers that run commands through decide() + apply() with a hand-stepped clock.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/apply.h"
#include "core/channel_rules.h"
#include "core/decide.h"
#include "core/state.h"
#include "core/timers.h"

namespace inbox::test {

constexpr int64_t kStart = 1'717'000'000'000;  // 2024-05-29, a realistic epoch time
constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;

struct Inbox {
  State state;
  std::vector<Event> log;
  int64_t now_ms = kStart;

  UserId admin, supervisor, operator_, ana, bruno, carla;  // ana, bruno, carla: agents
  TeamId sales, support;
  ChannelId whatsapp, webchat;
  ClosingReasonId solved, spam;

  Inbox() {
    admin = created_user("Alice Admin", Role::administrator);
    supervisor = created_user("Sofía Supervisora", Role::supervisor);
    operator_ = created_user("Omar Operador", Role::operator_);
    ana = created_user("Ana Agente", Role::agent);
    bruno = created_user("Bruno Agente", Role::agent);
    carla = created_user("Carla Agente", Role::agent);
    sales = TeamId(0);
    support = TeamId(1);
    run(UserId(), CreateTeam{"Sales"});
    run(UserId(), CreateTeam{"Support"});
    run(UserId(), SetTeamMembers{sales, {ana, bruno}});
    run(UserId(), SetTeamMembers{support, {carla}});
    whatsapp = ChannelId(0);
    webchat = ChannelId(1);
    run(UserId(), CreateChannel{ChannelKind::whatsapp, "WhatsApp Brasil", "+5511400000000"});
    run(UserId(), CreateChannel{ChannelKind::webchat, "Site", "https://example.com"});
    solved = ClosingReasonId(0);
    spam = ClosingReasonId(1);
    run(UserId(), CreateClosingReason{"Resolvido"});
    run(UserId(), CreateClosingReason{"Spam"});
    run(UserId(), CreateTemplate{"seguimiento", "es", "Hola {{1}}, ¿pudiste revisar nuestra propuesta?"});
    run(UserId(), CreateTemplate{"retomar_contato", "pt_BR", "Olá {{1}}, podemos retomar a nossa conversa?"});
    run(UserId(), CreateTemplate{"boas_vindas", "pt_BR", "Bem-vindo(a), {{1}}! Como podemos ajudar?"});
  }

  UserId created_user(const std::string& name, Role role) {
    const UserId id(static_cast<uint32_t>(state.users.size()));
    run(UserId(), CreateUser{name, "", role});
    return id;
  }

  Decision attempt(UserId actor, CommandBody body) const { return decide(state, Command{actor, std::move(body)}, now_ms); }

  std::vector<Event> run(UserId actor, CommandBody body) {
    Decision decision = attempt(actor, std::move(body));
    REQUIRE_MESSAGE(decision.ok(), (decision.ok() ? "" : decision.error().message));
    for (const Event& event : decision.value()) {
      apply(state, event);
      log.push_back(event);
    }
    settle();
    return decision.value();
  }

  // What the relay does after every command and on every clock tick: the engine's dispatch and the
  // timers due by now, applied and logged.
  std::vector<Event> settle() {
    std::vector<Event> events = run_due(state, now_ms);
    log.insert(log.end(), events.begin(), events.end());
    return events;
  }

  Error refused(UserId actor, CommandBody body) const {
    Decision decision = attempt(actor, std::move(body));
    REQUIRE_MESSAGE(!decision.ok(), "the command was expected to be refused");
    return decision.error();
  }

  // A customer writes on a channel; returns the conversation the message landed in.
  ConversationId customer_writes(const std::string& from, const std::string& text, ChannelId channel = ChannelId(0),
                                 const std::string& name = "") {
    ReceiveMessage message;
    message.channel = channel;
    message.from = from;
    message.profile_name = name;
    message.text = text;
    run(UserId(), message);
    return state.messages.back().conversation;
  }

  void reply(UserId agent, ConversationId conversation, const std::string& text) {
    run(agent, SendMessage{conversation, text, {}, std::nullopt});
  }

  // Offers and transfer requests reach only available agents; users start unavailable.
  void available(UserId user) { run(user, SetUserStatus{user, UserStatus::available}); }

  const Conversation& conversation(ConversationId id) const { return state.conversations.at(id.index()); }
  // The fake clock: moving it fires every timer due by then.
  std::vector<Event> advance(int64_t ms) {
    now_ms += ms;
    return settle();
  }
};

}  // namespace inbox::test

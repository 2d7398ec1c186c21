// The assignment tests' workspace: the core test Inbox with Sales handing out the WhatsApp channel.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "core/assignment.h"
#include "inbox_fixture.h"

namespace inbox::test {

// Sales = ana, bruno, carla (in that order) receives the WhatsApp channel; automatic assignment on.
struct Desk : Inbox {
  int customers = 0;

  Desk() {
    run(UserId(), SetTeamMembers{sales, {ana, bruno, carla}});
    run(UserId(), SetChannelTeam{whatsapp, sales});
    Settings settings = state.settings;
    settings.automatic_assignment = true;
    run(admin, UpdateSettings{settings});
  }

  void routing(TeamRouting r, TeamId team = TeamId(0)) { run(supervisor, SetTeamRouting{team, std::move(r)}); }

  ConversationId new_chat() {
    ++customers;
    return customer_writes("+551190000" + std::to_string(1000 + customers), "Olá, preciso de ajuda");
  }

  UserId assignee(ConversationId id) const { return conversation(id).assignee; }
  uint32_t load(UserId user) const { return user_load(state, user); }

  const Explanation& last_explanation() const {
    REQUIRE_FALSE(state.explanations.entries.empty());
    const ExplanationLog& log = state.explanations;
    return log.entries.size() < kExplanationsKept ? log.entries.back()
                                                  : log.entries[(log.next + kExplanationsKept - 1) % kExplanationsKept];
  }
};

}  // namespace inbox::test

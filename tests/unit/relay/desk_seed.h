// A small support desk for the relay's tests: Support = Ana and Marc (both unavailable), Sofía supervises,
// one WhatsApp channel routed to Support, offers time out after 30 s, automatic assignment on.
#pragma once
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/seed_data.h"

namespace inbox::relay::test {

constexpr int64_t kStart = 1'717'000'000'000;
constexpr int64_t kSecond = 1000;
const UserId kAna(0);
const UserId kMarc(1);
const UserId kSofia(2);

inline std::vector<TimedCommand> desk_seed() {
  const UserId system;
  std::vector<TimedCommand> script;
  auto at = [&](UserId actor, CommandBody body) { script.push_back({kStart, Command{actor, std::move(body)}}); };
  at(system, CreateUser{"Ana Souza", "ana@example.com", Role::agent});
  at(system, CreateUser{"Marc Dubois", "marc@example.com", Role::agent});
  at(system, CreateUser{"Sofía Supervisora", "sofia@example.com", Role::supervisor});
  at(system, CreateTeam{"Support"});
  at(system, SetTeamMembers{TeamId(0), {kAna, kMarc}});
  at(system, CreateChannel{ChannelKind::whatsapp, "WhatsApp", "+5511400000000"});
  at(system, SetChannelTeam{ChannelId(0), TeamId(0)});
  TeamRouting routing;
  routing.offer_timeout_ms = 30 * kSecond;
  at(kSofia, SetTeamRouting{TeamId(0), routing});
  Settings settings;
  settings.automatic_assignment = true;
  at(kSofia, UpdateSettings{settings});
  return script;
}

inline Command customer_writes(std::string text, std::string phone = "+5511999990000") {
  return Command{UserId(), ReceiveMessage{ChannelId(0), std::move(phone), "Joana", std::move(text), {}, {}, {}}};
}

}  // namespace inbox::relay::test

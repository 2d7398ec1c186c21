// The benchmark workspace: 100,000 conversations and 1,000,000 messages, built once through decide()
// so every event is one the core really emits.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/apply.h"
#include "core/decide.h"
#include "core/state.h"

namespace inbox::bench {

constexpr size_t kConversations = 100'000;
constexpr size_t kMessages = 1'000'000;
constexpr int64_t kStart = 1'717'000'000'000;

struct Workload {
  State setup;                // users and channel, before any conversation
  std::vector<Event> events;  // opening 100k conversations and 1M messages
};

inline std::string sentence(uint64_t& rng) {
  static const char* const words[] = {"olá", "pedido", "entrega", "São", "Paulo", "factura", "envío", "merci",
                                      "commande", "where", "is", "my", "order", "boleto", "😊", "amanhã",
                                      "não", "chegou", "reçu", "thanks"};
  std::string out;
  const size_t count = 3 + rng % 6;
  for (size_t i = 0; i < count; ++i) {
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    if (i > 0) out += ' ';
    out += words[(rng >> 33) % (sizeof(words) / sizeof(words[0]))];
  }
  return out;
}

inline void must_apply(State& state, std::vector<Event>& log, const Command& command, int64_t now_ms) {
  const Decision decision = decide(state, command, now_ms);
  if (!decision.ok()) {
    std::fprintf(stderr, "workload command refused: %s\n", decision.error().message.c_str());
    std::abort();
  }
  for (const Event& event : decision.value()) {
    apply(state, event);
    log.push_back(event);
  }
}

inline const Workload& workload() {
  static const Workload built = [] {
    Workload w;
    std::vector<Event> ignored;
    must_apply(w.setup, ignored, Command{UserId(), CreateUser{"Ana", "", Role::agent}}, kStart);
    must_apply(w.setup, ignored, Command{UserId(), CreateChannel{ChannelKind::whatsapp, "WA", "+1"}}, kStart);
    State state = w.setup;
    uint64_t rng = 42;
    int64_t now_ms = kStart;
    for (size_t m = 0; m < kMessages; ++m) {
      now_ms += 100;
      const size_t conversation = m % kConversations;
      ReceiveMessage inbound;
      inbound.channel = ChannelId(0);
      inbound.from = "+5511" + std::to_string(900000000 + conversation);
      inbound.text = sentence(rng);
      // Rounds alternate: customers write, agents answer; each reply is well within the 24 h window.
      if ((m / kConversations) % 2 == 0) {
        must_apply(state, w.events, Command{UserId(), inbound}, now_ms);
      } else {
        SendMessage reply{ConversationId(static_cast<uint32_t>(conversation)), inbound.text, {}, std::nullopt};
        must_apply(state, w.events, Command{UserId(), reply}, now_ms);
      }
    }
    return w;
  }();
  return built;
}

}  // namespace inbox::bench

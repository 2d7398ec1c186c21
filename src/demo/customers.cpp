// The demo's customers: someone new or someone who wrote before writes in, and people answer the agents
// who reply to them.
#include <string>

#include "core/views.h"
#include "demo/simulator.h"
#include "demo/world.h"

namespace inbox::demo {
namespace {

using demo_text::Language;

constexpr int64_t kPhoneBase = 8'000'000'000;  // far from the seeded customers' numbers
constexpr int64_t kAnswerWindowMs = 10 * 60'000;

ChannelId channel_of_kind(const State& state, ChannelKind kind) {
  for (uint32_t i = 0; i < state.channels.size(); ++i) {
    if (state.channels[i].kind == kind) return ChannelId(i);
  }
  return ChannelId();
}

std::optional<Referral> ad_referral(demo_text::Random& random, int64_t now_ms) {
  static const std::array<std::array<const char*, 2>, 3> kAds = {{
      {"Promoção de inverno ❄️", "Até 50% off em toda a loja"},
      {"Rebajas de verano ☀️", "Envío gratis en pedidos desde 30 €"},
      {"Soldes d’été 🛍️", "Livraison offerte dès 40 €"},
  }};
  const auto& ad = random.pick(kAds);
  return Referral{"ad", std::to_string(120'000'000 + random.below(1000)), "https://fb.me/demo-ad", ad[0], ad[1],
                  "https://cdn.demo.example/ad.jpg", now_ms - static_cast<int64_t>(random.below(3'600'000))};
}

Command new_customer(demo_text::Random& random, const State& state, int64_t now_ms) {
  const Language& language = random.pick(demo_text::kLanguages);
  ReceiveMessage inbound;
  const size_t n = state.contacts.size();
  const bool on_whatsapp = random.percent(70);
  const ChannelId other = channel_of_kind(state, random.pick(std::array<ChannelKind, 3>{
                                                     ChannelKind::instagram, ChannelKind::messenger, ChannelKind::webchat}));
  inbound.channel = on_whatsapp || !other.valid() ? channel_of_kind(state, ChannelKind::whatsapp) : other;
  inbound.from = on_whatsapp || !other.valid() ? std::string(language.country_code) + std::to_string(kPhoneBase + static_cast<int64_t>(n) * 7919)
                                               : "visitor-" + std::to_string(n);
  inbound.profile_name = std::string(random.pick(language.first_names)) + " " + random.pick(language.last_names);
  inbound.text = random.pick(language.openers);
  if (on_whatsapp && random.percent(15)) inbound.referral = ad_referral(random, now_ms);
  return Command{UserId(), std::move(inbound)};
}

}  // namespace

Command customer_writes(Simulator& simulator, const State& state, int64_t now_ms) {
  demo_text::Random& random = simulator.random;
  if (!state.contacts.empty() && random.percent(25)) {  // someone who wrote before
    for (int tries = 0; tries < 8; ++tries) {
      const Contact& contact = state.contacts[random.below(state.contacts.size())];
      if (contact.identities.empty()) continue;
      const ChannelIdentity& identity = contact.identities.front();
      ReceiveMessage inbound;
      inbound.channel = identity.channel;
      inbound.from = identity.address;
      inbound.text = random.pick(demo_text::language_of_phone(contact.phone).openers);
      return Command{UserId(), std::move(inbound)};
    }
  }
  return new_customer(random, state, now_ms);
}

// Half the customers an agent answered write back, 20 to 90 seconds after the reply (decided by the reply
// itself, so a reload does not change who answers).
std::vector<Command> customers_answer(const State& state, int64_t now_ms) {
  std::vector<Command> out;
  for (const ConversationId id : recent_conversations(state, ConversationStatus::open, now_ms - kAnswerWindowMs)) {
    const Conversation& c = state.conversations[id.index()];
    if (!c.last_message.valid() || c.awaiting_reply) continue;
    const Message& last = state.messages[c.last_message.index()];
    if (last.kind != MessageKind::outbound) continue;
    const uint64_t h = mix(c.last_message.value, 0xC057);
    if (h % 2 == 0 || now_ms < last.at_ms + 20'000 + static_cast<int64_t>(h % 70'000)) continue;
    const std::string* address = contact_address(state, c);
    if (address == nullptr) continue;
    ReceiveMessage inbound;
    inbound.channel = c.channel;
    inbound.from = *address;
    const auto& thanks = demo_text::language_of_phone(state.contacts[c.contact.index()].phone).thanks;
    inbound.text = thanks[(h >> 8) % thanks.size()];
    out.push_back(Command{UserId(), std::move(inbound)});
  }
  return out;
}

// The customers' phones: each agent message is delivered 2 to 5 seconds after it was sent and read 8 to 40
// seconds after that, the earlier ones of the conversation with it.
std::vector<Command> phones_report(const State& state, int64_t now_ms) {
  constexpr int kLookBack = 5;
  std::vector<Command> out;
  for (const ConversationId id : recent_conversations(state, ConversationStatus::open, now_ms - kAnswerWindowMs)) {
    MessageId m = state.conversations[id.index()].last_message;
    for (int n = 0; n < kLookBack && m.valid(); ++n, m = state.messages[m.index()].previous) {
      const Message& message = state.messages[m.index()];
      if (message.kind != MessageKind::outbound) continue;
      const uint64_t h = mix(m.value, 0xD311);
      const int64_t delivered_at = message.at_ms + 2'000 + static_cast<int64_t>(h % 3'000);
      const int64_t read_at = delivered_at + 8'000 + static_cast<int64_t>((h >> 16) % 32'000);
      const DeliveryStatus status = state.message_delivery[m.index()];
      if (status == DeliveryStatus::sent && now_ms >= delivered_at) {
        out.push_back(Command{UserId(), UpdateDelivery{m, now_ms >= read_at ? DeliveryStatus::read : DeliveryStatus::delivered, {}, {}}});
      } else if (status == DeliveryStatus::delivered && now_ms >= read_at) {
        out.push_back(Command{UserId(), UpdateDelivery{m, DeliveryStatus::read, {}, {}}});
      }
    }
  }
  return out;
}

}  // namespace inbox::demo

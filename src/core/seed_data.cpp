#include "core/seed_data.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/apply.h"
#include "core/decide.h"
#include "core/demo_text.h"
#include "core/validate.h"
#include "core/text.h"
#include "core/timers.h"

namespace inbox {
namespace {

using demo_text::kLanguages;
using demo_text::Language;
using demo_text::Random;

constexpr std::array<Role, 4> kRoles = {Role::administrator, Role::supervisor, Role::operator_, Role::agent};
constexpr std::array<const char*, 3> kTeams = {"Sales", "Support", "Billing"};
constexpr std::array<const char*, 5> kClosingReasons = {"Resolvido", "Venda concluída", "Sem resposta", "Spam",
                                                        "Duplicado"};
// The WhatsApp templates the demo's provider approved: what agents send once a window has closed.
struct ApprovedTemplate {
  const char* name;
  const char* language;
  const char* body;
};
constexpr std::array<ApprovedTemplate, 4> kTemplates = {{
    {"retomar_atendimento", "pt_BR",
     "Olá {{1}}! Podemos continuar o seu atendimento? Responda esta mensagem para retomarmos."},
    {"seguimiento_pedido", "es", "Hola {{1}}, tu pedido {{2}} está en camino. ¿Te ayudamos con algo más?"},
    {"suivi_demande", "fr", "Bonjour {{1}}, nous revenons vers vous au sujet de votre demande. Répondez à ce message pour continuer."},
    {"follow_up", "en_US", "Hi {{1}}, we are following up on your request. Reply to this message to pick up where we left off."},
}};
constexpr std::array<const char*, 6> kTags = {"vip", "boleto", "envío", "réclamation", "lead", "refund"};

class Script {
 public:
  Script(uint64_t seed, int64_t start_ms) : random(seed), now_ms(start_ms) {}

  // Runs the command on the script's own state so later commands can name real ids; keeps it if accepted.
  // Runs the command a second to two minutes after the previous one (`quick`: one second after).
  bool run(UserId actor, CommandBody body, bool quick = false) {
    now_ms += 1000 + (quick ? 0 : static_cast<int64_t>(random.below(120'000)));
    Command command{actor, std::move(body)};
    const Decision decision = decide(state, command, now_ms);
    if (!decision.ok()) return false;
    apply_all(state, decision.value());
    run_due(state, now_ms);  // as the engine does after each command: dispatch, due timers
    commands.push_back(TimedCommand{now_ms, std::move(command)});
    return true;
  }

  UserId user_of_role(Role role) {
    for (size_t tries = 0; tries < 64; ++tries) {
      const UserId id(static_cast<uint32_t>(random.below(state.users.size())));
      if (state.users[id.index()].role == role) return id;
    }
    return UserId(0);
  }

  Random random;
  int64_t now_ms;
  State state;
  std::vector<TimedCommand> commands;
};

std::string email_for(const std::string& name) {
  std::string email;
  for (const char c : fold_for_search(name)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) email += c;
    else if (c == ' ') email += '.';
  }
  return email + "@demo.example";
}

// Two demo users may get the same name: the second one's login is "name2@...".
std::string unused_email(const State& state, const std::string& email) {
  auto taken = [&](const std::string& candidate) {
    return std::any_of(state.users.begin(), state.users.end(),
                       [&](const User& user) { return same_email(user.email, candidate); });
  };
  const size_t at = email.find('@');
  std::string candidate = email;
  for (int n = 2; taken(candidate); ++n) candidate = email.substr(0, at) + std::to_string(n) + email.substr(at);
  return candidate;
}

void setup_workspace(Script& s, const DemoOptions& options) {
  Settings settings;
  settings.name = "Demo Inbox";
  settings.closing_reason_required = true;
  s.run(UserId(), UpdateSettings{settings});
  size_t n = 0;
  for (const Role role : kRoles) {
    for (size_t i = 0; i < options.users_per_role; ++i, ++n) {
      const Language& language = kLanguages[n % kLanguages.size()];
      const std::string name = std::string(s.random.pick(language.first_names)) + " " + s.random.pick(language.last_names);
      s.run(UserId(), CreateUser{name, unused_email(s.state, email_for(name)), role});
    }
  }
  for (const char* team : kTeams) s.run(UserId(), CreateTeam{team});
  std::array<std::vector<UserId>, kTeams.size()> members;
  for (size_t u = 0; u < s.state.users.size(); ++u) {
    if (s.state.users[u].role == Role::agent || s.state.users[u].role == Role::operator_) {
      members[u % kTeams.size()].push_back(UserId(static_cast<uint32_t>(u)));
    }
  }
  for (size_t t = 0; t < kTeams.size(); ++t) s.run(UserId(), SetTeamMembers{TeamId(static_cast<uint32_t>(t)), members[t]});
  s.run(UserId(), CreateChannel{ChannelKind::whatsapp, "WhatsApp", "+551140040000"});
  s.run(UserId(), CreateChannel{ChannelKind::instagram, "Instagram", "@demo.loja"});
  s.run(UserId(), CreateChannel{ChannelKind::messenger, "Messenger", "demo.loja"});
  s.run(UserId(), CreateChannel{ChannelKind::webchat, "Webchat", "https://demo.example"});
  for (const char* reason : kClosingReasons) s.run(UserId(), CreateClosingReason{reason});
  for (const ApprovedTemplate& t : kTemplates) s.run(UserId(), CreateTemplate{t.name, t.language, t.body});
  for (size_t u = 0; u < s.state.users.size(); ++u) {
    const UserId id(static_cast<uint32_t>(u));
    const UserStatus status = s.random.percent(75) ? UserStatus::available
                              : s.random.percent(50) ? UserStatus::idle
                                                     : UserStatus::unavailable;
    s.run(id, SetUserStatus{id, status});
  }
}

void simulate_contact(Script& s, size_t index) {
  const Language& language = s.random.pick(kLanguages);
  const std::string name = std::string(s.random.pick(language.first_names)) + " " + s.random.pick(language.last_names);
  ReceiveMessage inbound;
  const bool on_whatsapp = s.random.percent(75);
  inbound.channel = ChannelId(on_whatsapp ? 0 : static_cast<uint32_t>(1 + s.random.below(3)));
  inbound.from = on_whatsapp ? std::string(language.country_code) + std::to_string(600000000 + index * 7919)
                             : "user-" + std::to_string(index);
  inbound.profile_name = name;
  inbound.text = s.random.pick(language.openers);
  if (on_whatsapp && s.random.percent(10)) {
    inbound.referral = Referral{"ad", std::to_string(120000000 + s.random.below(1000)), "https://fb.me/demo-ad",
                                "Promoção de inverno ❄️", "Até 50% off", "https://cdn.demo.example/ad.jpg",
                                s.now_ms - 3'600'000};
  }
  if (!s.run(UserId(), inbound)) return;
  const ConversationId conversation = s.state.messages.back().conversation;
  const ContactId contact = s.state.conversations[conversation.index()].contact;
  if (s.random.percent(30)) {
    inbound.text = s.random.pick(language.openers);
    inbound.referral.reset();
    s.run(UserId(), inbound);
  }
  if (s.random.percent(25)) s.run(UserId(), TagContact{contact, {language.tag}, TagMode::add});
  if (!s.random.percent(65)) return;  // stays in Unassigned, pending

  const UserId agent = s.user_of_role(s.random.percent(80) ? Role::agent : Role::operator_);
  s.run(agent, AssignConversation{conversation, agent});
  s.run(agent, SendMessage{conversation, s.random.pick(language.replies), {}, std::nullopt});
  if (s.random.percent(20)) s.run(agent, TagConversation{conversation, {s.random.pick(kTags)}, TagMode::add});
  if (s.random.percent(40)) {
    inbound.text = s.random.pick(language.openers);
    s.run(UserId(), inbound);
  }
  const size_t outcome = s.random.below(100);
  if (outcome < 30) {
    const ClosingReasonId reason(static_cast<uint32_t>(s.random.below(kClosingReasons.size())));
    s.run(agent, CloseConversation{conversation, reason});
  } else if (outcome < 40) {
    s.run(agent, TransferConversation{conversation, TeamId(static_cast<uint32_t>(s.random.below(kTeams.size()))),
                                      UserId(), ClosingReasonId()});
  } else if (outcome < 45) {
    s.run(agent, AddNote{conversation, "Cliente pediu retorno amanhã — ver com o financeiro 📝"});
  }
}

// The live demo hands new chats out (the history above was picked up by hand): WhatsApp and Webchat to
// Support (least busy, an offer to accept within a minute), Instagram to Sales (round robin, at most
// kDemoSalesCapacity chats each), Messenger to Billing (least busy, reassigned after 15 minutes without a
// reply). Sales is the default team, so the history's chats that came in before their channel had a team
// join its queue: Sales opens with a backlog that waits for a stated reason (every member at capacity) and
// is handed out as its agents free up. Whatever Support offers right away is accepted, so the demo opens
// with no offer waiting.
void enable_routing(Script& s) {
  TeamRouting support;
  support.offer_timeout_ms = kDemoOfferTimeoutMs;
  TeamRouting sales;
  sales.strategy = AssignmentStrategy::round_robin;
  sales.capacity_max = kDemoSalesCapacity;
  TeamRouting billing;
  billing.reply_timeout_ms = 15 * 60'000;
  s.run(UserId(), SetTeamRouting{TeamId(0), sales});
  s.run(UserId(), SetTeamRouting{TeamId(1), support});
  s.run(UserId(), SetTeamRouting{TeamId(2), billing});
  s.run(UserId(), SetChannelTeam{ChannelId(0), TeamId(1)});
  s.run(UserId(), SetChannelTeam{ChannelId(1), TeamId(0)});
  s.run(UserId(), SetChannelTeam{ChannelId(2), TeamId(2)});
  s.run(UserId(), SetChannelTeam{ChannelId(3), TeamId(1)});
  Settings settings = s.state.settings;
  settings.automatic_assignment = true;
  settings.default_team = TeamId(0);
  s.run(UserId(), UpdateSettings{settings});
  // A second apart, well within the offer timeout. An accept may let the engine offer the next chat of the
  // queue (to someone with room), so this repeats until no offer is open: capacity bounds it.
  for (bool accepted = true; accepted;) {
    accepted = false;
    for (uint32_t i = 0; i < s.state.conversations.size(); ++i) {
      const UserId offered_to = s.state.conversations[i].offered_to;
      if (!offered_to.valid()) continue;
      s.run(offered_to, AcceptConversation{ConversationId(i)}, true);
      accepted = true;
    }
  }
}

}  // namespace

std::vector<TimedCommand> demo_script(uint64_t seed, int64_t start_ms, const DemoOptions& options) {
  Script script(seed, start_ms);
  setup_workspace(script, options);
  for (size_t i = 0; i < options.contacts; ++i) simulate_contact(script, i);
  enable_routing(script);
  return std::move(script.commands);
}

std::vector<TimedCommand> demo_script_ending(uint64_t seed, int64_t end_ms, int64_t quiet_ms,
                                             const DemoOptions& options) {
  // The script's length depends only on the seed: measure it once, then start it where it ends in time.
  const std::vector<TimedCommand> measured = demo_script(seed, 0, options);
  const int64_t span_ms = measured.empty() ? 0 : measured.back().at_ms;
  return demo_script(seed, end_ms - span_ms - quiet_ms, options);
}

}  // namespace inbox

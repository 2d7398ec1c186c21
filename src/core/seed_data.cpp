#include "core/seed_data.h"

#include <array>
#include <string>

#include "core/apply.h"
#include "core/decide.h"
#include "core/text.h"

namespace inbox {
namespace {

// splitmix64: tiny, portable, and the same sequence natively and in wasm.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  bool percent(size_t p) { return below(100) < p; }
  template <class T, size_t N>
  const T& pick(const std::array<T, N>& items) { return items[below(N)]; }

 private:
  uint64_t state_;
};

struct Language {
  const char* country_code;
  std::array<const char*, 10> first_names;
  std::array<const char*, 10> last_names;
  std::array<const char*, 8> openers;
  std::array<const char*, 6> replies;
  const char* tag;
};

const std::array<Language, 4> kLanguages = {{
    {"+34",
     {"José", "María", "Lucía", "Álvaro", "Sofía", "Martín", "Inés", "Raúl", "Begoña", "Íñigo"},
     {"García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Muñoz", "Jiménez", "Ibáñez"},
     {"Hola, ¿dónde está mi pedido? 📦", "Buenas tardes, quiero cambiar la talla 👟",
      "¿Tenéis envío a Málaga?", "No me llegó la factura de marzo 😕", "¿Cuál es el horario de atención?",
      "Quiero darme de baja, por favor", "¡Gracias por la rapidez! 🙌", "El código de descuento no funciona"},
     {"¡Hola! Ahora mismo lo reviso 😊", "Su pedido sale mañana por la mañana 🚚",
      "Le envío la factura por aquí", "¿Me confirma su correo electrónico?", "Listo, ya está solucionado ✅",
      "Gracias por escribirnos"},
     "español"},
    {"+55",
     {"João", "Ana", "Luís", "Conceição", "Gonçalo", "Márcia", "Tânia", "Sérgio", "Flávia", "Antônio"},
     {"Silva", "Gonçalves", "Araújo", "Conceição", "Magalhães", "Simões", "Brandão", "Loureiro", "Assunção",
      "Gusmão"},
     {"Olá, meu boleto venceu, podem gerar outro? 🧾", "Vocês entregam em São Paulo?",
      "Quero trocar o produto, veio com defeito 😞", "Qual o prazo de entrega para Belém?",
      "Bom dia! Preciso de ajuda com o pagamento 💳", "A promoção ainda está valendo? 🔥",
      "Não consigo acessar minha conta", "Obrigado pelo atendimento! 👏"},
     {"Olá! Já verifico para você 😊", "Segue o novo boleto 🧾", "Entregamos sim, em até 3 dias úteis",
      "Pode me passar o número do pedido?", "Pronto, resolvido! ✅", "Obrigada pelo contato"},
     "português"},
    {"+33",
     {"Zoé", "Hélène", "François", "Léa", "Jérôme", "Chloé", "Maël", "Noémie", "Loïc", "Cécile"},
     {"Lefèvre", "Dubois", "Moreau", "Bérénger", "Giraud", "Lemaître", "Fournier", "Mercier", "Crête", "Dupré"},
     {"Bonjour, ma commande n'est pas arrivée 📦", "Je voudrais un remboursement, s'il vous plaît",
      "Est-ce que vous livrez à Besançon ?", "La facture est erronée 😕", "Merci beaucoup ! 🙏",
      "Comment modifier mon adresse de livraison ?", "Le colis est abîmé", "Avez-vous ce modèle en taille 38 ?"},
     {"Bonjour ! Je regarde ça tout de suite 😊", "Votre colis part demain 🚚", "Je vous envoie la facture corrigée",
      "Pouvez-vous me donner votre numéro de commande ?", "C'est réglé ✅", "Merci de nous avoir contactés"},
     "français"},
    {"+1",
     {"Emily", "James", "Olivia", "Noah", "Ava", "Liam", "Chloe", "Ethan", "Grace", "Mason"},
     {"Smith", "Johnson", "Williams", "Brown", "O'Connor", "Davis", "Miller", "Wilson", "Taylor", "Anderson"},
     {"Hi, where is my order? 📦", "Can I get a refund for order #4411?", "Do you ship to Canada? 🇨🇦",
      "The app keeps crashing 😩", "Thanks for the quick help! 🙌", "I was charged twice this month",
      "How do I change my plan?", "Is the summer sale still on? ☀️"},
     {"Hi! Let me check that for you 😊", "Your order ships tomorrow 🚚", "I've issued the refund",
      "Could you share your order number?", "All sorted ✅", "Thanks for reaching out"},
     "english"},
}};

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
  bool run(UserId actor, CommandBody body) {
    now_ms += 1000 + static_cast<int64_t>(random.below(120'000));
    Command command{actor, std::move(body)};
    const Decision decision = decide(state, command, now_ms);
    if (!decision.ok()) return false;
    apply_all(state, decision.value());
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
      s.run(UserId(), CreateUser{name, email_for(name), role});
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

}  // namespace

std::vector<TimedCommand> demo_script(uint64_t seed, int64_t start_ms, const DemoOptions& options) {
  Script script(seed, start_ms);
  setup_workspace(script, options);
  for (size_t i = 0; i < options.contacts; ++i) simulate_contact(script, i);
  return std::move(script.commands);
}

}  // namespace inbox

#include "app/sample_inbox.h"

namespace inbox::ui {

SampleInbox make_sample_inbox() {
  SampleInbox inbox;
  inbox.signed_in_agent = "Ana Souza";
  inbox.conversations = {
      {"Lucía Fernández", "+34 612 345 678", "WhatsApp", "Ana Souza", StatusTab::Open,
       {{true, "Hola, ¿el envío a São Paulo incluye seguimiento? 📦", "09:12"},
        {false, "¡Hola Lucía! Sí, te mando el código en cuanto salga.", "09:14"},
        {true, "Perfecto, ¡gracias! 🙏", "09:15"}}},
      {"João Conceição", "+55 11 98765-4321", "WhatsApp", "Ana Souza", StatusTab::Open,
       {{true, "Bom dia! Minha fatura veio em dobro este mês 😕", "08:40"},
        {false, "Bom dia, João. Vou verificar com o financeiro agora mesmo.", "08:43"}}},
      {"Françoise Lefèvre", "+33 6 12 34 56 78", "Instagram", "", StatusTab::Pending,
       {{true, "Bonjour, ma commande n’est pas arrivée — pouvez-vous vérifier ? Merci “beaucoup” 😊", "10:02"}}},
      {"Zoë O’Connor", "+44 7700 900123", "Webchat", "Marc Dubois", StatusTab::Open,
       {{true, "Hi! Can I change my plan to annual? 💳", "Yesterday"},
        {false, "Of course — it is €120/year, I’ll switch it for you.", "Yesterday"}}},
      {"Martín Núñez", "+54 9 11 2345-6789", "Messenger", "Marc Dubois", StatusTab::Scheduled,
       {{true, "¿Me pueden llamar mañana a las 10? ☎️", "Mon"}}},
      {"Chloé Bœuf", "+33 7 98 76 54 32", "WhatsApp", "Ana Souza", StatusTab::Closed,
       {{true, "Merci pour votre aide ! 👍", "Sun"}, {false, "Avec plaisir, bonne journée !", "Sun"}}},
  };
  return inbox;
}

bool in_section(const SampleInbox& inbox, const SampleConversation& c, Section section) {
  switch (section) {
    case Section::Mine: return c.assignee == inbox.signed_in_agent;
    case Section::Unassigned: return c.assignee.empty();
    case Section::All: return true;
    case Section::Teammates: return !c.assignee.empty() && c.assignee != inbox.signed_in_agent;
  }
  return false;
}

bool awaits_reply(const SampleConversation& c) { return !c.messages.empty() && c.messages.back().inbound; }

}  // namespace inbox::ui

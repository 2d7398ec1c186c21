#include "core/demo_text.h"

namespace inbox::demo_text {

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
     {"¡Perfecto, muchas gracias! 🙏", "Vale, quedo atento", "Genial, ¡gracias por la ayuda!", "¿Y cuánto tarda más o menos?"},
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
     {"Perfeito, muito obrigada! 🙏", "Certo, fico no aguardo", "Ótimo, valeu pela ajuda!", "E quanto tempo leva mais ou menos?"},
     "português"},
    {"+33",
     {"Zoé", "Hélène", "François", "Léa", "Jérôme", "Chloé", "Maël", "Noémie", "Loïc", "Cécile"},
     {"Lefèvre", "Dubois", "Moreau", "Bérénger", "Giraud", "Lemaître", "Fournier", "Mercier", "Crête", "Dupré"},
     {"Bonjour, ma commande n'est pas arrivée 📦", "Je voudrais un remboursement, s'il vous plaît",
      "Est-ce que vous livrez à Besançon ?", "La facture est erronée 😕", "Merci beaucoup ! 🙏",
      "Comment modifier mon adresse de livraison ?", "Le colis est abîmé", "Avez-vous ce modèle en taille 38 ?"},
     {"Bonjour ! Je regarde ça tout de suite 😊", "Votre colis part demain 🚚", "Je vous envoie la facture corrigée",
      "Pouvez-vous me donner votre numéro de commande ?", "C'est réglé ✅", "Merci de nous avoir contactés"},
     {"Parfait, merci beaucoup ! 🙏", "D’accord, j’attends votre retour", "Génial, merci pour l’aide !", "Et ça prend combien de temps à peu près ?"},
     "français"},
    {"+1",
     {"Emily", "James", "Olivia", "Noah", "Ava", "Liam", "Chloe", "Ethan", "Grace", "Mason"},
     {"Smith", "Johnson", "Williams", "Brown", "O'Connor", "Davis", "Miller", "Wilson", "Taylor", "Anderson"},
     {"Hi, where is my order? 📦", "Can I get a refund for order #4411?", "Do you ship to Canada? 🇨🇦",
      "The app keeps crashing 😩", "Thanks for the quick help! 🙌", "I was charged twice this month",
      "How do I change my plan?", "Is the summer sale still on? ☀️"},
     {"Hi! Let me check that for you 😊", "Your order ships tomorrow 🚚", "I've issued the refund",
      "Could you share your order number?", "All sorted ✅", "Thanks for reaching out"},
     {"Perfect, thank you so much! 🙏", "Okay, I’ll wait to hear back", "Great, thanks for the help!", "And roughly how long will it take?"},
     "english"},
}};

const Language& language_of_phone(std::string_view phone) {
  for (const Language& language : kLanguages) {
    const std::string_view code = language.country_code;
    if (phone.substr(0, code.size()) == code) return language;
  }
  return kLanguages.back();
}

}  // namespace inbox::demo_text

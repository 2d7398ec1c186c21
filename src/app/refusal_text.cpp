#include "app/refusal_text.h"

#include <cstring>
#include <iterator>

#include "app/i18n.h"

namespace inbox::ui {
namespace {

// One sentence per error code, in ErrorCode's order.
constexpr const char* kSentences[] = {
    N_("error|The request could not be read."),
    N_("error|This action is not known."),
    N_("error|The request has a field that is not known."),
    N_("error|A value in the request is not valid."),
    N_("error|Your user is not known in this workspace."),
    N_("error|Your role does not allow this."),
    N_("error|That user does not exist."),
    N_("error|That team does not exist."),
    N_("error|That channel does not exist."),
    N_("error|That contact does not exist."),
    N_("error|That conversation does not exist."),
    N_("error|That closing reason does not exist."),
    N_("error|The name is not valid."),
    N_("error|The phone number is not valid."),
    N_("error|The email address is not valid."),
    N_("error|The text is not valid."),
    N_("error|The message is empty."),
    N_("error|The message is longer than 4,096 characters."),
    N_("error|The 24-hour WhatsApp window is closed: only templates can be sent."),
    N_("error|The conversation is closed."),
    N_("error|The contact already has an active conversation."),
    N_("error|A closing reason is required."),
    N_("error|This conversation is not offered to you."),
    N_("error|That agent is not a member of the team."),
    N_("error|The contact cannot be reached on that channel."),
    N_("error|That agent is already in the conference."),
    N_("error|You are not in the conference."),
    N_("error|You are not invited to this conference."),
    N_("error|That name is already taken."),
    N_("error|Another contact already has that phone number."),
    N_("error|A limit has been reached."),
    N_("error|Nothing to change."),
    N_("error|There is no reminder to cancel."),
    N_("error|That template does not exist."),
    N_("error|That message does not exist."),
    N_("error|That agent is not available: only an available agent receives offers and transfers."),
    N_("error|A transfer of this conversation is already waiting to be accepted."),
    N_("error|This browser's storage cannot be opened (private browsing, or storage turned off)."),
    N_("error|This browser refused to store the demo (its storage is full or blocked)."),
    N_("error|The saved demo is damaged and could not be read."),
    N_("error|That campaign does not exist."),
    N_("error|Another user already has that email address."),
};
static_assert(std::size(kSentences) == EnumNames<ErrorCode>::names.size(), "a sentence for every error code");

}  // namespace

std::string refusal_text(const Error& error) {
  const auto code = static_cast<size_t>(error.code);
  if (current_language() == Language::en || code >= std::size(kSentences)) return error.message;
  const char* sentence = tr_ctx(kSentences[code]);
  // A catalog without it would show the English sentence: the core's message says more.
  const char* english = std::strchr(kSentences[code], '|') + 1;
  return std::strcmp(sentence, english) == 0 ? error.message : std::string(sentence);
}

}  // namespace inbox::ui

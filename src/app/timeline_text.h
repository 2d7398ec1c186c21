// The chat's system lines: what each timeline entry (assigned, transferred, conference, reminder, closed)
// reads as, and the messages and entries of an attention merged in time order, as Chatwoot and Zendesk
// show them between the bubbles.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "app/time_format.h"
#include "core/ids.h"
#include "core/timeline_entry.h"

namespace inbox {
struct State;
}

namespace inbox::ui {

// "Ana Souza assigned the conversation to Marc Dubois", "Reminder due (2024-05-29 14:05): Ana Souza notified".
std::string timeline_text(const State& state, const TimelineEntry& entry, const LocalClock& clock);

// One line of the chat: a message, or a timeline entry (index into the conversation's timeline).
struct ChatLine {
  MessageId message;
  size_t timeline_index = 0;
  bool is_message() const { return message.valid(); }
};

// The newest `messages_max` messages and the timeline entries from the first of them on, oldest first; an
// entry at the same instant as a message comes first (the event that opened or assigned precedes the reply).
std::vector<ChatLine> chat_lines(const State& state, ConversationId conversation, size_t messages_max);

}  // namespace inbox::ui

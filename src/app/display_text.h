// What the views write for the domain's entities (a user's or a contact's name, a message's body) and the
// small text-placing helpers the columns share.
#pragma once
#include <imgui.h>

#include <cstdio>
#include <initializer_list>
#include <string>

#include "core/ids.h"
#include "core/model.h"

namespace inbox {
struct State;
}

namespace inbox::ui {

std::string user_name(const State& state, UserId id);  // empty for none
std::string contact_name(const State& state, const Conversation& c);  // the name, else the phone

// What a message shows where its text would be: the text, or what kind of message it is.
std::string message_body(const State& state, MessageId id);

// printf into a string: formats are translated, so their arguments are filled in after tr().
template <class... Args>
std::string format_text(const char* translated, const Args&... args) {
  char text[512];
  std::snprintf(text, sizeof(text), translated, args...);
  return text;
}

// "a · b · c" of the parts that are not empty.
std::string joined(std::initializer_list<std::string> parts);

// Draws text whose right edge is at top_right.x, without taking layout space.
void draw_right_aligned(const char* text, ImU32 color, ImVec2 top_right);

}  // namespace inbox::ui

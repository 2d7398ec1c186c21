// A small fixed inbox the shell draws until the core's demo workspace is wired in: enough conversations, in the
// languages our agents work in (es/pt/fr/en, accents and emoji), to exercise every column of the layout.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace inbox::ui {

enum class Section { Mine, Unassigned, All, Teammates };
enum class StatusTab { Open, Pending, Scheduled, Closed };

struct SampleMessage {
  bool inbound = true;
  std::string text;
  std::string time;  // already formatted: the shell has no clock
};

struct SampleConversation {
  std::string contact_name;
  std::string phone;
  std::string channel;
  std::string assignee;  // empty: unassigned
  StatusTab status = StatusTab::Open;
  std::vector<SampleMessage> messages;
};

struct SampleInbox {
  std::string signed_in_agent;
  std::vector<SampleConversation> conversations;
};

SampleInbox make_sample_inbox();

bool in_section(const SampleInbox& inbox, const SampleConversation& c, Section section);
// Pending: the last message is the customer's.
bool awaits_reply(const SampleConversation& c);

}  // namespace inbox::ui

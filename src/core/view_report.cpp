#include "core/view_report.h"

#include <charconv>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/check.h"

namespace inbox {
namespace {

// Ordered, so that each line reads in the order documented (section first, its list last).
using Line = nlohmann::ordered_json;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_email(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

Error unknown_viewer(std::string message) { return Error{ErrorCode::unknown_user, std::move(message)}; }

Line name_or_null(const std::string* name) { return name != nullptr ? Line(*name) : Line(nullptr); }

Line conversation_line(const State& state, Section section, ConversationId id) {
  const Conversation& conversation = state.conversations[id.index()];
  const Contact* contact = find_contact(state, conversation.contact);
  const User* assignee = find_user(state, conversation.assignee);
  const Team* team = find_team(state, conversation.team);
  Line out;
  out["section"] = enum_name(section);
  out["conversation"] = id.value;
  out["contact"] = name_or_null(contact != nullptr ? &contact->name : nullptr);
  out["status"] = enum_name(conversation.status);
  out["assignee"] = name_or_null(assignee != nullptr ? &assignee->name : nullptr);
  out["team"] = name_or_null(team != nullptr ? &team->name : nullptr);
  out["last_message_at"] = conversation.last_message_at;
  out["awaiting_reply"] = conversation.awaiting_reply;
  return out;
}

Line section_line(const SectionReport& section) {
  Line out;
  out["section"] = enum_name(section.section);
  out["visible"] = section.visible;
  if (!section.visible) return out;
  Line counts = Line::object();
  for (size_t s = 0; s < kStatusCount; ++s) {
    counts[enum_name(static_cast<ConversationStatus>(s))] = section.counts.by_status[s];
  }
  out["counts"] = std::move(counts);
  out["awaiting_reply"] = section.counts.pending;
  out["listed"] = section.conversations.size();
  out["more"] = section.more;
  return out;
}

std::string dump(const Line& line) { return line.dump(-1, ' ', false, Line::error_handler_t::replace); }

}  // namespace

Result<UserId> find_viewer(const State& state, std::string_view id_or_email) {
  if (id_or_email.empty()) return unknown_viewer("Give a user as an id number or an email.");
  uint32_t number = 0;
  const char* end = id_or_email.data() + id_or_email.size();
  const auto parsed = std::from_chars(id_or_email.data(), end, number);
  if (parsed.ptr == end) {
    if (parsed.ec != std::errc() || number >= state.users.size()) {
      return unknown_viewer("No user has the id " + std::string(id_or_email) + " (the workspace has " +
                            std::to_string(state.users.size()) + " users, ids from 0).");
    }
    return UserId(number);
  }
  std::vector<UserId> matches;
  for (size_t i = 0; i < state.users.size(); ++i) {
    if (same_email(state.users[i].email, id_or_email)) matches.push_back(UserId(static_cast<uint32_t>(i)));
  }
  if (matches.empty()) return unknown_viewer("No user has the id or email '" + std::string(id_or_email) + "'.");
  if (matches.size() > 1) {
    std::string ids;
    for (const UserId id : matches) ids += (ids.empty() ? "" : ", ") + std::to_string(id.value);
    return unknown_viewer("Several users have the email '" + std::string(id_or_email) + "' (ids " + ids +
                          "): give the id instead.");
  }
  return matches.front();
}

ViewReport view_report(const State& state, UserId viewer, size_t list_max) {
  const User* user = find_user(state, viewer);
  INBOX_ASSERT(user != nullptr, "the viewer is an existing user: resolve it with find_viewer()");
  ViewReport report;
  report.viewer = viewer;
  for (size_t i = 0; i < report.sections.size(); ++i) {
    SectionReport& section = report.sections[i];
    section.section = static_cast<Section>(i);
    section.visible = section_visible(state, user->role, section.section);
    if (!section.visible) continue;
    section.counts = section_counts(state, viewer, section.section);
    size_t counted = 0;
    for (size_t s = 0; s < kStatusCount; ++s) {
      counted += section.counts.by_status[s];
      ListQuery query;
      query.viewer = viewer;
      query.section = section.section;
      query.status = static_cast<ConversationStatus>(s);
      query.limit = list_max - section.conversations.size();
      if (query.limit == 0) continue;
      const std::vector<ConversationId> page = list_conversations(state, query);
      section.conversations.insert(section.conversations.end(), page.begin(), page.end());
    }
    INBOX_ASSERT(section.conversations.size() <= counted, "a section lists no more conversations than it counts");
    section.more = counted - section.conversations.size();
  }
  return report;
}

std::vector<std::string> view_report_lines(const State& state, const ViewReport& report) {
  const User& user = state.users[report.viewer.index()];
  Line viewer;
  viewer["viewer"] = report.viewer.value;
  viewer["name"] = user.name;
  viewer["email"] = user.email;
  viewer["role"] = enum_name(user.role);
  std::vector<std::string> out{dump(viewer)};
  for (const SectionReport& section : report.sections) {
    out.push_back(dump(section_line(section)));
    for (const ConversationId id : section.conversations) {
      out.push_back(dump(conversation_line(state, section.section, id)));
    }
  }
  return out;
}

}  // namespace inbox

// What one user sees in the inbox, section by section (counts and the lists, as the views give them to
// that user's role): `inbox-replay --view USER` prints it, so role visibility can be checked from the
// command line. Format in docs/domain.md.
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/ids.h"
#include "core/state.h"
#include "core/views.h"

namespace inbox {

constexpr size_t kViewListDefault = 50;
constexpr size_t kViewListMax = 100'000;

struct SectionReport {
  Section section = Section::mine;
  bool visible = false;  // hidden from this role: no counts, no list (never an empty-looking one)
  SectionCounts counts;
  // The status tabs in turn (open, pending, scheduled, closed), each in the inbox's order (overdue first,
  // then oldest first), at most the report's limit in all.
  std::vector<ConversationId> conversations;
  size_t more = 0;  // conversations past the limit
};

struct ViewReport {
  UserId viewer;
  std::array<SectionReport, EnumNames<Section>::names.size()> sections;  // in Section order
};

// A user given as an id number or an email (ASCII case ignored). unknown_user when no user matches, or
// when several share the email (then the id must be given).
Result<UserId> find_viewer(const State& state, std::string_view id_or_email);

// viewer: an existing user (find_viewer). list_max bounds each section's list.
ViewReport view_report(const State& state, UserId viewer, size_t list_max);

// One JSON line for the viewer, then per section one line (its counts), followed by a line per conversation
// listed.
std::vector<std::string> view_report_lines(const State& state, const ViewReport& report);

}  // namespace inbox

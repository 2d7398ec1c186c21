#include "app/list_filters.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/i18n.h"
#include "app/labels.h"
#include "app/test_locator.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

bool has_tag(const std::vector<TagId>& tags, TagId tag) { return std::find(tags.begin(), tags.end(), tag) != tags.end(); }

// One combo of "Any <what>" plus every entity's name; `name` reads the name of index i, empty for one not
// listed (a deleted team: names are never empty).
template <class Id, class Name>
void draw_filter_combo(const char* id, const char* any, Id& selected, size_t count, Name&& name, float width) {
  ImGui::SetNextItemWidth(width);
  const std::string preview = selected.valid() ? name(selected.index()) : std::string(any);
  const bool open = ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge);
  locator_label_last_item(id);
  if (!open) return;
  if (ImGui::Selectable(any, !selected.valid())) selected = Id();
  for (size_t i = 0; i < count; ++i) {
    if (name(i).empty()) continue;
    const std::string label = name(i) + id + std::to_string(i);  // id is "##..."
    if (ImGui::Selectable(label.c_str(), selected == Id(static_cast<uint32_t>(i)))) selected = Id(static_cast<uint32_t>(i));
  }
  ImGui::EndCombo();
}

}  // namespace

bool filters_match(const State& state, const Conversation& c, const ListFilters& filters) {
  if (filters.channel.valid() && c.channel != filters.channel) return false;
  if (filters.team.valid() && c.team != filters.team) return false;
  if (filters.tag.valid() && !has_tag(c.tags, filters.tag) && !has_tag(state.contacts[c.contact.index()].tags, filters.tag)) {
    return false;
  }
  return true;
}

void draw_list_filters(ListFilters& filters, const State& state) {
  if (filters.team.valid() && find_team(state, filters.team) == nullptr) filters.team = TeamId();  // deleted since
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - spacing * 2) / 3;
  draw_filter_combo("##filter_channel", tr("Any channel"), filters.channel, state.channels.size(),
                    [&](size_t i) { return state.channels[i].name; }, width);
  ImGui::SameLine();
  draw_filter_combo("##filter_team", tr("Any team"), filters.team, state.teams.size(),
                    [&](size_t i) { return state.teams[i].deleted ? std::string() : state.teams[i].name; }, width);
  ImGui::SameLine();
  draw_filter_combo("##filter_tag", tr("Any tag"), filters.tag, state.tags.size(),
                    [&](size_t i) { return "#" + state.tags[i].name; }, width);
}

const std::vector<ConversationId>& filtered_conversations(FilteredList& cache, const State& state, uint64_t revision,
                                                          ListQuery query, const ListFilters& filters) {
  query.offset = 0;
  query.limit = state.conversations.size();
  const bool same_query = cache.query.viewer == query.viewer && cache.query.section == query.section &&
                          cache.query.status == query.status && cache.query.order == query.order;
  // "Window closing soon" depends on the time: read again each minute.
  const bool same_time = query.order != SortOrder::window_closing_soon || cache.query.now_ms / 60'000 == query.now_ms / 60'000;
  if (cache.valid && same_query && same_time && cache.filters == filters && cache.revision == revision) return cache.rows;
  cache.rows = filter_ids(state, list_conversations(state, query), filters);
  cache.query = query;
  cache.filters = filters;
  cache.revision = revision;
  cache.valid = true;
  return cache.rows;
}

std::vector<ConversationId> filter_ids(const State& state, const std::vector<ConversationId>& ids, const ListFilters& filters) {
  std::vector<ConversationId> out;
  for (const ConversationId id : ids) {
    if (filters_match(state, state.conversations[id.index()], filters)) out.push_back(id);
  }
  return out;
}

}  // namespace inbox::ui

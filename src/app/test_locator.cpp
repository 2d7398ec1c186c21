#include "app/test_locator.h"

#include <imgui_internal.h>

#include <unordered_map>

namespace inbox::ui {
namespace {

struct Recorder {
  std::vector<LocatedItem> current;
  std::vector<LocatedItem> last;
  std::unordered_map<ImGuiID, size_t> index_of_id;  // into current, for the ItemInfo hook that follows ItemAdd
  std::unordered_map<ImGuiID, std::string> early_labels;  // tab items send ItemInfo before ItemAdd
};

void clear_frame(Recorder& r) {
  r.current.clear();
  r.index_of_id.clear();
  r.early_labels.clear();
}

Recorder& recorder() {
  static Recorder r;
  return r;
}

}  // namespace

void locator_attach(ImGuiContext* context) { context->TestEngineHookItems = true; }

void locator_begin_frame() { clear_frame(recorder()); }

void locator_end_frame() {
  Recorder& r = recorder();
  r.last.swap(r.current);
  clear_frame(r);
}

const std::vector<LocatedItem>& locator_last_frame() { return recorder().last; }

void locator_label_last_item(const char* label) {
  ImGuiContext* context = ImGui::GetCurrentContext();
  if (context == nullptr || !context->TestEngineHookItems) return;
  ImGuiTestEngineHook_ItemInfo(context, context->LastItemData.ID, label, context->LastItemData.StatusFlags);
}

void locator_label_last_text(const char* label) {
  ImGuiContext* context = ImGui::GetCurrentContext();
  if (context == nullptr || !context->TestEngineHookItems) return;
  const ImGuiID id = ImGui::GetID(label);
  ImGuiTestEngineHook_ItemAdd(context, id, context->LastItemData.Rect, nullptr);
  ImGuiTestEngineHook_ItemInfo(context, id, label, 0);
}

}  // namespace inbox::ui

// Dear ImGui calls these when TestEngineHookItems is set. ItemAdd gives the rectangle, ItemInfo the label.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
  auto& r = inbox::ui::recorder();
  const bool disabled = item_data != nullptr && (item_data->InFlags & ImGuiItemFlags_Disabled) != 0;
  auto found = r.index_of_id.find(id);
  if (found != r.index_of_id.end()) {  // the same id submitted twice in a frame: keep the latest rectangle
    auto& item = r.current[found->second];
    item.min = bb.Min;
    item.max = bb.Max;
    item.enabled = !disabled;
    return;
  }
  r.index_of_id.emplace(id, r.current.size());
  std::string label;
  auto early = r.early_labels.find(id);
  if (early != r.early_labels.end()) label = std::move(early->second);
  r.current.push_back({id, std::move(label), bb.Min, bb.Max, !disabled});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  auto& r = inbox::ui::recorder();
  if (label == nullptr) return;
  auto found = r.index_of_id.find(id);
  if (found == r.index_of_id.end()) {
    r.early_labels[id] = label;
    return;
  }
  // The label as the code wrote it, "##id" part included, as Dear ImGui's own test engine names items:
  // hidden-label widgets ("##compose") stay findable.
  r.current[found->second].label = label;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

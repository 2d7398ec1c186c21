#include "app/contact_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>
#include <vector>

#include "app/i18n.h"
#include "app/tags_text.h"
#include "core/state.h"

namespace inbox::ui {
namespace {

void load(ContactPanelState& ui, const Contact& contact, ContactId id, uint64_t revision) {
  ui.loaded = id;
  ui.loaded_revision = revision;
  ui.name = contact.name;
  ui.phone = contact.phone;
  ui.email = contact.email;
}

void submit(sync::Engine& engine, UserId viewer, const LocalClock& clock, CommandBody body) {
  engine.submit(Command{viewer, std::move(body)}, clock.now_ms);
}

}  // namespace

void draw_contact_panel(ContactPanelState& ui, sync::Engine& engine, UserId viewer, ContactId id, ChannelId channel,
                        const LocalClock& clock) {
  const State& state = engine.state();
  const Contact* contact = find_contact(state, id);
  if (contact == nullptr) return;
  const bool edited = ui.name != contact->name || ui.phone != contact->phone || ui.email != contact->email;
  // Another contact, or the same one changed elsewhere while the form was untouched: show what is stored.
  if (ui.loaded != id || (!edited && ui.loaded_revision != engine.revision())) load(ui, *contact, id, engine.revision());

  ImGui::TextUnformatted(tr("Contact"));
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##contact_name", tr("Name"), &ui.name);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##contact_phone", tr("Phone (+5511987654321)"), &ui.phone);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##contact_email", tr("Email"), &ui.email);
  const bool changed = ui.name != contact->name || ui.phone != contact->phone || ui.email != contact->email;
  ImGui::BeginDisabled(!changed);
  if (ImGui::Button(tr("Save contact"))) submit(engine, viewer, clock, UpdateContact{id, ui.name, ui.phone, ui.email});
  ImGui::SameLine();
  if (ImGui::Button(tr("Undo"))) load(ui, *contact, id, engine.revision());
  ImGui::EndDisabled();

  ImGui::SeparatorText(tr("Tags"));
  std::string current;
  for (TagId tag : contact->tags) current += (current.empty() ? "" : ", ") + state.tags[tag.index()].name;
  ImGui::TextWrapped("%s", current.empty() ? tr("No tags") : current.c_str());
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##contact_tags", tr("vip, wholesale"), &ui.tags_text);
  const std::vector<std::string> tags = split_tags(ui.tags_text);
  ImGui::BeginDisabled(tags.empty());
  if (ImGui::Button((std::string(tr("Add")) + "##contact_tags").c_str())) {
    submit(engine, viewer, clock, TagContact{id, tags, TagMode::add});
    ui.tags_text.clear();
  }
  ImGui::SameLine();
  if (ImGui::Button((std::string(tr("Replace")) + "##contact_tags").c_str())) {
    submit(engine, viewer, clock, TagContact{id, tags, TagMode::replace});
    ui.tags_text.clear();
  }
  ImGui::EndDisabled();

  ImGui::SeparatorText(tr("Properties"));
  for (const Property& property : contact->properties) {
    ImGui::PushID(property.key.c_str());
    if (ImGui::SmallButton("x")) submit(engine, viewer, clock, SetContactProperty{id, property.key, ""});
    ImGui::SameLine();
    ImGui::TextWrapped("%s: %s", property.key.c_str(), property.value.c_str());
    ImGui::PopID();
  }
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImGui::SetNextItemWidth(half);
  ImGui::InputTextWithHint("##property_key", tr("Key"), &ui.property_key);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(half);
  ImGui::InputTextWithHint("##property_value", tr("Value"), &ui.property_value);
  ImGui::BeginDisabled(ui.property_key.empty() || ui.property_value.empty());
  if (ImGui::Button(tr("Set property"))) {
    submit(engine, viewer, clock, SetContactProperty{id, ui.property_key, ui.property_value});
    ui.property_key.clear();
    ui.property_value.clear();
  }
  ImGui::EndDisabled();
  draw_campaign_form(ui.campaign, engine, viewer, id, channel, clock);
}

}  // namespace inbox::ui

#include "app/contact_panel.h"

#include <doctest/doctest.h>

#include "core/state.h"
#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

namespace {
const Contact& lucia(const ShellFixture& f) { return f.engine.state().contacts.at(0); }
}  // namespace

TEST_CASE("an agent corrects the contact's name and email from the contact panel") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Contact");
  REQUIRE(f.shows("##contact_name"));
  CHECK(f.shell.contact.name == "Lucía Fernández");
  CHECK_FALSE(f.find("Save contact")->enabled);
  f.shell.contact.name = "Lucía Fernández García";
  f.shell.contact.email = "lucia@example.es";
  f.frame();
  f.click("Save contact");
  CHECK(lucia(f).name == "Lucía Fernández García");
  CHECK(lucia(f).email == "lucia@example.es");
  CHECK(lucia(f).phone == "+34612345678");
}

TEST_CASE("an invalid phone is refused with a toast and the contact keeps its number") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Contact");
  f.shell.contact.phone = "not a phone";
  f.frame();
  f.click("Save contact");
  CHECK(lucia(f).phone == "+34612345678");
  CHECK(f.shell.toasts.shown.size() == 1);
}

TEST_CASE("contact tags and properties are set from the panel, and a property can be removed") {
  ShellFixture f;
  f.click(f.row("Lucía Fernández"));
  f.click("Contact");
  f.click("##contact_tags");
  f.type("vip, mayorista");
  f.click("Add##contact_tags");
  CHECK(lucia(f).tags.size() == 2);
  f.click("##property_key");
  f.type("ciudad");
  f.click("##property_value");
  f.type("São Paulo");
  f.click("Set property");
  REQUIRE(lucia(f).properties.size() == 1);
  CHECK(lucia(f).properties[0].key == "ciudad");
  CHECK(lucia(f).properties[0].value == "São Paulo");
  f.click("x");
  CHECK(lucia(f).properties.empty());
}

TEST_CASE("switching conversations loads the other contact into the panel") {
  ShellFixture f;
  f.shell.viewer = UserId(2);  // Sofía sees every conversation
  f.shell.section = Section::all;
  f.frame();
  f.click(f.row("Lucía Fernández"));
  f.click("Contact");
  CHECK(f.shell.contact.name == "Lucía Fernández");
  f.click(f.row("Zoë O’Connor"));
  CHECK(f.shell.contact.name == "Zoë O’Connor");
}

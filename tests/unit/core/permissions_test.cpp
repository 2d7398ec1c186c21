#include "core/permissions.h"

#include <doctest/doctest.h>

#include "inbox_fixture.h"

using namespace inbox;
using namespace inbox::test;

TEST_CASE("Administrators and Supervisors may open the settings; Agents and Operators are refused in words") {
  Inbox inbox;
  CHECK_FALSE(settings_refusal(inbox.state, inbox.admin).has_value());
  CHECK_FALSE(settings_refusal(inbox.state, inbox.supervisor).has_value());

  const std::optional<Error> agent = settings_refusal(inbox.state, inbox.ana);
  REQUIRE(agent.has_value());
  CHECK(agent->code == ErrorCode::forbidden);
  CHECK(agent->message == "Not allowed for an agent: open the workspace settings.");

  const std::optional<Error> operator_ = settings_refusal(inbox.state, inbox.operator_);
  REQUIRE(operator_.has_value());
  CHECK(operator_->message == "Not allowed for an operator: open the workspace settings.");
}

TEST_CASE("an unknown viewer may not open the settings") {
  Inbox inbox;
  const std::optional<Error> refusal = settings_refusal(inbox.state, UserId(99));
  REQUIRE(refusal.has_value());
  CHECK(refusal->code == ErrorCode::unknown_actor);
  CHECK(refusal->message == "The acting user #99 does not exist.");
  CHECK(settings_refusal(inbox.state, UserId()).has_value());  // the system is not a viewer
}

TEST_CASE("the settings query agrees with decide(): whom it refuses, update_settings refuses too") {
  Inbox inbox;
  Settings settings = inbox.state.settings;
  settings.automatic_assignment = !settings.automatic_assignment;
  for (const UserId user : {inbox.admin, inbox.supervisor, inbox.operator_, inbox.ana}) {
    CAPTURE(user.value);
    CHECK(inbox.attempt(user, UpdateSettings{settings}).ok() == !settings_refusal(inbox.state, user).has_value());
  }
}

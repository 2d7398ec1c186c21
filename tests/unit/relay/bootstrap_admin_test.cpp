#include "server-stub/accounts/bootstrap_admin.h"

#include <doctest/doctest.h>

#include <string>

using inbox::Command;
using inbox::CreateUser;
using inbox::ErrorCode;
using inbox::Role;
using inbox::State;
using inbox::User;
using inbox::UserId;
using inbox::relay::admin_credentials;
using inbox::relay::AdminCredentials;
using inbox::relay::bootstrap_admin;

namespace {

State workspace_with(std::vector<std::pair<std::string, Role>> const& users) {
  State state;
  for (auto const& [email, role] : users) {
    User user;
    user.name = email.substr(0, email.find('@'));
    user.email = email;
    user.role = role;
    state.users.push_back(user);
  }
  return state;
}

AdminCredentials given(std::optional<std::string> email, std::optional<std::string> password) {
  return AdminCredentials{std::move(email), std::move(password)};
}

std::string error_message(inbox::Result<inbox::relay::AdminBootstrap> const& result) {
  REQUIRE_FALSE(result.ok());
  return result.error().message;
}

}  // namespace

TEST_CASE("bootstrap admin: an empty workspace and both settings: create the administrator as the system") {
  State const state = workspace_with({{"ana@example.com", Role::agent}});
  auto const result = bootstrap_admin(state, 0, given("Maria.Silva@Example.com", "a long password"));
  REQUIRE(result.ok());
  auto const& plan = result.value();
  REQUIRE(plan.create_user.has_value());
  CHECK(plan.create_user->actor == UserId::none());
  auto const* create = std::get_if<CreateUser>(&plan.create_user->body);
  REQUIRE(create != nullptr);
  CHECK(create->role == Role::administrator);
  CHECK(create->email == "maria.silva@example.com");
  CHECK(create->name == "maria.silva");
  REQUIRE(plan.account_user.has_value());
  CHECK(*plan.account_user == UserId(1));  // the next index: the id decide() gives the created user
  CHECK(plan.account_login == "maria.silva@example.com");
  CHECK(plan.notice.find("maria.silva@example.com") != std::string::npos);
}

TEST_CASE("bootstrap admin: no administrator and no email: refuse to start, naming both settings") {
  std::string const message = error_message(bootstrap_admin(State{}, 0, given(std::nullopt, std::nullopt)));
  CHECK(message.find("--admin-email") != std::string::npos);
  CHECK(message.find("INBOX_ADMIN_PASSWORD") != std::string::npos);
}

TEST_CASE("bootstrap admin: an email without a password, or with a weak one, is refused") {
  CHECK(error_message(bootstrap_admin(State{}, 0, given("maria@example.com", std::nullopt)))
            .find("INBOX_ADMIN_PASSWORD") != std::string::npos);
  std::string const weak = error_message(bootstrap_admin(State{}, 0, given("maria@example.com", "short")));
  CHECK(weak.find("INBOX_ADMIN_PASSWORD") != std::string::npos);
  CHECK(weak.find("at least 8") != std::string::npos);
}

TEST_CASE("bootstrap admin: an email that is not one is refused") {
  auto const result = bootstrap_admin(State{}, 0, given("maria", "a long password"));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == ErrorCode::invalid_email);
  CHECK_FALSE(bootstrap_admin(State{}, 0, given("  ", "a long password")).ok());
}

TEST_CASE("bootstrap admin: the email of an existing agent is not turned into a second user") {
  State const state = workspace_with({{"ana@example.com", Role::agent}});
  std::string const message = error_message(bootstrap_admin(state, 0, given("ANA@example.com", "a long password")));
  CHECK(message.find("not an administrator") != std::string::npos);
}

TEST_CASE("bootstrap admin: an administrator with accounts stored: nothing to do; a leftover password is noted") {
  State const state = workspace_with({{"ana@example.com", Role::administrator}});
  auto const quiet = bootstrap_admin(state, 1, given(std::nullopt, std::nullopt));
  REQUIRE(quiet.ok());
  CHECK_FALSE(quiet.value().create_user.has_value());
  CHECK_FALSE(quiet.value().account_user.has_value());
  CHECK(quiet.value().notice.empty());
  auto const leftover = bootstrap_admin(state, 1, given("ana@example.com", "a long password"));
  REQUIRE(leftover.ok());
  CHECK_FALSE(leftover.value().account_user.has_value());  // a restart never resets the password
  CHECK(leftover.value().notice.find("ignored") != std::string::npos);
}

TEST_CASE("bootstrap admin: administrators but no accounts yet: set the password of the one named") {
  State const state = workspace_with({{"ana@example.com", Role::agent}, {"bia@example.com", Role::administrator}});
  auto const result = bootstrap_admin(state, 0, given("Bia@Example.com", "a long password"));
  REQUIRE(result.ok());
  CHECK_FALSE(result.value().create_user.has_value());
  REQUIRE(result.value().account_user.has_value());
  CHECK(*result.value().account_user == UserId(1));
  CHECK(result.value().account_login == "bia@example.com");

  CHECK(error_message(bootstrap_admin(state, 0, given("ana@example.com", "a long password")))
            .find("No administrator") != std::string::npos);
  CHECK(error_message(bootstrap_admin(state, 0, given(std::nullopt, std::nullopt))).find("No one can sign in") !=
        std::string::npos);
}

TEST_CASE("bootstrap admin: --admin-email wins over INBOX_ADMIN_EMAIL; empty means not given") {
  AdminCredentials const both = admin_credentials(std::string_view("flag@example.com"), "env@example.com", "pw");
  CHECK(both.email == std::optional<std::string>("flag@example.com"));
  CHECK(both.password == std::optional<std::string>("pw"));
  CHECK(admin_credentials(std::nullopt, "env@example.com", nullptr).email ==
        std::optional<std::string>("env@example.com"));
  CHECK(admin_credentials(std::string_view(""), "env@example.com", nullptr).email ==
        std::optional<std::string>("env@example.com"));
  AdminCredentials const none = admin_credentials(std::nullopt, "", "");
  CHECK_FALSE(none.email.has_value());
  CHECK_FALSE(none.password.has_value());
}

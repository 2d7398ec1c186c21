#include "server-stub/accounts/bootstrap_admin.h"

#include "core/validate.h"
#include "server-stub/accounts/accounts.h"
#include "server-stub/accounts/passwords.h"

namespace inbox::relay {

namespace {

std::optional<std::string> given_value(char const* text) {
  if (text == nullptr || *text == '\0') return std::nullopt;
  return std::string(text);
}

Error refuse(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

std::optional<UserId> user_with_login(State const& state, std::string_view login) {
  for (size_t i = 0; i < state.users.size(); ++i) {
    if (normalize_login(state.users[i].email) == login) return UserId(static_cast<uint32_t>(i));
  }
  return std::nullopt;
}

bool has_administrator(State const& state) {
  for (User const& user : state.users) {
    if (user.role == Role::administrator) return true;
  }
  return false;
}

std::optional<Error> check_password_given(AdminCredentials const& given) {
  if (!given.password) {
    return refuse(ErrorCode::invalid_field, "Set INBOX_ADMIN_PASSWORD (in the environment) to the administrator's "
                                            "password.");
  }
  if (std::optional<std::string> problem = password_policy_problem(*given.password)) {
    return refuse(ErrorCode::invalid_field, "INBOX_ADMIN_PASSWORD: " + *problem);
  }
  return std::nullopt;
}

// "maria.silva@example.com" -> "maria.silva": a name to start with, until the administrator changes it.
std::string name_from_email(std::string_view email) { return std::string(email.substr(0, email.find('@'))); }

}  // namespace

AdminCredentials admin_credentials(std::optional<std::string_view> email_flag, char const* email_env,
                                   char const* password_env) {
  AdminCredentials credentials;
  if (email_flag && !email_flag->empty()) {
    credentials.email = std::string(*email_flag);
  } else {
    credentials.email = given_value(email_env);
  }
  credentials.password = given_value(password_env);
  return credentials;
}

Result<AdminBootstrap> bootstrap_admin(State const& state, size_t accounts_stored, AdminCredentials const& given) {
  bool const admin_exists = has_administrator(state);
  if (admin_exists && accounts_stored > 0) {
    AdminBootstrap nothing;
    // Left set, it would reset the password at every restart; ignoring it silently would hide that it is unused.
    if (given.password) nothing.notice = "INBOX_ADMIN_PASSWORD is ignored: accounts exist already. Unset it.";
    return nothing;
  }
  if (!given.email) {
    return refuse(ErrorCode::invalid_field,
                  admin_exists ? "No one can sign in yet: give --admin-email (or INBOX_ADMIN_EMAIL) of an "
                                 "administrator and INBOX_ADMIN_PASSWORD to set their password."
                               : "The workspace has no administrator: give --admin-email (or INBOX_ADMIN_EMAIL) and "
                                 "INBOX_ADMIN_PASSWORD to create one.");
  }
  std::string const login = normalize_login(*given.email);
  if (login.empty()) return refuse(ErrorCode::invalid_email, "--admin-email is empty.");
  if (std::optional<Error> error = check_email(login)) return *error;
  if (std::optional<Error> error = check_password_given(given)) return *error;

  std::optional<UserId> const existing = user_with_login(state, login);
  AdminBootstrap plan;
  plan.account_login = login;
  if (admin_exists) {
    User const* const user = existing ? find_user(state, *existing) : nullptr;
    if (user == nullptr || user->role != Role::administrator) {
      return refuse(ErrorCode::unknown_user, "No administrator has the email " + login +
                                                 ": give the email of an existing administrator.");
    }
    plan.account_user = *existing;
    plan.notice = "Setting the password of administrator " + login + ".";
    return plan;
  }
  if (existing) {
    return refuse(ErrorCode::forbidden, "The user " + login +
                                            " exists but is not an administrator: give a new email for the "
                                            "first administrator.");
  }
  plan.create_user = Command{UserId::none(), CreateUser{name_from_email(login), login, Role::administrator}};
  plan.account_user = UserId(static_cast<uint32_t>(state.users.size()));
  plan.notice = "Creating the first administrator, " + login + ".";
  return plan;
}

}  // namespace inbox::relay

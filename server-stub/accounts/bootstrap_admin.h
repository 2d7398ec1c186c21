// The first administrator: what the relay does at start-up so that someone can sign in and set the
// workspace up. Pure: the state and the operator's settings in, a decision out. The password comes only
// from INBOX_ADMIN_PASSWORD (a flag would show in `ps` and shell history) and there is no built-in default.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/commands.h"
#include "core/errors.h"
#include "core/ids.h"
#include "core/state.h"

namespace inbox::relay {

struct AdminCredentials {
  std::optional<std::string> email;     // --admin-email, else INBOX_ADMIN_EMAIL
  std::optional<std::string> password;  // INBOX_ADMIN_PASSWORD
};

// The flag wins over the environment; an empty value counts as not given. The env arguments are what
// std::getenv returned (null when unset).
AdminCredentials admin_credentials(std::optional<std::string_view> email_flag, char const* email_env,
                                   char const* password_env);

struct AdminBootstrap {
  // When set, submit it first (actor none: the system). Its UserCreated event carries the new id, which is
  // `account_user` as long as nothing else creates a user before it.
  std::optional<Command> create_user;
  // When set, then call Accounts::set_password(*account_user, account_login, <the given password>).
  std::optional<UserId> account_user;
  std::string account_login;
  std::string notice;  // one line for the relay's log; empty when there is nothing to say
};

// accounts_stored: AccountStore::account_count(). Nothing to do (both optionals empty) when an administrator
// exists and accounts are stored. An error, with a message naming the setting to give, when nobody could sign
// in to administer the workspace.
Result<AdminBootstrap> bootstrap_admin(State const& state, size_t accounts_stored, AdminCredentials const& given);

}  // namespace inbox::relay

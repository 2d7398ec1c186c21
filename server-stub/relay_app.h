// The whole relay as main() runs it: the database file, the authority (seeded or replayed), the accounts and
// their first administrator, the hub, and the HTTP/WebSocket server with its API routes. Tests start it the
// same way, on port 0 and a temp file.
#pragma once
#include <boost/asio/ip/tcp.hpp>
#include <boost/system/error_code.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "server-stub/accounts/accounts.h"
#include "server-stub/accounts/bootstrap_admin.h"
#include "server-stub/cli.h"
#include "server-stub/demo_customers/demo_customers.h"
#include "server-stub/relay_server.h"
#include "server-stub/store/sqlite_account_store.h"
#include "server-stub/sync/hub.h"
#include "server-stub/whatsapp/whatsapp_service.h"

namespace inbox::relay {

struct RelayAppSettings {
  CliOptions cli;  // the server, the database path, --demo
  AdminCredentials admin;
  // INBOX_DEMO_PASSWORD: with --demo, every user of the workspace without an account gets this password.
  std::optional<std::string> demo_password;
  std::function<int64_t()> clock;  // wall time in ms
  PasswordCost password_cost = PasswordCost::interactive;
};

class RelayApp {
 public:
  // Everything up to listening: opens (or creates) the database, seeds an empty one with --demo, replays it
  // otherwise, and makes sure an administrator can sign in. The error is a sentence for the operator.
  static std::variant<std::unique_ptr<RelayApp>, std::string> open(RelayAppSettings settings);
  ~RelayApp();

  boost::system::error_code start();
  boost::asio::ip::tcp::endpoint endpoint() const { return server_->endpoint(); }
  // The hub finishes the batch in progress, then the sockets close. Idempotent.
  void stop();

  const std::vector<std::string>& notices() const { return notices_; }  // for the log: what start-up did
  Hub& hub() { return *hub_; }
  whatsapp::WhatsAppService& whatsapp() { return *whatsapp_; }
  demo_customers::DemoCustomers* demo_customers() { return demo_customers_.get(); }  // null without the flag

 private:
  RelayApp() = default;
  void start_demo_customers();

  std::vector<std::string> notices_;
  std::unique_ptr<SqliteAccountStore> account_store_;
  std::unique_ptr<Accounts> accounts_;
  std::unique_ptr<whatsapp::WhatsAppService> whatsapp_;  // stops before the hub
  std::unique_ptr<demo_customers::DemoCustomers> demo_customers_;  // --demo-customers; stops first
  std::optional<demo_customers::DemoCustomersConfig> demo_customers_config_;  // all but the relay's address
  std::shared_ptr<Hub> hub_;
  std::unique_ptr<RelayServer> server_;
};

}  // namespace inbox::relay

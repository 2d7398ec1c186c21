// inbox-relay's command line, parsed without side effects so every rejection is unit-tested.
#pragma once
#include "server-stub/relay_server.h"

#include <boost/asio/ip/tcp.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inbox::relay {

inline constexpr int cli_threads_max = 64;

struct CliOptions {
  RelayConfig config;
  std::string db_path = "inbox.db";
  bool seed_demo = false;                    // an empty database starts as the demo workspace
  std::optional<std::string> admin_email;    // the first administrator (the password only from the environment)
  std::optional<std::string> backup_path;    // "backup <path>": copy the database and exit
  // WhatsApp Cloud API (main falls back to WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_GRAPH_URL and
  // WHATSAPP_ACCESS_TOKEN for the ones not given).
  std::optional<std::string> whatsapp_app_secret;    // verifies the webhook's X-Hub-Signature-256
  std::optional<std::string> whatsapp_verify_token;  // answers the webhook's subscription check
  std::optional<std::string> whatsapp_graph_url;     // where replies go: https://graph.facebook.com/<version>
  std::optional<std::string> whatsapp_access_token;  // the Graph API's bearer token
  // --demo-customers N: the demo's customers write N messages an hour, posted as signed webhooks (needs --demo
  // and the app secret); 0: nobody writes.
  uint32_t demo_customers_per_hour = 0;
  bool help = false;
  std::string error;  // empty when the arguments are usable
};

// "--root <dir> [--db f] [--demo] [--admin-email e] [--host 127.0.0.1] [--port 8080] [--threads 1]
// [--whatsapp-app-secret s] [--whatsapp-verify-token t] [--whatsapp-graph-url u] [--whatsapp-access-token a]
// [--demo-customers n]", or
// "backup <path> [--db f]"; "--flag=value" works too. The host must be an IP
// address ("localhost" means 127.0.0.1). No I/O: whether the root exists is for the caller to check.
CliOptions parse_cli(std::vector<std::string_view> const& arguments);

std::string_view cli_usage();

// The URL to print for a bound endpoint: "http://127.0.0.1:8080/". A wildcard address (0.0.0.0, ::) is shown as
// loopback, which is reachable; IPv6 gets brackets.
std::string listening_url(boost::asio::ip::tcp::endpoint const& endpoint);

}  // namespace inbox::relay

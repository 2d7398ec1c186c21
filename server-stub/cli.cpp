// Argument parsing for inbox-relay.
#include "server-stub/cli.h"

#include <boost/asio/ip/address.hpp>

#include <charconv>
#include <limits>

#include "demo/simulator.h"

namespace inbox::relay {

namespace {

// Whole string, digits only, within [min, max]; from_chars alone would accept "80abc" as 80.
template <class Integer>
bool parse_integer(std::string_view text, Integer min, Integer max, Integer& value) {
  if (text.empty()) return false;
  long long parsed = 0;
  auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (ec != std::errc() || end != text.data() + text.size()) return false;
  if (parsed < static_cast<long long>(min) || parsed > static_cast<long long>(max)) return false;
  value = static_cast<Integer>(parsed);
  return true;
}

std::optional<std::string> CliOptions::*whatsapp_flag(std::string_view flag) {
  if (flag == "--whatsapp-app-secret") return &CliOptions::whatsapp_app_secret;
  if (flag == "--whatsapp-verify-token") return &CliOptions::whatsapp_verify_token;
  if (flag == "--whatsapp-graph-url") return &CliOptions::whatsapp_graph_url;
  if (flag == "--whatsapp-access-token") return &CliOptions::whatsapp_access_token;
  return nullptr;
}

CliOptions with_error(CliOptions options, std::string error) {
  options.error = std::move(error);
  return options;
}

}  // namespace

std::string_view cli_usage() {
  return "usage: inbox-relay --root <dir> [--db inbox.db] [--demo] [--admin-email EMAIL] [--host 127.0.0.1]\n"
         "                   [--port 8080] [--threads 1] [--whatsapp-app-secret S] [--whatsapp-verify-token T]\n"
         "                   [--whatsapp-graph-url URL] [--whatsapp-access-token TOKEN] [--demo-customers N]\n"
         "       inbox-relay backup <path> [--db inbox.db]\n"
         "Serves the web app in <dir> and the workspace on /ws, its log in the SQLite file --db; prints the URL it\n"
         "listens on and runs until SIGINT or SIGTERM. --demo seeds an empty database with the demo workspace.\n"
         "The first administrator: --admin-email (or INBOX_ADMIN_EMAIL) and INBOX_ADMIN_PASSWORD.\n"
         "WhatsApp Cloud API: webhooks on /webhooks/whatsapp (the flags, or WHATSAPP_APP_SECRET and\n"
         "WHATSAPP_VERIFY_TOKEN); replies sent to --whatsapp-graph-url (WHATSAPP_GRAPH_URL, WHATSAPP_ACCESS_TOKEN).\n"
         "--demo-customers N: the demo's customers write N messages an hour (at most 3600) as signed webhooks.\n"
         "backup writes a consistent copy of the database to <path> while the relay runs.\n";
}

CliOptions parse_cli(std::vector<std::string_view> const& arguments) {
  CliOptions options;
  bool root_given = false;
  std::size_t first = 0;
  if (!arguments.empty() && arguments[0] == "backup") {
    if (arguments.size() < 2 || arguments[1].empty() || arguments[1].substr(0, 2) == "--") {
      return with_error(options, "backup needs the path to write the copy to");
    }
    options.backup_path = std::string(arguments[1]);
    first = 2;
  }
  for (std::size_t i = first; i < arguments.size(); ++i) {
    std::string_view flag = arguments[i];
    if (flag == "--help" || flag == "-h") {
      options.help = true;
      return options;
    }
    if (flag == "--demo") {
      options.seed_demo = true;
      continue;
    }
    std::string_view value;
    if (std::size_t const equals = flag.find('='); flag.substr(0, 2) == "--" && equals != std::string_view::npos) {
      value = flag.substr(equals + 1);
      flag = flag.substr(0, equals);
    } else if (flag == "--root" || flag == "--host" || flag == "--port" || flag == "--threads" ||
               flag == "--db" || flag == "--admin-email" || flag == "--demo-customers" ||
               whatsapp_flag(flag) != nullptr) {
      if (i + 1 == arguments.size()) return with_error(options, std::string(flag) + " needs a value");
      value = arguments[++i];
    } else {
      return with_error(options, "unknown argument '" + std::string(flag) + "'");
    }

    if (flag == "--root") {
      if (value.empty()) return with_error(options, "--root needs a directory");
      options.config.doc_root = std::string(value);
      root_given = true;
    } else if (flag == "--host") {
      if (value.empty()) return with_error(options, "--host needs an IP address");
      options.config.host = value == "localhost" ? std::string("127.0.0.1") : std::string(value);
      boost::system::error_code ec;
      boost::asio::ip::make_address(options.config.host, ec);
      if (ec) return with_error(options, "--host must be an IP address, got '" + std::string(value) + "'");
    } else if (flag == "--port") {
      if (!parse_integer<std::uint16_t>(value, 0, std::numeric_limits<std::uint16_t>::max(), options.config.port)) {
        return with_error(options, "--port must be a number from 0 to 65535, got '" + std::string(value) + "'");
      }
    } else if (flag == "--threads") {
      if (!parse_integer<int>(value, 1, cli_threads_max, options.config.threads)) {
        return with_error(options, "--threads must be a number from 1 to " + std::to_string(cli_threads_max) +
                                       ", got '" + std::string(value) + "'");
      }
    } else if (flag == "--db") {
      if (value.empty()) return with_error(options, "--db needs a file path");
      options.db_path = std::string(value);
    } else if (flag == "--admin-email") {
      if (value.empty()) return with_error(options, "--admin-email needs an email address");
      options.admin_email = std::string(value);
    } else if (flag == "--demo-customers") {
      if (!parse_integer<std::uint32_t>(value, 0, demo::kCustomerMessagesPerHourMax, options.demo_customers_per_hour)) {
        return with_error(options, "--demo-customers must be a number of messages an hour from 0 to " +
                                       std::to_string(demo::kCustomerMessagesPerHourMax) + ", got '" +
                                       std::string(value) + "'");
      }
    } else if (std::optional<std::string> CliOptions::*field = whatsapp_flag(flag)) {
      if (value.empty()) return with_error(options, std::string(flag) + " needs a value");
      options.*field = std::string(value);
    } else {
      return with_error(options, "unknown argument '" + std::string(flag) + "'");
    }
  }
  if (options.backup_path) {
    if (root_given || options.seed_demo || options.admin_email) {
      return with_error(options, "backup takes --db only");
    }
    return options;
  }
  if (!root_given) return with_error(options, "--root <dir> is required");
  if (options.demo_customers_per_hour > 0 && !options.seed_demo) {
    return with_error(options, "--demo-customers needs --demo (they write to the demo workspace's channels)");
  }
  return options;
}

std::string listening_url(boost::asio::ip::tcp::endpoint const& endpoint) {
  boost::asio::ip::address address = endpoint.address();
  if (address.is_unspecified()) {
    address = address.is_v6() ? boost::asio::ip::address(boost::asio::ip::address_v6::loopback())
                               : boost::asio::ip::address(boost::asio::ip::address_v4::loopback());
  }
  std::string const host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
  return "http://" + host + ":" + std::to_string(endpoint.port()) + "/";
}

}  // namespace inbox::relay

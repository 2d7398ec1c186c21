#include "server-stub/cli.h"

#include <doctest/doctest.h>

#include <boost/asio/ip/address.hpp>

#include <string>
#include <string_view>
#include <vector>

using inbox::relay::CliOptions;
using inbox::relay::listening_url;
using inbox::relay::parse_cli;

namespace {

CliOptions parse(std::vector<std::string_view> const& arguments) { return parse_cli(arguments); }

boost::asio::ip::tcp::endpoint endpoint(char const* address, unsigned short port) {
  return {boost::asio::ip::make_address(address), port};
}

}  // namespace

TEST_CASE("cli: only --root is required; the rest defaults to one thread on 127.0.0.1:8080") {
  CliOptions const options = parse({"--root", "web"});
  CHECK(options.error.empty());
  CHECK(options.config.doc_root == "web");
  CHECK(options.config.host == "127.0.0.1");
  CHECK(options.config.port == 8080);
  CHECK(options.config.threads == 1);
}

TEST_CASE("cli: every flag, as '--flag value' or '--flag=value'") {
  CliOptions const options = parse({"--root=/srv/web", "--host", "0.0.0.0", "--port=0", "--threads", "4"});
  CHECK(options.error.empty());
  CHECK(options.config.doc_root == "/srv/web");
  CHECK(options.config.host == "0.0.0.0");
  CHECK(options.config.port == 0);
  CHECK(options.config.threads == 4);
}

TEST_CASE("cli: localhost is accepted as 127.0.0.1, IPv6 literals as they are") {
  CHECK(parse({"--root", "w", "--host", "localhost"}).config.host == "127.0.0.1");
  CHECK(parse({"--root", "w", "--host", "::1"}).error.empty());
}

TEST_CASE("cli: mistakes get a message that names the flag") {
  CHECK(parse({}).error.find("--root") != std::string::npos);
  CHECK(parse({"--root"}).error.find("--root needs a value") != std::string::npos);
  CHECK(parse({"--root", "w", "--port"}).error.find("--port") != std::string::npos);
  CHECK(parse({"--root", "w", "--bogus"}).error.find("--bogus") != std::string::npos);
  CHECK(parse({"--root", "w", "extra"}).error.find("extra") != std::string::npos);
  CHECK(parse({"--root", "w", "--host", "relay.example"}).error.find("--host") != std::string::npos);
  CHECK(parse({"--root="}).error.find("--root") != std::string::npos);
}

TEST_CASE("cli: ports outside 0..65535 and anything not a plain number are refused") {
  for (std::string_view const port : {"65536", "-1", "80x", "", "0x50", " 80", "99999999999999999999"}) {
    CAPTURE(port);
    CHECK(parse({"--root", "w", "--port", port}).error.find("--port") != std::string::npos);
  }
  CHECK(parse({"--root", "w", "--port", "65535"}).config.port == 65535);
}

TEST_CASE("cli: thread count within 1..64") {
  CHECK_FALSE(parse({"--root", "w", "--threads", "0"}).error.empty());
  CHECK_FALSE(parse({"--root", "w", "--threads", "65"}).error.empty());
  CHECK(parse({"--root", "w", "--threads", "64"}).config.threads == 64);
}

TEST_CASE("cli: --help and -h ask for the usage, with or without other flags") {
  CHECK(parse({"--help"}).help);
  CHECK(parse({"--root", "w", "--help"}).help);
  CHECK(parse({"-h"}).help);
}

TEST_CASE("listening_url: the bound port, and a reachable host for wildcard addresses") {
  CHECK(listening_url(endpoint("127.0.0.1", 41234)) == "http://127.0.0.1:41234/");
  CHECK(listening_url(endpoint("0.0.0.0", 8080)) == "http://127.0.0.1:8080/");
  CHECK(listening_url(endpoint("::1", 8080)) == "http://[::1]:8080/");
  CHECK(listening_url(endpoint("::", 8080)) == "http://[::1]:8080/");
  CHECK(listening_url(endpoint("192.168.1.20", 80)) == "http://192.168.1.20:80/");
}

TEST_CASE("cli: the database, the demo seed and the first administrator") {
  CliOptions const defaults = parse({"--root", "web"});
  CHECK(defaults.db_path == "inbox.db");
  CHECK_FALSE(defaults.seed_demo);
  CHECK_FALSE(defaults.admin_email.has_value());
  CliOptions const options = parse({"--root", "web", "--db=/var/lib/inbox/relay.db", "--demo", "--admin-email",
                                    "ana@example.com"});
  CHECK(options.error.empty());
  CHECK(options.db_path == "/var/lib/inbox/relay.db");
  CHECK(options.seed_demo);
  CHECK(options.admin_email == "ana@example.com");
  CHECK(parse({"--root", "web", "--db="}).error == "--db needs a file path");
}

TEST_CASE("cli: --demo-customers takes messages an hour, up to the simulator's limit, and only with --demo") {
  CHECK(parse({"--root", "web"}).demo_customers_per_hour == 0);
  CliOptions const options = parse({"--root", "web", "--demo", "--demo-customers", "90"});
  CHECK(options.error.empty());
  CHECK(options.demo_customers_per_hour == 90);
  CHECK(parse({"--root", "web", "--demo", "--demo-customers=3600"}).demo_customers_per_hour == 3600);
  CHECK(parse({"--root", "web", "--demo", "--demo-customers", "3601"}).error.find("from 0 to 3600") != std::string::npos);
  CHECK(parse({"--root", "web", "--demo", "--demo-customers", "lots"}).error.find("got 'lots'") != std::string::npos);
  CHECK(parse({"--root", "web", "--demo-customers", "90"}).error.find("needs --demo") != std::string::npos);
  CHECK(parse({"--root", "web", "--demo-customers", "0"}).error.empty());
}

TEST_CASE("cli: backup <path> copies the database and takes --db only") {
  CliOptions const options = parse({"backup", "/tmp/copy.db", "--db", "relay.db"});
  CHECK(options.error.empty());
  CHECK(options.backup_path == "/tmp/copy.db");
  CHECK(options.db_path == "relay.db");
  CHECK(parse({"backup"}).error == "backup needs the path to write the copy to");
  CHECK(parse({"backup", "--db", "x"}).error == "backup needs the path to write the copy to");
  CHECK(parse({"backup", "copy.db", "--root", "web"}).error == "backup takes --db only");
}

TEST_CASE("cli: the WhatsApp Cloud API flags, each needing a value") {
  CliOptions const defaults = parse({"--root", "web"});
  CHECK_FALSE(defaults.whatsapp_app_secret.has_value());
  CHECK_FALSE(defaults.whatsapp_verify_token.has_value());
  CHECK_FALSE(defaults.whatsapp_graph_url.has_value());
  CHECK_FALSE(defaults.whatsapp_access_token.has_value());
  CliOptions const options = parse({"--root", "web", "--whatsapp-app-secret", "s3cret", "--whatsapp-verify-token=tok",
                                    "--whatsapp-graph-url", "http://127.0.0.1:9000/v19.0",
                                    "--whatsapp-access-token", "EAAB"});
  CHECK(options.error.empty());
  CHECK(options.whatsapp_app_secret == "s3cret");
  CHECK(options.whatsapp_verify_token == "tok");
  CHECK(options.whatsapp_graph_url == "http://127.0.0.1:9000/v19.0");
  CHECK(options.whatsapp_access_token == "EAAB");
  CHECK(parse({"--root", "web", "--whatsapp-app-secret"}).error == "--whatsapp-app-secret needs a value");
  CHECK(parse({"--root", "web", "--whatsapp-verify-token="}).error == "--whatsapp-verify-token needs a value");
}

// One blocking POST to the Graph API (or, for the demo's customers, to the relay's own webhook) with Boost.Beast:
// plain http, or https with the server's certificate checked against the system's CAs (or a CA file) and the
// host name, as Meta's graph.facebook.com needs.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace inbox::relay::whatsapp {

struct GraphEndpoint {
  std::string host;
  std::string port;
  std::string base_path;  // "/v19.0", or empty; never ends in '/'
  bool tls = false;       // https
  std::string ca_file;    // https: the CAs to trust (PEM); empty: the system's
};

// "http://host[:port][/base]" or "https://host[:port][/base]"; nullopt for anything else.
std::optional<GraphEndpoint> parse_graph_url(std::string_view url);

struct GraphReply {
  int status = 0;              // the HTTP status; 0: no answer (connect, write, read failed or timed out)
  std::string body;
  std::string transport_error;  // status 0 only
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// POST <base_path><path> with a JSON body and `headers`; the whole exchange within `timeout`.
GraphReply post_json(const GraphEndpoint& endpoint, std::string_view path, const HttpHeaders& headers,
                     std::string_view body, std::chrono::milliseconds timeout);

// The Graph API's form: "Authorization: Bearer <token>".
GraphReply post_to_graph(const GraphEndpoint& endpoint, std::string_view path, std::string_view token,
                         std::string_view body, std::chrono::milliseconds timeout);

}  // namespace inbox::relay::whatsapp

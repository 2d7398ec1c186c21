// https to the Graph API: the relay checks the server's certificate and its name before it sends a token.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "server-stub/whatsapp/graph_client.h"
#include "tests/unit/relay/fake_graph.h"

using namespace inbox::relay::whatsapp;
using inbox::relay::test::FakeGraph;
using inbox::relay::test::SelfSigned;

namespace {

constexpr std::chrono::milliseconds kTimeout{5000};
const std::string kBody = R"({"messaging_product":"whatsapp","to":"5511987650001","type":"text","text":{"body":"Oi"}})";

GraphEndpoint endpoint_of(const FakeGraph& graph, const std::string& host, const std::string& ca_file) {
  GraphEndpoint endpoint = *parse_graph_url(graph.url(host));
  endpoint.ca_file = ca_file;
  return endpoint;
}

}  // namespace

TEST_CASE("graph client: https to a server whose certificate the CA file vouches for, by name") {
  const SelfSigned certificate("DNS:localhost");
  REQUIRE_MESSAGE(certificate.made, "the openssl tool could not make a certificate");
  FakeGraph graph({}, &certificate);
  const GraphEndpoint endpoint = endpoint_of(graph, "localhost", certificate.cert);
  REQUIRE(endpoint.tls);

  const GraphReply reply = post_to_graph(endpoint, "/5511400000000/messages", "token-1", kBody, kTimeout);
  CHECK_MESSAGE(reply.status == 200, reply.transport_error);
  CHECK(reply.body.find("wamid.OUT1") != std::string::npos);
  REQUIRE(graph.received().size() == 1);
  CHECK(graph.received()[0].target == "/v19.0/5511400000000/messages");
  CHECK(graph.received()[0].authorization == "Bearer token-1");
  CHECK(graph.received()[0].body == kBody);
}

TEST_CASE("graph client: a certificate nobody vouches for, or for another name, gets nothing sent") {
  const SelfSigned certificate("DNS:localhost");
  REQUIRE(certificate.made);
  FakeGraph graph({}, &certificate);

  SUBCASE("the system's CAs do not know a self-signed certificate") {
    const GraphReply reply = post_to_graph(endpoint_of(graph, "localhost", ""), "/1/messages", "token-1", kBody, kTimeout);
    CHECK(reply.status == 0);
    CHECK(reply.transport_error.find("tls handshake") == 0);
  }
  SUBCASE("the certificate names localhost, the client asked for 127.0.0.1") {
    const GraphReply reply =
        post_to_graph(endpoint_of(graph, "127.0.0.1", certificate.cert), "/1/messages", "token-1", kBody, kTimeout);
    CHECK(reply.status == 0);
    CHECK(reply.transport_error.find("tls handshake") == 0);
  }
  SUBCASE("a CA file that is not there") {
    const GraphReply reply =
        post_to_graph(endpoint_of(graph, "localhost", "/nonexistent/ca.pem"), "/1/messages", "token-1", kBody, kTimeout);
    CHECK(reply.status == 0);
    CHECK(reply.transport_error.find("tls: the CAs to trust") == 0);
  }
  CHECK(graph.received().empty());
}

TEST_CASE("graph client: plain http still works against the same fake") {
  FakeGraph graph;
  const GraphReply reply = post_to_graph(*parse_graph_url(graph.url()), "/1/messages", "token-1", kBody, kTimeout);
  CHECK(reply.status == 200);
  CHECK(graph.received().size() == 1);
}

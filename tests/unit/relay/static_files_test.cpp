#include "server-stub/static_files.h"

#include <doctest/doctest.h>

#include <string>

using inbox::relay::percent_decode;
using inbox::relay::resolve_target;
using inbox::relay::TargetError;

namespace {

constexpr char const* root = "/srv/web";

std::string resolved(char const* target) {
  auto const file = resolve_target(root, target);
  REQUIRE_MESSAGE(file.ok(), "target refused: " << target);
  return file.path;
}

TargetError refusal(std::string const& target) { return resolve_target(root, target).error; }

}  // namespace

TEST_CASE("paths: '/' and directories serve their index.html") {
  CHECK(resolved("/") == "/srv/web/index.html");
  CHECK(resolved("/docs/") == "/srv/web/docs/index.html");
  CHECK(resolved("/index.html") == "/srv/web/index.html");
}

TEST_CASE("paths: files and nested files map under the root") {
  CHECK(resolved("/inbox.wasm") == "/srv/web/inbox.wasm");
  CHECK(resolved("/fonts/DejaVuSans.ttf") == "/srv/web/fonts/DejaVuSans.ttf");
}

TEST_CASE("paths: a root with a trailing slash gets no double slash") {
  CHECK(resolve_target("/srv/web/", "/app.js").path == "/srv/web/app.js");
}

TEST_CASE("paths: query strings and fragments are not part of the file name") {
  CHECK(resolved("/inbox.js?v=42") == "/srv/web/inbox.js");
  CHECK(resolved("/?demo=1") == "/srv/web/index.html");
  CHECK(resolved("/index.html#chat-7") == "/srv/web/index.html");
  CHECK(resolved("/a.js?next=/../../etc/passwd") == "/srv/web/a.js");
}

TEST_CASE("paths: percent-escapes are decoded once") {
  CHECK(resolved("/hello%20world.txt") == "/srv/web/hello world.txt");
  CHECK(resolved("/%41pp.js") == "/srv/web/App.js");
  CHECK(resolved("/S%C3%A3o.txt") == "/srv/web/S\xC3\xA3o.txt");
  CHECK(resolved("/what%3F.txt") == "/srv/web/what?.txt");
  // Decoded once only: "%252e%252e" is the literal name "%2e%2e", which stays inside the root.
  CHECK(resolved("/%252e%252e/x") == "/srv/web/%2e%2e/x");
}

TEST_CASE("paths: the absolute form a proxy sends resolves like the origin form") {
  CHECK(resolved("http://relay.example:8080/app.js") == "/srv/web/app.js");
  CHECK(resolved("http://relay.example") == "/srv/web/index.html");
}

TEST_CASE("paths: '..' in any spelling is refused") {
  for (char const* target : {"/..", "/../etc/passwd", "/a/../../etc/passwd", "/a/..", "/%2e%2e/%2e%2e/etc/passwd",
                             "/%2E%2E/etc/passwd", "/.%2e/etc/passwd", "/%2e./etc/passwd",
                             "/a/%2e%2e%2f%2e%2e%2fetc/passwd", "/..%2fetc/passwd", "/..%2Fetc/passwd",
                             "http://relay.example/../etc/passwd"}) {
    CAPTURE(target);
    CHECK(refusal(target) == TargetError::forbidden);
  }
}

TEST_CASE("paths: '.' segments are refused rather than normalized") {
  CHECK(refusal("/./index.html") == TargetError::forbidden);
  CHECK(refusal("/a/./b.js") == TargetError::forbidden);
  CHECK(refusal("/%2e/index.html") == TargetError::forbidden);
}

TEST_CASE("paths: backslashes are refused, literal or encoded") {
  CHECK(refusal("/..\\etc\\passwd") == TargetError::forbidden);
  CHECK(refusal("/a\\b.js") == TargetError::forbidden);
  CHECK(refusal("/%5c..%5cetc") == TargetError::forbidden);
  CHECK(refusal("/..%5Cetc") == TargetError::forbidden);
}

TEST_CASE("paths: NUL and control bytes are refused (a NUL would cut the name short in open())") {
  CHECK(refusal("/index.html%00.png") == TargetError::forbidden);
  CHECK(refusal(std::string("/index.html\0.png", 16)) == TargetError::forbidden);
  CHECK(refusal("/a%0a.js") == TargetError::forbidden);
  CHECK(refusal("/a%7f.js") == TargetError::forbidden);
}

TEST_CASE("paths: absolute paths and empty segments are refused") {
  CHECK(refusal("//etc/passwd") == TargetError::forbidden);
  CHECK(refusal("/%2fetc/passwd") == TargetError::forbidden);
  CHECK(refusal("/%2Fetc/passwd") == TargetError::forbidden);
  CHECK(refusal("/a//b.js") == TargetError::forbidden);
}

TEST_CASE("paths: targets that are not a path are malformed, not forbidden") {
  for (char const* target : {"", "index.html", "*", "?x=1", "/%", "/%2", "/a%zz.js", "/%2g", "/%%41"}) {
    CAPTURE(target);
    CHECK(refusal(target) == TargetError::malformed);
  }
}

TEST_CASE("paths: a refusal carries no path that could be opened by mistake") {
  auto const file = resolve_target(root, "/../etc/passwd");
  CHECK_FALSE(file.ok());
  CHECK(file.path.empty());
}

TEST_CASE("percent_decode: escapes in either case, everything else verbatim") {
  CHECK(percent_decode("a%2Fb%2fc") == std::string("a/b/c"));
  CHECK(percent_decode("a+b") == std::string("a+b"));
  CHECK(percent_decode("") == std::string());
  CHECK(percent_decode("%00") == std::string(1, '\0'));
  CHECK(percent_decode("%ff") == std::string(1, '\xff'));
}

TEST_CASE("percent_decode: a truncated or non-hex escape is an error") {
  CHECK_FALSE(percent_decode("%").has_value());
  CHECK_FALSE(percent_decode("abc%4").has_value());
  CHECK_FALSE(percent_decode("%g0").has_value());
  CHECK_FALSE(percent_decode("%0g").has_value());
}

#include "server-stub/mime_types.h"

#include <doctest/doctest.h>

using inbox::relay::mime_type;
using inbox::relay::must_revalidate;

TEST_CASE("mime: the browser gets application/wasm, or it refuses to stream-compile the app") {
  CHECK(mime_type("app.wasm") == "application/wasm");
  CHECK(mime_type("/srv/web/inbox.wasm") == "application/wasm");
}

TEST_CASE("mime: every file type the web build ships") {
  CHECK(mime_type("index.html") == "text/html; charset=utf-8");
  CHECK(mime_type("inbox.js") == "text/javascript; charset=utf-8");
  CHECK(mime_type("style.css") == "text/css; charset=utf-8");
  CHECK(mime_type("config.json") == "application/json");
  CHECK(mime_type("icon.png") == "image/png");
  CHECK(mime_type("logo.svg") == "image/svg+xml");
  CHECK(mime_type("favicon.ico") == "image/x-icon");
  CHECK(mime_type("DejaVuSans.ttf") == "font/ttf");
  CHECK(mime_type("font.woff2") == "font/woff2");
  CHECK(mime_type("inbox.data") == "application/octet-stream");
  CHECK(mime_type("robots.txt") == "text/plain; charset=utf-8");
  CHECK(mime_type("manifest.webmanifest") == "application/manifest+json");
}

TEST_CASE("mime: extensions match whatever their case") {
  CHECK(mime_type("APP.WASM") == "application/wasm");
  CHECK(mime_type("Index.Html") == "text/html; charset=utf-8");
}

TEST_CASE("mime: unknown, missing or directory-only extensions are opaque bytes") {
  CHECK(mime_type("setup.exe") == "application/octet-stream");
  CHECK(mime_type("README") == "application/octet-stream");
  CHECK(mime_type("v1.2/README") == "application/octet-stream");
  CHECK(mime_type("archive.") == "application/octet-stream");
  CHECK(mime_type("") == "application/octet-stream");
  CHECK(mime_type("page.html.bak") == "application/octet-stream");
}

TEST_CASE("cache: a rebuilt app is picked up: entry page, code and data are revalidated on every load") {
  CHECK(must_revalidate("index.html"));
  CHECK(must_revalidate("web/inbox.js"));
  CHECK(must_revalidate("web/inbox.wasm"));
  CHECK(must_revalidate("web/inbox.data"));
  CHECK(must_revalidate("INBOX.JS"));
}

TEST_CASE("cache: fonts and images keep the browser's normal caching") {
  CHECK_FALSE(must_revalidate("DejaVuSans.ttf"));
  CHECK_FALSE(must_revalidate("icon.png"));
  CHECK_FALSE(must_revalidate("README"));
}

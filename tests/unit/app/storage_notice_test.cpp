#include "app/storage_notice.h"

#include <doctest/doctest.h>

#include "shell_fixture.h"

using namespace inbox;
using namespace inbox::test;

TEST_CASE("while the demo cannot be saved, a notice across the top says so and that changes last until reload") {
  ShellFixture f;
  CHECK_FALSE(f.shows("##storage_notice"));
  f.shell.demo.storage_failure = Error{ErrorCode::storage_write_failed, "This browser refused to store the demo (storage full or blocked)."};
  f.frame();
  f.frame();
  const ui::LocatedItem* notice = f.find("##storage_notice");
  REQUIRE(notice != nullptr);
  const ui::LocatedItem* detail = f.find_prefix("This browser refused to store the demo");
  REQUIRE(detail != nullptr);
  CHECK(detail->label.find("lasts only until the page is reloaded") != std::string::npos);
  // The inbox still works below it.
  const ui::LocatedItem* row = f.row("Lucía Fernández");
  REQUIRE(row != nullptr);
  CHECK(row->min.y > detail->max.y);
  f.clock.now_ms += 2 * ui::kToastShownMs;
  f.frame();
  CHECK(f.shows("##storage_notice"));  // it stays, unlike a toast
  CHECK(f.shell.toasts.shown.empty());
}

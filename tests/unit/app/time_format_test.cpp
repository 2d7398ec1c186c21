#include "app/time_format.h"

#include <doctest/doctest.h>

using inbox::ui::format_date_time;
using inbox::ui::format_duration;
using inbox::ui::format_list_time;
using inbox::ui::LocalClock;

namespace {
constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kWed_2024_05_29_1200_utc = 1'716'984'000'000;
}  // namespace

TEST_CASE("dates and times are shown in the viewer's time zone") {
  const LocalClock utc{kWed_2024_05_29_1200_utc, 0};
  const LocalClock sao_paulo{kWed_2024_05_29_1200_utc, -180};
  CHECK(format_date_time(kWed_2024_05_29_1200_utc, utc) == "2024-05-29 12:00");
  CHECK(format_date_time(kWed_2024_05_29_1200_utc, sao_paulo) == "2024-05-29 09:00");
  CHECK(format_date_time(kWed_2024_05_29_1200_utc - 13 * kHour, sao_paulo) == "2024-05-28 20:00");
  CHECK(format_date_time(0, utc) == "1970-01-01 00:00");
  CHECK(format_date_time(951'782'400'000, utc) == "2000-02-29 00:00");  // a leap day
}

TEST_CASE("the list shows the time today, 'Yesterday', a weekday, then the date") {
  const LocalClock clock{kWed_2024_05_29_1200_utc, 0};
  CHECK(format_list_time(kWed_2024_05_29_1200_utc - 2 * kHour, clock) == "10:00");
  CHECK(format_list_time(kWed_2024_05_29_1200_utc - 13 * kHour, clock) == "Yesterday");
  CHECK(format_list_time(kWed_2024_05_29_1200_utc - 2 * 24 * kHour, clock) == "Mon");
  CHECK(format_list_time(kWed_2024_05_29_1200_utc - 10 * 24 * kHour, clock) == "2024-05-19");
}

TEST_CASE("midnight moves with the time zone: 02:00 UTC is still yesterday evening in São Paulo") {
  const int64_t at = kWed_2024_05_29_1200_utc - 10 * kHour;  // 02:00 UTC = 23:00 the day before in São Paulo
  CHECK(format_list_time(at, LocalClock{kWed_2024_05_29_1200_utc, 0}) == "02:00");
  CHECK(format_list_time(at, LocalClock{kWed_2024_05_29_1200_utc, -180}) == "Yesterday");
}

TEST_CASE("durations read like a countdown") {
  CHECK(format_duration(45'000) == "45 s");
  CHECK(format_duration(12 * kMinute) == "12 min");
  CHECK(format_duration(3 * kHour + 20 * kMinute) == "3 h 20 min");
  CHECK(format_duration(-5) == "0 s");
}

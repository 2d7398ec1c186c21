#include "app/time_format.h"

#include "app/i18n.h"

#include <cstdio>

namespace inbox::ui {
namespace {

constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kDayMs = 24 * 60 * kMinuteMs;

struct CivilTime {
  int64_t day = 0;  // days since 1970-01-01 in local time
  int year = 1970, month = 1, day_of_month = 1, hour = 0, minute = 0;
};

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Howard Hinnant's civil_from_days: exact for every date, no time-zone database needed.
CivilTime to_civil(int64_t at_ms, int utc_offset_minutes) {
  const int64_t local_ms = at_ms + static_cast<int64_t>(utc_offset_minutes) * kMinuteMs;
  CivilTime t;
  t.day = floor_div(local_ms, kDayMs);
  const int64_t minute_of_day = (local_ms - t.day * kDayMs) / kMinuteMs;
  t.hour = static_cast<int>(minute_of_day / 60);
  t.minute = static_cast<int>(minute_of_day % 60);
  const int64_t z = t.day + 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  t.day_of_month = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = static_cast<int>(yoe + era * 400 + (t.month <= 2 ? 1 : 0));
  return t;
}

}  // namespace

std::string format_list_time(int64_t at_ms, const LocalClock& clock) {
  const CivilTime at = to_civil(at_ms, clock.utc_offset_minutes);
  const CivilTime now = to_civil(clock.now_ms, clock.utc_offset_minutes);
  char text[32];
  const int64_t days_ago = now.day - at.day;
  if (days_ago <= 0) {
    std::snprintf(text, sizeof(text), "%02d:%02d", at.hour, at.minute);
  } else if (days_ago == 1) {
    return tr("Yesterday");
  } else if (days_ago < 7) {
    static constexpr const char* kWeekdays[] = {N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed")};  // 1970-01-01 was a Thursday
    return tr(kWeekdays[((at.day % 7) + 7) % 7]);
  } else {
    std::snprintf(text, sizeof(text), "%04d-%02d-%02d", at.year, at.month, at.day_of_month);
  }
  return text;
}

std::string format_date_time(int64_t at_ms, const LocalClock& clock) {
  const CivilTime at = to_civil(at_ms, clock.utc_offset_minutes);
  char text[32];
  std::snprintf(text, sizeof(text), "%04d-%02d-%02d %02d:%02d", at.year, at.month, at.day_of_month, at.hour, at.minute);
  return text;
}

std::string format_duration(int64_t duration_ms) {
  if (duration_ms < 0) duration_ms = 0;
  const int64_t seconds = duration_ms / 1000;
  char text[32];
  if (seconds < 60) {
    std::snprintf(text, sizeof(text), "%lld s", static_cast<long long>(seconds));
  } else if (seconds < 3600) {
    std::snprintf(text, sizeof(text), "%lld min", static_cast<long long>(seconds / 60));
  } else {
    std::snprintf(text, sizeof(text), "%lld h %lld min", static_cast<long long>(seconds / 3600),
                  static_cast<long long>((seconds % 3600) / 60));
  }
  return text;
}

LocalDateTime to_local(int64_t at_ms, const LocalClock& clock) {
  const CivilTime t = to_civil(at_ms, clock.utc_offset_minutes);
  return LocalDateTime{t.year, t.month, t.day_of_month, t.hour, t.minute};
}

std::optional<int64_t> from_local(const LocalDateTime& local, const LocalClock& clock) {
  if (local.month < 1 || local.month > 12 || local.day < 1 || local.day > 31 || local.hour < 0 || local.hour > 23 ||
      local.minute < 0 || local.minute > 59 || local.year < 1970 || local.year > 9999) {
    return std::nullopt;
  }
  // Howard Hinnant's days_from_civil, the inverse of to_civil.
  const int64_t y = local.year - (local.month <= 2 ? 1 : 0);
  const int64_t era = floor_div(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t mp = local.month > 2 ? local.month - 3 : local.month + 9;
  const int64_t doy = (153 * mp + 2) / 5 + local.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const int64_t days = era * 146097 + doe - 719468;
  const int64_t at_ms = days * kDayMs + (local.hour * 60 + local.minute - clock.utc_offset_minutes) * kMinuteMs;
  const CivilTime back = to_civil(at_ms, clock.utc_offset_minutes);
  if (back.day_of_month != local.day || back.month != local.month) return std::nullopt;  // 31 April
  return at_ms;
}

}  // namespace inbox::ui

// Dates and times as agents read them in a list and a chat, in the viewer's time zone. The core keeps UTC
// milliseconds; the platform says what "now" is and how far the local zone is from UTC.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace inbox::ui {

struct LocalClock {
  int64_t now_ms = 0;
  int utc_offset_minutes = 0;  // e.g. -180 for São Paulo
};

// "14:05" today, "Yesterday", "Mon" within the week, "2024-05-29" before that.
std::string format_list_time(int64_t at_ms, const LocalClock& clock);

// "2024-05-29 14:05": what a chat bubble and an "Overdue:" label show.
std::string format_date_time(int64_t at_ms, const LocalClock& clock);

// "3 h 20 min", "12 min", "45 s": a duration as a countdown shows it.
std::string format_duration(int64_t duration_ms);

// A wall-clock date and time in the viewer's zone, as a date picker edits it.
struct LocalDateTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
};
LocalDateTime to_local(int64_t at_ms, const LocalClock& clock);
// The UTC instant of a local date and time (with the clock's current offset); nullopt when it is no real
// date or time (31 April, 24:00).
std::optional<int64_t> from_local(const LocalDateTime& local, const LocalClock& clock);

}  // namespace inbox::ui

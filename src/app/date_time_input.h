// A date and time typed in the viewer's zone (day / month / year  hour : minute), as the custom reminder
// and a scheduled campaign ask for it. The core refuses a time that has passed; this only says whether the
// fields make a real date and time.
#pragma once
#include <cstdint>
#include <optional>

#include "app/time_format.h"

namespace inbox::ui {

// "<label> (UTC-03:00)" over the five fields, ids "##<id>_day" ... "##<id>_minute"; the UTC instant, or
// nullopt when the fields are no real date and time (then a warning says so).
std::optional<int64_t> draw_date_time_input(const char* label, const char* id, LocalDateTime& at,
                                            const LocalClock& clock);

}  // namespace inbox::ui

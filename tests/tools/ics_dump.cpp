// Reads an iCalendar document on stdin with libical and prints one line per event:
// UID, SUMMARY, DTSTART (UTC, as libical reads it) and LOCATION, tab-separated. Exits 1 when libical
// cannot parse the document or finds no calendar. Used by tests/api to check the feeds.
#include <libical/ical.h>

#include <iostream>
#include <iterator>
#include <string>

int main() {
    const std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    icalcomponent* calendar = icalparser_parse_string(text.c_str());
    if (!calendar || icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT) {
        std::cerr << "ics_dump: not an iCalendar document\n";
        return 1;
    }
    if (icalcomponent_count_errors(calendar) > 0) {
        std::cerr << "ics_dump: libical reports errors\n";
        return 1;
    }
    for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        const char* uid = icalcomponent_get_uid(e);
        const char* summary = icalcomponent_get_summary(e);
        const char* location = icalcomponent_get_location(e);
        const icaltimetype start = icalcomponent_get_dtstart(e);
        std::cout << (uid ? uid : "") << '\t' << (summary ? summary : "") << '\t' << icaltime_as_ical_string(start)
                  << '\t' << (location ? location : "") << '\n';
    }
    icalcomponent_free(calendar);
    return 0;
}

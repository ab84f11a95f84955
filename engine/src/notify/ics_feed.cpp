#include "notify/ics_feed.h"

#include <cstdio>

namespace koop::notify {
namespace {

constexpr const char* kVTimezone[] = {"BEGIN:VTIMEZONE",
                                      "TZID:Europe/Warsaw",
                                      "BEGIN:DAYLIGHT",
                                      "TZOFFSETFROM:+0100",
                                      "TZOFFSETTO:+0200",
                                      "TZNAME:CEST",
                                      "DTSTART:19700329T020000",
                                      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                                      "END:DAYLIGHT",
                                      "BEGIN:STANDARD",
                                      "TZOFFSETFROM:+0200",
                                      "TZOFFSETTO:+0100",
                                      "TZNAME:CET",
                                      "DTSTART:19701025T030000",
                                      "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                                      "END:STANDARD",
                                      "END:VTIMEZONE"};

std::string Compact(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

std::string UtcStamp(TimeMs t) {
  std::string s = FormatInstantUtc(t);  // 2026-11-23T09:00:00Z
  std::string out;
  for (char c : s) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

}  // namespace

void AppendFolded(std::string& out, const std::string& line) {
  size_t width = 0;  // octets on the current physical line
  for (size_t i = 0; i < line.size();) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line, i, len);
    width += len;
    i += len;
  }
  out += "\r\n";
}

std::string EscapeIcsText(const std::string& text) {
  // RFC 5545 3.3.11: backslash, semicolon and comma escaped, a line break as "\n" (CRLF, LF and a
  // lone CR alike); every other control character (CONTROL excludes only HTAB) becomes a space,
  // so no value can end a content line or start a property of its own.
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += '\t';
        break;
      default:
        out += c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c);
    }
  }
  return out;
}

std::string StableUid(const std::string& instance_id, const std::string& deadline_id,
                      long long occurrence) {
  std::string raw = instance_id + "-" + deadline_id + "-" + std::to_string(occurrence);
  std::string out;
  for (unsigned char c : raw) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "_%02X", c);
      out += buf;
    }
  }
  return out + "@kooperacja";
}

std::string BuildIcsFeed(const std::vector<FeedEntry>& entries) {
  std::string out;
  for (const char* line :
       {"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kooperacja//koop//PL", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", "X-WR-CALNAME:Terminy – Kooperacja", "X-WR-TIMEZONE:Europe/Warsaw"}) {
    AppendFolded(out, line);
  }
  for (const char* line : kVTimezone) AppendFolded(out, line);
  for (const FeedEntry& e : entries) {
    AppendFolded(out, "BEGIN:VEVENT");
    AppendFolded(out, "UID:" + e.uid);
    AppendFolded(out, "DTSTAMP:" + UtcStamp(e.stamp));
    AppendFolded(out, "DTSTART;VALUE=DATE:" + Compact(e.due_date));
    AppendFolded(out, "DTEND;VALUE=DATE:" + Compact(e.due_date.AddDays(1)));
    AppendFolded(
        out, "SUMMARY:" + EscapeIcsText("Termin: " + e.task + " (sprawa " + e.case_number + ")"));
    AppendFolded(out, "DESCRIPTION:" + EscapeIcsText("Sprawa: " + e.case_number +
                                                     "\nEtap: " + e.stage + "\nZadanie: " + e.task +
                                                     "\nTermin: " + e.due_date.ToString()));
    AppendFolded(out, "TRANSP:TRANSPARENT");
    if (e.alarm_days > 0) {
      AppendFolded(out, "BEGIN:VALARM");
      AppendFolded(out, "ACTION:DISPLAY");
      AppendFolded(out, "DESCRIPTION:" + EscapeIcsText("Termin: " + e.task));
      AppendFolded(out, "TRIGGER:-P" + std::to_string(e.alarm_days) + "D");
      AppendFolded(out, "END:VALARM");
    }
    AppendFolded(out, "END:VEVENT");
  }
  AppendFolded(out, "END:VCALENDAR");
  return out;
}

}  // namespace koop::notify

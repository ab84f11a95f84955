#include "scenario/scenario_mail.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace koop::scenario {
namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// "=XX" escapes; in a header word '_' is a space.
std::string DecodeQ(const std::string& s, bool header) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '=' && i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
      out += static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2]));
      i += 2;
    } else if (header && s[i] == '_') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

// RFC 2047 encoded words ("=?UTF-8?Q?...?="); blanks between two encoded words are dropped.
std::string DecodeHeader(const std::string& v) {
  std::string out, pending_blank;
  std::size_t i = 0;
  bool last_encoded = false;
  while (i < v.size()) {
    if (v.compare(i, 2, "=?") == 0) {
      std::size_t q1 = v.find('?', i + 2);
      std::size_t q2 = q1 == std::string::npos ? q1 : v.find('?', q1 + 1);
      std::size_t end = q2 == std::string::npos ? q2 : v.find("?=", q2 + 1);
      if (end != std::string::npos && (v[q1 + 1] == 'Q' || v[q1 + 1] == 'q')) {
        if (!last_encoded) out += pending_blank;
        pending_blank.clear();
        out += DecodeQ(v.substr(q2 + 1, end - q2 - 1), true);
        i = end + 2;
        last_encoded = true;
        continue;
      }
    }
    if (v[i] == ' ' || v[i] == '\t') {
      pending_blank += v[i++];
      continue;
    }
    out += pending_blank;
    pending_blank.clear();
    out += v[i++];
    last_encoded = false;
  }
  return out;
}

}  // namespace

Result<Lines> ReadNewMail(const std::string& dir, int& seen) {
  Lines out;
  for (;; ++seen) {
    char name[32];
    std::snprintf(name, sizeof name, "/%06d.eml", seen + 1);
    std::ifstream in(dir + name, std::ios::binary);
    if (!in) break;
    std::ostringstream raw;
    raw << in.rdbuf();
    std::istringstream text(raw.str());
    std::string line, to, subject, encoding, last;
    std::vector<std::pair<std::string, std::string>> headers;
    while (std::getline(text, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) break;
      if ((line[0] == ' ' || line[0] == '\t') && !headers.empty()) {
        headers.back().second += line;  // folded header: the blank stays (RFC 5322 §2.2.3)
        continue;
      }
      std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value[0] == ' ') value.erase(0, 1);
      headers.emplace_back(line.substr(0, colon), value);
    }
    for (const auto& [k, v] : headers) {
      std::string key;
      for (char c : k) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (key == "to") to = v;
      if (key == "subject") subject = DecodeHeader(v);
      if (key == "content-transfer-encoding") encoding = v;
    }
    std::string body, rest;
    while (std::getline(text, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      rest += line + "\n";
    }
    if (encoding == "quoted-printable") {
      // Soft line breaks ("=" at the end of a line) join lines.
      std::string joined;
      std::istringstream lines(rest);
      while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '=') {
          joined += line.substr(0, line.size() - 1);
        } else {
          joined += line + "\n";
        }
      }
      body = DecodeQ(joined, false);
    } else {
      body = rest;
    }
    while (!body.empty() && body.back() == '\n') body.pop_back();
    out.push_back("to " + to);
    out.push_back("subject: " + subject);
    std::istringstream b(body);
    while (std::getline(b, line)) out.push_back(line.empty() ? "|" : "| " + line);
  }
  return out;
}

}  // namespace koop::scenario

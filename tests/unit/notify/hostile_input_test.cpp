// Hostile input that reaches e-mail headers and calendar lines, grouped by class. Each case names
// the failure it guards against. Real parts: the SMTP server on loopback, libxml2 loaders.
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "model/loader.h"
#include "municipality/municipality.h"
#include "notify/channel.h"
#include "notify/ics_feed.h"
#include "smtp_fixture.h"

namespace koop::notify {
namespace {

std::string ReadSource(const std::string& rel) {
  std::ifstream in(std::string(KOOP_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture text not found: " + from);
  return text.replace(at, from.size(), to);
}

SmtpSettings Settings(const testing::SmtpServer& server) {
  SmtpSettings s;
  s.host = "127.0.0.1";
  s.port = server.port();
  s.user = "koop";
  s.password = "sekret";
  s.from = "kooperacja@ops.example.pl";
  s.cafile = server.cafile();
  s.timeout_seconds = 10;
  return s;
}

// ---- Class 1: CR/LF in values sent as SMTP headers or envelope --------------------------------

BOOST_AUTO_TEST_SUITE(HeaderInjectionAtSending)

// Guards against: a recipient "a@x\r\nRCPT TO:<evil>" (a municipality copy stored before
// validation) adding a recipient or a header; it must be refused for good, nothing sent.
BOOST_AUTO_TEST_CASE(RecipientWithLineBreakIsRefusedAndNothingIsSent) {
  testing::SmtpServer server;
  BOOST_REQUIRE_MESSAGE(server.ok(), "the loopback SMTP server did not start");
  auto channel = NewSmtpChannel(Settings(server));
  for (const char* to : {"koordynator@ops.example.pl\r\nRCPT TO:<evil@attacker.example>",
                         "koordynator@ops.example.pl\nBcc: evil@attacker.example",
                         "koordynator@ops.example.pl, evil@attacker.example",
                         "Jan <evil@attacker.example>", "koordynator@ops.example.pl\t"}) {
    Status s = channel->Send({"<r1.test@kooperacja>", to, "Temat", "Treść"});
    BOOST_TEST(s.exit_code() == 65);
    BOOST_TEST(s.message() ==
               "smtp: recipient address of <r1.test@kooperacja> refused (control character, "
               "space or list separator in it)");
  }
  channel->Close();
  BOOST_TEST(server.Message(1).empty());
}

// Guards against: a task title "…\r\nBcc: evil@…" in the subject starting a header of its own.
BOOST_AUTO_TEST_CASE(SubjectLineBreaksBecomeSpaces) {
  testing::SmtpServer server;
  BOOST_REQUIRE_MESSAGE(server.ok(), "the loopback SMTP server did not start");
  auto channel = NewSmtpChannel(Settings(server));
  Status s = channel->Send({"<r2.test@kooperacja>", "koordynator@ops.example.pl",
                            "Przypomnienie\r\nBcc: evil@attacker.example", "Treść"});
  BOOST_REQUIRE_MESSAGE(s.ok(), s.message());
  channel->Close();
  std::string raw = server.Message(1);
  BOOST_REQUIRE(!raw.empty());
  BOOST_TEST(raw.find("\nBcc:") == std::string::npos);
  BOOST_TEST(server.DecodedSubject(1) == "Przypomnienie  Bcc: evil@attacker.example");
  BOOST_TEST(server.Log().find("rcpt=koordynator@ops.example.pl\n") != std::string::npos);
}

// Guards against: a Message-ID with a line break (built from data) ending the header block.
BOOST_AUTO_TEST_CASE(MessageIdWithLineBreakIsRefused) {
  testing::SmtpServer server;
  BOOST_REQUIRE_MESSAGE(server.ok(), "the loopback SMTP server did not start");
  auto channel = NewSmtpChannel(Settings(server));
  Status s = channel->Send(
      {"<r3\r\nBcc: evil@attacker.example>", "koordynator@ops.example.pl", "Temat", "Treść"});
  BOOST_TEST(s.exit_code() == 65);
  BOOST_TEST(s.message() == "smtp: a Message-ID with a control character was refused");
  channel->Close();
  BOOST_TEST(server.Message(1).empty());
}

BOOST_AUTO_TEST_SUITE_END()

// ---- Class 2: line breaks and control characters in .ics text --------------------------------

BOOST_AUTO_TEST_SUITE(IcsTextInjection)

// Guards against: a title with CR, CRLF or other control characters ending a content line so that
// the rest ("ATTENDEE:…") became a property of its own (RFC 5545 3.3.11 escaping).
BOOST_AUTO_TEST_CASE(LineBreaksAreEscapedAndControlsRemoved) {
  BOOST_TEST(EscapeIcsText("a\r\nATTENDEE:mailto:evil@x") == "a\\nATTENDEE:mailto:evil@x");
  BOOST_TEST(EscapeIcsText("a\rATTENDEE") == "a\\nATTENDEE");
  BOOST_TEST(EscapeIcsText("a\nb") == "a\\nb");
  BOOST_TEST(EscapeIcsText(std::string("a\x0b\x00\x1b\x7f"
                                       "b",
                                       6)) == "a    b");
  BOOST_TEST(EscapeIcsText("a;b,c\\d\te") == "a\\;b\\,c\\\\d\te");
}

BOOST_AUTO_TEST_CASE(AFeedWithHostileTitlesKeepsEveryLineItsOwn) {
  FeedEntry e;
  e.uid = "case-1-t-1@kooperacja";
  e.case_number = "MOPS/2027/003";
  e.task = "Zadanie\r\nATTENDEE:mailto:evil@attacker.example\rEND:VEVENT\nBEGIN:VEVENT";
  e.stage = "Etap\x0b";
  e.due_date = Date{2027, 1, 4};
  e.alarm_days = 2;
  std::string feed = BuildIcsFeed({e});
  std::istringstream in(feed);
  int begins = 0;
  for (std::string line; std::getline(in, line, '\n');) {
    BOOST_TEST((!line.empty() && line.back() == '\r'), "every line ends in CRLF: " << line);
    BOOST_TEST(line.rfind("ATTENDEE", 0) != 0);
    if (line == "BEGIN:VEVENT\r") ++begins;
    for (unsigned char c : line.substr(0, line.size() - 1)) BOOST_TEST((c >= 0x20 || c == '\t'));
  }
  BOOST_TEST(begins == 1);
}

BOOST_AUTO_TEST_SUITE_END()

// ---- Class 3: values refused when the municipality or workflow file is read ------------------

BOOST_AUTO_TEST_SUITE(InjectionRefusedAtValidation)

struct TempFile {
  std::string path = Poco::TemporaryFile::tempName() + ".xml";
  explicit TempFile(const std::string& text) { std::ofstream(path, std::ios::binary) << text; }
  ~TempFile() { Poco::File(path).remove(); }
};

// Guards against: email="…&#13;&#10;RCPT TO:…" in a municipality file injecting a recipient into
// every reminder of its cases; refused at load with file:line:col, the value not quoted.
BOOST_AUTO_TEST_CASE(MunicipalityEmailWithCharacterReferenceLineBreak) {
  std::string town = ReadSource("tests/scenario/remind/data/remindtown.xml");
  TempFile f(
      Replace(town, R"(email="koordynator@przypomnienia.example")",
              R"(email="koordynator@przypomnienia.example&#13;&#10;RCPT TO:&lt;evil@x&gt;")"));
  auto m = municipality::LoadMunicipality(f.path);
  BOOST_REQUIRE(!m.ok());
  BOOST_TEST(m.status().exit_code() == 65);
  BOOST_TEST(
      m.status().message().find(f.path + ":14:7: attribute 'email' of <contact> contains "
                                         "the control character U+000D (line breaks and control "
                                         "characters are not allowed)") != std::string::npos,
      m.status().message());
  BOOST_TEST(m.status().message().find("evil") == std::string::npos);
}

// Guards against: a contact's name with a line break (it is personal: refused, never quoted).
BOOST_AUTO_TEST_CASE(MunicipalityNameWithControlCharacterIsNamedNotQuoted) {
  std::string town = ReadSource("tests/scenario/remind/data/remindtown.xml");
  TempFile f(Replace(town, R"(name="Anna Koordynatorka")", R"(name="Anna&#10;Koordynatorka")"));
  auto m = municipality::LoadMunicipality(f.path);
  BOOST_REQUIRE(!m.ok());
  BOOST_TEST(
      m.status().message().find(f.path + ":14:7: attribute 'name' of <contact> contains "
                                         "the control character U+000A") != std::string::npos,
      m.status().message());
  BOOST_TEST(m.status().message().find("Koordynatorka") == std::string::npos);
}

// Guards against: more than one address (or a display name) in one email attribute.
BOOST_AUTO_TEST_CASE(MunicipalityEmailMustBeOneAddress) {
  std::string town = ReadSource("tests/scenario/remind/data/remindtown.xml");
  for (const char* bad : {"a@x.example, evil@attacker.example", "Anna &lt;a@x.example&gt;",
                          "a@x.example;evil@attacker.example", "no-at-sign.example"}) {
    TempFile f(Replace(town, R"(email="koordynator@przypomnienia.example")",
                       std::string("email=\"") + bad + "\""));
    auto m = municipality::LoadMunicipality(f.path);
    BOOST_REQUIRE(!m.ok());
    BOOST_TEST(
        m.status().message().find(f.path + ":14:7: attribute 'email' of <contact> is not a single "
                                           "e-mail address (local@domain, no spaces, commas or "
                                           "angle brackets)") != std::string::npos,
        m.status().message());
  }
}

// Guards against: a deadline title with &#13;&#10; reaching reminder subjects and .ics lines.
BOOST_AUTO_TEST_CASE(WorkflowTitleWithLineBreakIsRefused) {
  std::string chart = ReadSource("tests/scenario/remind/data/remindcase.xml");
  std::string bad = Replace(chart, R"(title="Wysłanie zaproszeń na posiedzenie GGK")",
                            R"(title="Wysłanie&#13;&#10;Bcc: evil@attacker.example")");
  auto c = model::LoadChartFromString(bad, "remindcase.xml",
                                      std::string(KOOP_SOURCE_DIR) + "/tests/scenario/remind/data");
  BOOST_REQUIRE(!c.ok());
  BOOST_TEST(c.status().exit_code() == 65);
  BOOST_TEST(c.status().message().find("attribute 'title' of <deadline> contains a control "
                                       "character (line breaks and control characters are not "
                                       "allowed)") != std::string::npos,
             c.status().message());
  BOOST_TEST(c.status().message().find("evil") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::notify

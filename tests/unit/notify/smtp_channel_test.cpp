// E-mail against a real SMTP server on loopback: STARTTLS, AUTH PLAIN and LOGIN, UTF-8 subject.
#include <Poco/Net/MailMessage.h>

#include <boost/test/unit_test.hpp>
#include <sstream>

#include "notify/channel.h"
#include "notify/reminder_template.h"
#include "smtp_fixture.h"

namespace koop::notify {
namespace {

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

// Decodes the message as a mail client would.
void Read(const std::string& raw, Poco::Net::MailMessage& mail) {
  std::istringstream in(raw);
  mail.read(in);
}

BOOST_AUTO_TEST_SUITE(SmtpChannelTest)

BOOST_AUTO_TEST_CASE(DeliversOverStartTlsWithAuthPlainAndUtf8Subject) {
  testing::SmtpServer server;
  BOOST_REQUIRE_MESSAGE(server.ok(), "the loopback SMTP server did not start");
  Reminder r;
  r.kind = ReminderKind::kBefore;
  r.case_number = "OPS-2025-0042";
  r.task = "Wysłanie zaproszeń na posiedzenie GGK";
  r.stage = "Posiedzenie Gminnej Grupy Kooperacji";
  r.due_date = Date{2025, 12, 29};
  r.days = 2;
  r.role = "coordinator";
  RenderedText text = ReminderTemplates::Defaults().Render(r);
  auto channel = NewSmtpChannel(Settings(server));
  Status s = channel->Send(
      {"<r1.test@kooperacja>", "koordynator@ops.example.pl", text.subject, text.body});
  BOOST_REQUIRE_MESSAGE(s.ok(), s.message());
  channel->Close();
  std::string raw = server.Message(1);
  BOOST_REQUIRE(!raw.empty());
  Poco::Net::MailMessage mail;
  Read(raw, mail);
  BOOST_TEST(server.DecodedSubject(1) ==
             "Przypomnienie: Wysłanie zaproszeń na posiedzenie GGK – termin 2025-12-29");
  BOOST_TEST(mail.get("Message-ID") == "<r1.test@kooperacja>");
  BOOST_TEST(mail.getContent().find("zadanie „Wysłanie zaproszeń na posiedzenie GGK” należy "
                                    "wykonać do 29 grudnia 2025 r.") != std::string::npos);
  BOOST_TEST(server.Log().find("tls=True auth=True rcpt=koordynator@ops.example.pl") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(AuthLoginWorksAndBadPasswordFails) {
  testing::SmtpServer server;
  BOOST_REQUIRE(server.ok());
  SmtpSettings s = Settings(server);
  s.auth = "login";
  Status login = NewSmtpChannel(s)->Send({"<r2@k>", "a@b.pl", "Test ąę", "treść"});
  BOOST_TEST(login.ok(), login.message());
  s.password = "zle";
  Status bad = NewSmtpChannel(s)->Send({"<r3@k>", "a@b.pl", "x", "y"});
  BOOST_TEST(!bad.ok());
  BOOST_TEST((bad.code() == Code::kIoError));
  BOOST_TEST(server.Message(2).empty());
}

BOOST_AUTO_TEST_CASE(RefusesAnUntrustedCertificate) {
  testing::SmtpServer server;
  BOOST_REQUIRE(server.ok());
  SmtpSettings s = Settings(server);
  s.cafile.clear();  // the self-signed certificate is then not trusted
  Status st = NewSmtpChannel(s)->Send({"<r4@k>", "a@b.pl", "x", "y"});
  BOOST_TEST(!st.ok());
  BOOST_TEST(server.Message(1).empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::notify

// Channels deliver rendered reminders: the log (a line per message on a stream) and e-mail over
// SMTP. An OutgoingMessage is built only from a Reminder and a template (reminder.h), so it holds
// no personal data. A channel reports a failure as a Status; the outbox retries later.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "koop/status.h"

namespace koop::notify {

struct OutgoingMessage {
  std::string message_id;  // "<...@...>", stable for the same reminder
  std::string to;          // an e-mail address, or a role for the log channel
  std::string subject;     // UTF-8
  std::string body;        // UTF-8, LF line ends
};

class Channel {
 public:
  virtual ~Channel() = default;
  virtual Status Send(const OutgoingMessage& message) = 0;
  // Ends a batch (an SMTP channel closes its session). Default: nothing.
  virtual void Close() {}
};

// Writes "reminder <message-id> to <to>: <subject>" a line. Not thread-safe.
std::unique_ptr<Channel> NewLogChannel(std::ostream& out);

struct SmtpSettings {
  std::string host = "localhost";
  int port = 587;
  std::string user;            // empty: no AUTH
  std::string password;        // from the environment variable named by smtp.password_env
  std::string auth = "plain";  // "plain" or "login"
  std::string from;            // envelope and header sender
  bool starttls = true;        // refuse to send (and to log in) without TLS when true
  std::string cafile;          // extra trusted CA certificate (PEM), e.g. a self-signed one
  bool verify = true;          // verify the server's certificate
  int timeout_seconds = 30;
};

// E-mail over SMTP (Poco::Net::SecureSMTPClientSession): EHLO, STARTTLS, AUTH, one session per
// batch. Subjects are RFC 2047 encoded words (UTF-8), bodies quoted-printable UTF-8 plain text.
std::unique_ptr<Channel> NewSmtpChannel(const SmtpSettings& settings);

}  // namespace koop::notify

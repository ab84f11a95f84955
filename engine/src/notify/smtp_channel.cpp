// The SMTP channel on Poco Net. Poco exceptions stop here and become Statuses.
#include <Poco/Exception.h>
#include <Poco/Net/AcceptCertificateHandler.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureSMTPClientSession.h>

#include <memory>
#include <mutex>

#include "notify/channel.h"

namespace koop::notify {
namespace {

// Poco's SSL manager asks a global handler what to do with a certificate that fails verification:
// refuse it. (With smtp.verify=false the context does not verify at all.)
void InitializeSsl() {
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Net::initializeSSL();
    Poco::SharedPtr<Poco::Net::InvalidCertificateHandler> reject =
        new Poco::Net::RejectCertificateHandler(false);
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "",
                                                             Poco::Net::Context::VERIFY_RELAXED);
    Poco::Net::SSLManager::instance().initializeClient(nullptr, reject, context);
  });
}

// No byte below 0x20 (CR, LF, TAB, NUL...) and no DEL.
bool IsHeaderSafe(const std::string& v) {
  for (unsigned char c : v) {
    if (c < 0x20 || c == 0x7F) return false;
  }
  return true;
}

// A subject on one line: every control character (a CR/LF among them) becomes a space.
std::string OneLine(std::string v) {
  for (char& c : v) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return v;
}

class SmtpChannel final : public Channel {
 public:
  explicit SmtpChannel(SmtpSettings s) : s_(std::move(s)) {}
  ~SmtpChannel() override { Close(); }

  Status Send(const OutgoingMessage& m) override {
    // Header injection: an address or id that could end a header line is refused for good (the
    // scheduler drops the row and says so); the subject's line breaks and control characters
    // become spaces before it is encoded. Nothing of the value is quoted (it came from data).
    if (!IsHeaderSafe(m.to) || m.to.find_first_of(" <>,;\"") != std::string::npos ||
        m.to.find('@') == std::string::npos) {
      return Status::DataError("smtp: recipient address of " + m.message_id +
                               " refused (control character, space or list separator in it)");
    }
    if (!IsHeaderSafe(m.message_id)) {
      return Status::DataError("smtp: a Message-ID with a control character was refused");
    }
    try {
      if (!session_) KOOP_RETURN_IF_ERROR(Connect());
      Poco::Net::MailMessage mail;
      mail.setSender(s_.from);
      mail.addRecipient(
          Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, m.to));
      mail.setSubject(Poco::Net::MailMessage::encodeWord(OneLine(m.subject), "UTF-8"));
      mail.set("Message-ID", m.message_id);
      mail.setContentType("text/plain; charset=UTF-8");
      mail.setContent(m.body, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
      session_->sendMessage(mail);
      return Status::Ok();
    } catch (const Poco::Exception& e) {
      Close();
      return Status::IoError("smtp " + s_.host + ":" + std::to_string(s_.port) + ": " +
                             e.displayText());
    } catch (const std::exception& e) {
      Close();
      return Status::IoError("smtp " + s_.host + ": " + e.what());
    }
  }

  void Close() override {
    if (!session_) return;
    try {
      session_->close();
    } catch (...) {
      // The server may already be gone; the session is dropped either way.
    }
    session_.reset();
  }

 private:
  Status Connect() {
    InitializeSsl();
    session_ = std::make_unique<Poco::Net::SecureSMTPClientSession>(
        s_.host, static_cast<Poco::UInt16>(s_.port));
    session_->setTimeout(Poco::Timespan(s_.timeout_seconds, 0));
    session_->login();  // EHLO
    if (s_.starttls) {
      Poco::Net::Context::Ptr context = new Poco::Net::Context(
          Poco::Net::Context::TLS_CLIENT_USE, "", "", s_.cafile,
          s_.verify ? Poco::Net::Context::VERIFY_RELAXED : Poco::Net::Context::VERIFY_NONE, 9,
          s_.cafile.empty());
      if (!session_->startTLS(context)) {
        session_.reset();
        return Status::IoError("smtp " + s_.host + ": the server does not offer STARTTLS");
      }
    }
    if (!s_.user.empty()) {
      auto method = s_.auth == "login" ? Poco::Net::SMTPClientSession::AUTH_LOGIN
                                       : Poco::Net::SMTPClientSession::AUTH_PLAIN;
      session_->login(method, s_.user, s_.password);
    }
    return Status::Ok();
  }

  SmtpSettings s_;
  std::unique_ptr<Poco::Net::SecureSMTPClientSession> session_;
};

}  // namespace

std::unique_ptr<Channel> NewSmtpChannel(const SmtpSettings& settings) {
  return std::make_unique<SmtpChannel>(settings);
}

}  // namespace koop::notify

// A real SMTP server on loopback for the notify tests: tests/cli/smtp_server.py (aiosmtpd, STARTTLS
// required, AUTH PLAIN/LOGIN) run with /usr/bin/python3, a self-signed certificate made with
// openssl in a temp folder. Messages arrive as files in dir()/NNNNNN.eml.
#pragma once

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace koop::testing {

class SmtpServer {
 public:
  // delay_ms > 0: a slow server, answering 250 that long after it saved the message.
  explicit SmtpServer(int delay_ms = 0) : dir_(Poco::TemporaryFile::tempName()) {
    Poco::File(dir_).createDirectories();
    std::string cmd =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost "
        "-addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout " +
        dir_ + "/key.pem -out " + dir_ + "/cert.pem >/dev/null 2>&1";
    ok_ = std::system(cmd.c_str()) == 0;
    if (!ok_) return;
    std::vector<std::string> args = {std::string(KOOP_SOURCE_DIR) + "/tests/cli/smtp_server.py",
                                     "--cert",
                                     dir_ + "/cert.pem",
                                     "--key",
                                     dir_ + "/key.pem",
                                     "--out",
                                     dir_,
                                     "--user",
                                     "koop",
                                     "--password",
                                     "sekret",
                                     "--delay-ms",
                                     std::to_string(delay_ms)};
    handle_ =
        std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/usr/bin/python3", args));
    for (int i = 0; i < 200 && !Poco::File(dir_ + "/port").exists(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::ifstream in(dir_ + "/port");
    ok_ = static_cast<bool>(in >> port_);
  }
  ~SmtpServer() {
    if (handle_) {
      Poco::Process::requestTermination(handle_->id());
      handle_->wait();
    }
    Poco::File(dir_).remove(true);
  }
  bool ok() const { return ok_; }
  int port() const { return port_; }
  const std::string& dir() const { return dir_; }
  std::string cafile() const { return dir_ + "/cert.pem"; }
  // The n-th message (1-based), "" when it has not arrived.
  std::string Message(int n) const {
    char name[32];
    std::snprintf(name, sizeof name, "/%06d.eml", n);
    std::ifstream in(dir_ + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  // The n-th message's subject decoded by Python's e-mail package (an independent RFC 2047 reader).
  std::string DecodedSubject(int n) const {
    char name[32];
    std::snprintf(name, sizeof name, "/%06d.eml", n);
    std::string cmd =
        "/usr/bin/python3 -c \"import sys, email, email.policy; "
        "m = email.message_from_binary_file(open(sys.argv[1], 'rb'), "
        "policy=email.policy.default); "
        "open(sys.argv[2], 'w', encoding='utf-8').write(str(m['subject']))\" " +
        dir_ + name + " " + dir_ + "/subject.txt";
    if (std::system(cmd.c_str()) != 0) return "<python failed>";
    std::ifstream in(dir_ + "/subject.txt", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::string Log() const {
    std::ifstream in(dir_ + "/log");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  std::string dir_;
  bool ok_ = false;
  int port_ = 0;
  std::unique_ptr<Poco::ProcessHandle> handle_;
};

}  // namespace koop::testing

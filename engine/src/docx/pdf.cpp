// DOCX -> PDF through LibreOffice. A private, throw-away user profile keeps concurrent
// conversions from fighting over ~/.config/libreoffice.
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "koop/docx.h"

namespace koop {
namespace {

std::string FindOnPath(const std::string& exe) {
  const char* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(ss, dir, ':')) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + exe;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::string();
}

}  // namespace

Status ConvertToPdf(const std::string& docx_path, const std::string& pdf_path) {
  std::string soffice = FindOnPath("soffice");
  if (soffice.empty()) soffice = FindOnPath("libreoffice");
  if (soffice.empty()) {
    return Status::Internal(
        "--pdf needs LibreOffice (soffice) on PATH; install "
        "libreoffice-writer-nogui or convert the .docx yourself");
  }
  try {
    Poco::Path out_dir = Poco::Path(pdf_path).absolute().parent();
    Poco::TemporaryFile profile;
    profile.createDirectories();
    Poco::TemporaryFile work;  // converts into a scratch folder, then renames into place
    work.createDirectories();
    std::vector<std::string> args = {"--headless",
                                     "-env:UserInstallation=file://" + profile.path(),
                                     "--convert-to",
                                     "pdf",
                                     "--outdir",
                                     work.path(),
                                     Poco::Path(docx_path).absolute().toString()};
    Poco::Pipe out_pipe;
    Poco::ProcessHandle ph = Poco::Process::launch(soffice, args, nullptr, &out_pipe, &out_pipe);
    Poco::PipeInputStream istr(out_pipe);
    std::string output((std::istreambuf_iterator<char>(istr)), std::istreambuf_iterator<char>());
    int rc = ph.wait();
    std::string produced = work.path() + "/" + Poco::Path(docx_path).getBaseName() + ".pdf";
    if (rc != 0 || !Poco::File(produced).exists()) {
      return Status::IoError(docx_path + ": LibreOffice could not convert it to PDF (exit " +
                             std::to_string(rc) + "): " + output);
    }
    Poco::File(produced).renameTo(
        Poco::Path(out_dir, Poco::Path(pdf_path).getFileName()).toString());
  } catch (const Poco::Exception& e) {
    return Status::IoError(pdf_path + ": " + e.displayText());
  }
  return Status::Ok();
}

}  // namespace koop

// DOCX -> PDF through LibreOffice. A private, throw-away user profile keeps concurrent
// conversions from fighting over ~/.config/libreoffice.
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "koop/docx.h"
#include "koop/file_env.h"

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
        "PDF output needs LibreOffice (soffice) on PATH; install "
        "libreoffice-writer-nogui or convert the .docx yourself");
  }
  FileEnv& env = DefaultFileEnv();
  KOOP_RETURN_IF_ERROR(env.CheckReplaceable(pdf_path));
  std::error_code ec;
  std::string system_tmp = std::filesystem::temp_directory_path(ec).string();
  if (ec) system_tmp = "/tmp";
  auto profile = env.MakeTempDir(system_tmp, "koop-lo-profile-");
  if (!profile.ok()) return profile.status();
  TempDirGuard profile_guard(env, *profile);
  // LibreOffice converts into a scratch folder beside the PDF, which is then moved into place.
  auto work = env.MakeTempDir(ParentDir(pdf_path), ".koop-pdf-");
  if (!work.ok()) return work.status();
  TempDirGuard work_guard(env, *work);
  try {
    std::vector<std::string> args = {
        "--headless",
        "-env:UserInstallation=file://" + Poco::Path(*profile).absolute().toString(),
        "--convert-to",
        "pdf",
        "--outdir",
        *work,
        Poco::Path(docx_path).absolute().toString()};
    Poco::Pipe out_pipe;
    Poco::ProcessHandle ph = Poco::Process::launch(soffice, args, nullptr, &out_pipe, &out_pipe);
    Poco::PipeInputStream istr(out_pipe);
    std::string output((std::istreambuf_iterator<char>(istr)), std::istreambuf_iterator<char>());
    int rc = ph.wait();
    std::string produced = *work + "/" + Poco::Path(docx_path).getBaseName() + ".pdf";
    if (rc != 0 || !Poco::File(produced).exists()) {
      return Status::IoError(docx_path + ": LibreOffice could not convert it to PDF (exit " +
                             std::to_string(rc) + "): " + output);
    }
    return env.MoveIntoPlace(produced, pdf_path);
  } catch (const Poco::Exception& e) {
    return Status::IoError(pdf_path + ": " + e.displayText());
  }
}

}  // namespace koop

#include "output/writer.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace nianbao {

namespace fs = std::filesystem;

namespace {
bool Fail(Diagnostics& diags, const std::string& path, const std::string& what) {
  diags.Error({path, 0, 0}, what);
  return false;
}
}  // namespace

bool WriteSite(const std::string& out_dir, const OutputFiles& files, Diagnostics& diags) {
  std::error_code ec;
  fs::path out = fs::absolute(out_dir, ec);
  while (!out.empty() && !out.has_filename()) out = out.parent_path();  // drop a trailing '/'
  fs::path parent = out.parent_path();
  fs::create_directories(parent, ec);
  // A fresh sibling folder, so the final rename stays on one file system.
  std::string pattern = (parent / ("." + out.filename().string() + ".new-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return Fail(diags, out_dir,
                std::string("cannot create a folder beside it: ") + strerror(errno));
  }
  fs::path staging = pattern;
  for (const OutputFile& f : files) {
    fs::path target = staging / f.path;
    fs::create_directories(target.parent_path(), ec);
    std::ofstream stream(target, std::ios::binary);
    stream.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
    stream.close();
    if (!stream) {
      fs::remove_all(staging, ec);
      return Fail(diags, f.path, "cannot write " + target.string());
    }
  }
  fs::permissions(staging,
                  fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                      fs::perms::others_read | fs::perms::others_exec,
                  ec);
  if (fs::exists(out)) {
    if (!fs::is_directory(out)) {
      fs::remove_all(staging, ec);
      return Fail(diags, out_dir, "the output path exists and is not a folder");
    }
    if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) != 0) {
      int err = errno;
      fs::remove_all(staging, ec);
      return Fail(diags, out_dir,
                  std::string("cannot replace the output folder: ") + strerror(err));
    }
    fs::remove_all(staging, ec);  // now holds the previous site
  } else if (rename(staging.c_str(), out.c_str()) != 0) {
    int err = errno;
    fs::remove_all(staging, ec);
    return Fail(diags, out_dir, std::string("cannot create the output folder: ") + strerror(err));
  }
  return true;
}

}  // namespace nianbao

#include <unistd.h>

#include "core/write_file.h"
#include "scaffold/scaffold.h"

namespace nianbao::scaffold {

bool WriteNewFiles(const std::string& root, const std::vector<NewFile>& files, Diagnostics& diags) {
  const int errors_before = diags.ErrorCount();
  DiskFileSystem disk(root);
  auto shown = [&](const NewFile& f) { return root == "." ? f.path : JoinPath(root, f.path); };
  for (const NewFile& f : files) {
    if (disk.IsFile(f.path) || disk.IsDir(f.path)) {
      diags.Error({shown(f), 0, 0}, "already exists: nianbao new never overwrites a file");
    }
  }
  if (diags.ErrorCount() > errors_before) return false;
  std::vector<std::string> written;
  for (const NewFile& f : files) {
    std::string error;
    const std::string full = JoinPath(root, f.path);
    if (!CreateNewFile(full, f.text, error)) {
      diags.Error({shown(f), 0, 0}, error);
      for (const std::string& w : written) ::unlink(w.c_str());
      return false;
    }
    written.push_back(full);
  }
  return true;
}

}  // namespace nianbao::scaffold

#include "core/write_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace nianbao {

namespace {

std::string Parent(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

bool MakeDirs(const std::string& dir, std::vector<std::string>& created, std::string& error) {
  if (dir.empty()) return true;
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return true;
    error = dir + " exists and is not a folder";
    return false;
  }
  if (!MakeDirs(Parent(dir), created, error)) return false;
  if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) {
    error = "cannot create the folder " + dir + ": " + std::strerror(errno);
    return false;
  }
  created.push_back(dir);
  return true;
}

bool CreateNewFile(const std::string& path, std::string_view bytes, std::string& error) {
  std::vector<std::string> created;
  if (!MakeDirs(Parent(path), created, error)) return false;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = errno == EEXIST ? "already exists: nianbao never overwrites a file"
                            : std::string("cannot create it: ") + std::strerror(errno);
    return false;
  }
  bool ok = WriteAll(fd, bytes);
  int saved = errno;
  ok = ::close(fd) == 0 && ok;
  if (!ok) {
    ::unlink(path.c_str());
    error = std::string("cannot write it: ") + std::strerror(saved);
  }
  return ok;
}

bool ReplaceFile(const std::string& path, std::string_view bytes, std::string& error) {
  std::vector<std::string> created;
  if (!MakeDirs(Parent(path), created, error)) return false;
  const std::string dir = Parent(path);
  std::string name = path.substr(dir.empty() ? 0 : dir.size() + 1);
  // Hidden, so that a build or serve reading the folder meanwhile ignores it.
  std::string temp = (dir.empty() ? "" : dir + "/") + "." + name + ".nianbao-XXXXXX";
  struct stat old;
  const mode_t mode = ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644;
  int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  bool ok = fd >= 0;
  if (ok) {
    ok = WriteAll(fd, bytes) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
    int saved = errno;
    ok = ::close(fd) == 0 && ok;
    errno = saved;
  }
  if (ok) ok = ::rename(temp.c_str(), path.c_str()) == 0;
  if (!ok) {
    error = std::string("cannot write it: ") + std::strerror(errno);
    if (fd >= 0) ::unlink(temp.c_str());
    for (auto it = created.rbegin(); it != created.rend(); ++it) ::rmdir(it->c_str());
    return false;
  }
  if (int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      dfd >= 0) {
    ::fsync(dfd);  // the rename itself survives a power cut
    ::close(dfd);
  }
  return true;
}

}  // namespace nianbao

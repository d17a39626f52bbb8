#include "output/staging.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/sha256.h"

namespace nianbao {

namespace fs = std::filesystem;

namespace {

constexpr char kMarkerText[] =
    "This folder was written by nianbao. `nianbao build` replaces it as a whole.\n";

// Absolute, with symlinks resolved as far as the path exists, and no trailing '/'.
std::string Canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) p = fs::absolute(path).lexically_normal();
  std::string s = p.string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

bool IsWithin(const std::string& inner, const std::string& outer) {
  if (inner == outer) return true;
  std::string prefix = outer == "/" ? "/" : outer + "/";
  return inner.compare(0, prefix.size(), prefix) == 0;
}

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

// mkdir -p for a folder inside the staging folder (`root`, a descriptor of it), which
// exists; `dir` relative to it.
bool MakeDirs(int root, const std::string& dir) {
  if (mkdirat(root, dir.c_str(), 0755) == 0 || errno == EEXIST) return true;
  if (errno != ENOENT) return false;
  size_t slash = dir.rfind('/');
  if (slash == std::string::npos || slash == 0) return false;
  if (!MakeDirs(root, dir.substr(0, slash))) return false;
  return mkdirat(root, dir.c_str(), 0755) == 0 || errno == EEXIST;
}

// Creates a new file (never an existing one) and its folders, relative to the staging
// folder's descriptor (the kernel walks a short path); -1 with errno on failure. A page
// (`…/index.html`) is mostly the first file of its folder: the folder is made first, so
// that a failed open does not come before it.
int CreateFile(int root, const std::string& path) {
  constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC;
  if (path.empty() || path[0] == '/') {  // openat would leave the staging folder
    errno = EINVAL;
    return -1;
  }
  const size_t slash = path.rfind('/');
  if (slash != std::string::npos && path.compare(slash, std::string::npos, "/index.html") == 0) {
    MakeDirs(root, path.substr(0, slash));  // a failure shows at the open
  }
  int fd = openat(root, path.c_str(), kFlags, 0644);
  if (fd < 0 && errno == ENOENT && slash != std::string::npos &&
      MakeDirs(root, path.substr(0, slash))) {
    fd = openat(root, path.c_str(), kFlags, 0644);
  }
  return fd;
}

std::string OpenError() {
  return errno == EEXIST ? "internal error: two files rendered at this path"
                         : Errno("cannot create the file");
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

std::string OutputProblem(const std::string& out_dir, const std::string& site_dir) {
  if (out_dir.empty()) return "no output folder given";
  const std::string out = Canonical(out_dir);
  const std::string site = Canonical(site_dir);
  if (out == "/") return "that is the root of the file system: give the site a folder of its own";
  if (out == site) return "that is the site folder itself";
  if (IsWithin(site, out)) return "that folder holds the site folder, which it would replace";
  for (const char* sub : {"content", "templates", "themes"}) {
    if (IsWithin(out, site + "/" + sub)) {
      return std::string("that folder is inside the site's ") + sub + "/ folder";
    }
  }
  std::error_code ec;
  fs::file_status status = fs::status(out, ec);
  if (!fs::exists(status)) return "";
  if (!fs::is_directory(status)) return "that path exists and is not a folder";
  if (fs::is_empty(out, ec) || fs::exists(out + "/" + kOutputMarker, ec)) return "";
  // Sites built before the marker existed.
  if (fs::exists(out + "/index.html", ec) && fs::exists(out + "/assets/nianbao.js", ec)) return "";
  return std::string("that folder holds files nianbao did not write: build into an empty or ") +
         "new folder (nianbao replaces only a folder it wrote, which holds " + kOutputMarker + ")";
}

std::unique_ptr<StagingSink> StagingSink::Create(const std::string& out_dir,
                                                 const std::string& site_dir, Diagnostics& diags) {
  auto fail = [&](const std::string& message) {
    diags.Error({out_dir, 0, 0}, "cannot build into this folder: " + message);
    return nullptr;
  };
  if (std::string problem = OutputProblem(out_dir, site_dir); !problem.empty()) {
    return fail(problem);
  }
  std::unique_ptr<StagingSink> sink(new StagingSink());
  sink->out_ = Canonical(out_dir);
  const fs::path out = sink->out_;
  const std::string parent = out.parent_path().string();
  const std::string name = out.filename().string();
  std::error_code ec;
  fs::create_directories(parent, ec);
  // One build per output folder at a time; the lock dies with the process, so a killed
  // build never blocks the next one.
  const std::string lock_path = parent + "/." + name + ".lock";
  sink->lock_fd_ = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (sink->lock_fd_ < 0) return fail(Errno(("cannot create " + lock_path).c_str()));
  if (flock(sink->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    return fail("another nianbao build is writing it now: wait for that one to finish");
  }
  // With the lock held, staging folders left by killed builds are nobody's: remove them.
  const std::string stale_prefix = "." + name + ".new-";
  for (const fs::directory_entry& e : fs::directory_iterator(parent, ec)) {
    const std::string entry = e.path().filename().string();
    if (entry.rfind(stale_prefix, 0) == 0 && entry.size() == stale_prefix.size() + 6 &&
        e.is_directory(ec) && !e.is_symlink(ec)) {
      fs::remove_all(e.path(), ec);
    }
  }
  std::string pattern = parent + "/" + stale_prefix + "XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) return fail(Errno("cannot create a folder beside it"));
  sink->staging_ = pattern;
  chmod(sink->staging_.c_str(), 0755);
  sink->staging_fd_ = open(pattern.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (sink->staging_fd_ < 0) return fail(Errno("cannot open the folder beside it"));
  sink->Put(OutputFile{kOutputMarker, kMarkerText});
  if (sink->failed()) {
    diags.Append(sink->Problems());
    return nullptr;
  }
  return sink;
}

StagingSink::~StagingSink() {
  if (!done_) Abort();
}

void StagingSink::CloseStaging() {
  if (staging_fd_ >= 0) close(staging_fd_);
  staging_fd_ = -1;
}

void StagingSink::Abort() {
  CloseStaging();
  std::error_code ec;
  if (!staging_.empty()) fs::remove_all(staging_, ec);
  if (lock_fd_ >= 0) close(lock_fd_);
  lock_fd_ = -1;
  done_ = true;
}

bool StagingSink::Commit(Diagnostics& diags) {
  std::error_code ec;
  auto fail = [&](const std::string& message) {
    diags.Error({out_, 0, 0}, message);
    Abort();
    return false;
  };
  if (failed()) {
    diags.Append(Problems());
    Abort();
    return false;
  }
  CloseStaging();
  if (fs::exists(out_, ec)) {
    if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
      return fail(Errno("cannot replace the output folder"));
    }
    fs::remove_all(staging_, ec);  // now the previous site
  } else if (rename(staging_.c_str(), out_.c_str()) != 0) {
    return fail(Errno("cannot create the output folder"));
  }
  staging_.clear();
  if (lock_fd_ >= 0) close(lock_fd_);
  lock_fd_ = -1;
  done_ = true;
  return true;
}

std::string StagingSink::Store(const std::string& path, std::string bytes) {
  int fd = CreateFile(staging_fd_, path);
  if (fd < 0) return OpenError();
  bool ok = WriteAll(fd, bytes);
  std::string error = ok ? "" : Errno("cannot write the file");
  if (close(fd) != 0 && ok) error = Errno("cannot write the file");
  return error;
}

class StagingStream : public Sink::Stream {
 public:
  StagingStream(StagingSink& sink, std::string path) : sink_(sink), path_(std::move(path)) {
    fd_ = CreateFile(sink_.staging_fd_, path_);
    if (fd_ < 0) error_ = OpenError();
  }
  ~StagingStream() override { Close(); }

  void Append(std::string_view bytes) override {
    digest_.Update(bytes);
    buffer_ += bytes;
    size_ += bytes.size();
    if (buffer_.size() >= kFlushAt) Flush();
  }

  void Close() override {
    if (closed_) return;
    closed_ = true;
    Flush();
    if (fd_ >= 0 && close(fd_) != 0 && error_.empty()) error_ = Errno("cannot write the file");
    sink_.Record(path_, size_, digest_.Hex(), error_);
  }

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  void Flush() {
    if (fd_ >= 0 && error_.empty() && !WriteAll(fd_, buffer_)) {
      error_ = Errno("cannot write the file");
    }
    buffer_.clear();
  }

  StagingSink& sink_;
  std::string path_;
  int fd_ = -1;
  std::string buffer_;
  uint64_t size_ = 0;
  std::string error_;
  Sha256 digest_;
  bool closed_ = false;
};

std::unique_ptr<Sink::Stream> StagingSink::OpenStream(const std::string& path) {
  return std::make_unique<StagingStream>(*this, path);
}

}  // namespace nianbao

#include "output/sink.h"

#include <algorithm>

#include "core/sha256.h"

namespace nianbao {

void Sink::Put(OutputFile file) {
  const uint64_t size = file.bytes.size();
  std::string digest = Sha256Hex(file.bytes);
  std::string error = Store(file.path, std::move(file.bytes));
  Record(file.path, size, std::move(digest), error);
}

void Sink::Put(std::vector<OutputFile> files) {
  for (OutputFile& f : files) Put(std::move(f));
}

std::unique_ptr<Sink::Stream> Sink::Open(const std::string& path) { return OpenStream(path); }

void Sink::Record(const std::string& path, uint64_t size, std::string sha256,
                  const std::string& error) {
  std::lock_guard lock(mutex_);
  if (!error.empty()) {
    problems_.Error({path, 0, 0}, error);
    return;
  }
  written_.push_back({path, size, std::move(sha256)});
}

std::vector<WrittenFile> Sink::Written() const {
  std::lock_guard lock(mutex_);
  std::vector<WrittenFile> out = written_;
  std::sort(out.begin(), out.end(),
            [](const WrittenFile& a, const WrittenFile& b) { return a.path < b.path; });
  return out;
}

Diagnostics Sink::Problems() const {
  std::lock_guard lock(mutex_);
  return problems_;
}

bool Sink::failed() const {
  std::lock_guard lock(mutex_);
  return problems_.HasErrors();
}

namespace {

class MemoryStream : public Sink::Stream {
 public:
  MemoryStream(Sink& sink, std::string path) : sink_(sink), path_(std::move(path)) {}
  ~MemoryStream() override { Close(); }
  void Append(std::string_view bytes) override { bytes_ += bytes; }
  void Close() override {
    if (closed_) return;
    closed_ = true;
    sink_.Put(OutputFile{path_, std::move(bytes_)});
  }

 private:
  Sink& sink_;
  std::string path_;
  std::string bytes_;
  bool closed_ = false;
};

}  // namespace

std::string MemorySink::Store(const std::string& path, std::string bytes) {
  std::lock_guard lock(files_mutex_);
  if (!paths_.insert(path).second) return "internal error: two files rendered at this path";
  files_.push_back({path, std::move(bytes)});
  return "";
}

std::unique_ptr<Sink::Stream> MemorySink::OpenStream(const std::string& path) {
  return std::make_unique<MemoryStream>(*this, path);
}

OutputFiles MemorySink::Take() {
  std::lock_guard lock(files_mutex_);
  std::sort(files_.begin(), files_.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  paths_.clear();
  return std::move(files_);
}

}  // namespace nianbao

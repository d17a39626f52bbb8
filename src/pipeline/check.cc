#include "pipeline/check.h"

#include <mutex>
#include <set>

namespace nianbao {

namespace {

// Keeps only the paths, so that two files at one path are still caught as in a build.
class DiscardSink : public Sink {
 public:
  std::string Claim(const std::string& path) {
    std::lock_guard lock(mutex_);
    return paths_.insert(path).second ? "" : "internal error: two files rendered at this path";
  }

 protected:
  std::string Store(const std::string& path, std::string) override { return Claim(path); }
  std::unique_ptr<Stream> OpenStream(const std::string& path) override;

 private:
  std::mutex mutex_;
  std::set<std::string> paths_;
};

class DiscardStream : public Sink::Stream {
 public:
  DiscardStream(DiscardSink& sink, std::string path) : sink_(sink), path_(std::move(path)) {}
  ~DiscardStream() override { Close(); }
  void Append(std::string_view bytes) override { size_ += bytes.size(); }
  void Close() override {
    if (closed_) return;
    closed_ = true;
    sink_.Record(path_, size_, "", sink_.Claim(path_));
  }

 private:
  DiscardSink& sink_;
  std::string path_;
  uint64_t size_ = 0;
  bool closed_ = false;
};

std::unique_ptr<Sink::Stream> DiscardSink::OpenStream(const std::string& path) {
  return std::make_unique<DiscardStream>(*this, path);
}

}  // namespace

CheckResult CheckSite(const FileSystem& site, const BuildOptions& options) {
  CheckResult result;
  std::optional<SiteModel> model = LoadSite(site, result.diags, options);
  if (!model) return result;
  result.loaded = true;
  DiscardSink sink;
  RenderLoadedSite(site, *model, options, sink, result.diags);
  result.diags.Append(sink.Problems());
  result.translations = TranslationReport(*model, site);
  return result;
}

}  // namespace nianbao

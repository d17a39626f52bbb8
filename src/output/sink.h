// Where rendered files go as they are made: a staging folder on disk (build) or memory
// (serve, tests). Safe to call from every render thread at once.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "output/output_file.h"

namespace nianbao {

/// One file as written: its path, size and SHA-256 (lower-case hex), for the manifest.
struct WrittenFile {
  std::string path;
  uint64_t size = 0;
  std::string sha256;
};

class Sink {
 public:
  virtual ~Sink() = default;

  /// A large file written in pieces, from one thread; Close() makes it part of the output.
  class Stream {
   public:
    virtual ~Stream() = default;
    virtual void Append(std::string_view bytes) = 0;
    virtual void Close() = 0;
  };

  /// Takes one whole file. A second file at a path already written is an error.
  void Put(OutputFile file);
  void Put(std::vector<OutputFile> files);
  /// Opens a file to write in pieces.
  std::unique_ptr<Stream> Open(const std::string& path);

  /// Every file written so far, sorted by path.
  std::vector<WrittenFile> Written() const;
  /// Problems writing (disk full, a path written twice); empty if none.
  Diagnostics Problems() const;
  bool failed() const;

  /// Streams call this as they close: the file is done (or failed with `error`).
  void Record(const std::string& path, uint64_t size, std::string sha256, const std::string& error);

 protected:
  /// Stores the bytes at `path` (refusing a path stored before); returns an error
  /// message, or "" on success. Called from many threads.
  virtual std::string Store(const std::string& path, std::string bytes) = 0;
  virtual std::unique_ptr<Stream> OpenStream(const std::string& path) = 0;

 private:
  mutable std::mutex mutex_;
  std::vector<WrittenFile> written_;
  Diagnostics problems_;
};

/// Keeps every file in memory (serve, tests).
class MemorySink : public Sink {
 public:
  /// The files, sorted by path; the sink is empty afterwards.
  OutputFiles Take();

 protected:
  std::string Store(const std::string& path, std::string bytes) override;
  std::unique_ptr<Stream> OpenStream(const std::string& path) override;

 private:
  std::mutex files_mutex_;
  std::vector<OutputFile> files_;
  std::set<std::string> paths_;  // every path stored, for the duplicate check
};

}  // namespace nianbao

// The only code that touches the output folder. A build is written into a fresh folder
// beside it as pages are rendered, then swapped in with one rename; a build that fails or
// is killed leaves the output folder as it was.
#pragma once

#include <memory>
#include <string>

#include "core/diagnostic.h"
#include "output/sink.h"

namespace nianbao {

/// The file every build puts at the root of its output: nianbao replaces a folder only if
/// it is empty or holds this (or is a site written before the marker existed).
inline constexpr char kOutputMarker[] = ".nianbao-output";

/// Why `out_dir` must not be replaced by a build of `site_dir`, or "" if it may be: the
/// root; the site folder, a folder holding it, or a folder inside its content/, templates/
/// or themes/; something that is not a folder; a folder of the user's (not empty and not
/// written by nianbao).
std::string OutputProblem(const std::string& out_dir, const std::string& site_dir);

class StagingSink : public Sink {
 public:
  /// Checks OutputProblem, takes the output folder's lock (a second build of the same
  /// folder is refused), removes staging folders that killed builds left behind, and
  /// creates a new one. Null, with an error, if any of that fails.
  static std::unique_ptr<StagingSink> Create(const std::string& out_dir,
                                             const std::string& site_dir, Diagnostics& diags);
  ~StagingSink() override;  // removes the staging folder unless committed

  /// Swaps the staged site in and removes the old one. False, with an error, on failure
  /// (then the output folder is as it was).
  bool Commit(Diagnostics& diags);
  /// Drops everything staged.
  void Abort();

  const std::string& staging_dir() const { return staging_; }

 protected:
  std::string Store(const std::string& path, std::string bytes) override;
  std::unique_ptr<Stream> OpenStream(const std::string& path) override;

 private:
  StagingSink() = default;
  friend class StagingStream;
  void CloseStaging();

  std::string out_;      // absolute, normalised
  std::string staging_;  // beside out_
  int staging_fd_ = -1;  // staging_, open as O_PATH: files are created relative to it
  int lock_fd_ = -1;
  bool done_ = false;
};

}  // namespace nianbao

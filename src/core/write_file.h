// Writing files of a site folder outside the build (import, new): either a new file that
// must not exist yet, or a replacement that readers see whole or not at all.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

/// Creates `path` with `bytes`; fails (returning false and a message in `error`) if
/// anything exists at `path` already. Parent folders are created.
bool CreateNewFile(const std::string& path, std::string_view bytes, std::string& error);

/// Replaces (or creates) `path` with `bytes` atomically: a hidden temporary file in the
/// same folder, flushed to disk, then renamed over it. On failure the old file is as it
/// was and no temporary file is left. Parent folders are created.
bool ReplaceFile(const std::string& path, std::string_view bytes, std::string& error);

/// Creates `dir` and its missing parents; the ones created are appended to `created`
/// (deepest last) so that a failed write can remove them again.
bool MakeDirs(const std::string& dir, std::vector<std::string>& created, std::string& error);

}  // namespace nianbao

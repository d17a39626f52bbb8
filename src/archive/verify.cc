#include "archive/verify.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/parallel.h"
#include "core/sha256.h"

namespace nianbao {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> ReadWhole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

VerifyReport VerifyFolder(const std::string& dir, const Manifest& manifest) {
  VerifyReport report;
  enum class State { kMatch, kMissing, kChanged };
  std::vector<State> states(manifest.files.size());
  ParallelFor(manifest.files.size(), 0, [&](size_t i, int) {
    const WrittenFile& f = manifest.files[i];
    std::error_code ec;
    fs::path path = fs::path(dir) / f.path;
    if (!fs::is_regular_file(fs::symlink_status(path, ec))) {
      states[i] = fs::exists(fs::symlink_status(path, ec)) ? State::kChanged : State::kMissing;
      return;
    }
    if (fs::file_size(path, ec) != f.size) {
      states[i] = State::kChanged;
      return;
    }
    std::optional<std::string> bytes = ReadWhole(path);
    states[i] = bytes && Sha256Hex(*bytes) == f.sha256 ? State::kMatch : State::kChanged;
  });
  std::set<std::string> listed;
  for (size_t i = 0; i < manifest.files.size(); ++i) {
    const std::string& path = manifest.files[i].path;
    listed.insert(path);
    switch (states[i]) {
      case State::kMatch:
        ++report.matched;
        break;
      case State::kMissing:
        report.missing.push_back(path);
        break;
      case State::kChanged:
        report.changed.push_back(path);
        break;
    }
  }
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) continue;
    std::string rel = fs::relative(it->path(), dir, ec).generic_string();
    if (rel == kManifestPath || listed.count(rel)) continue;
    report.extra.push_back(rel);
  }
  std::sort(report.extra.begin(), report.extra.end());
  return report;
}

std::vector<std::string> CompareManifests(const Manifest& published, const Manifest& rebuilt) {
  std::vector<std::string> lines;
  if (published.generator != rebuilt.generator) {
    lines.push_back("generator: " + published.generator + " → " + rebuilt.generator);
  }
  if (published.content_sha256 != rebuilt.content_sha256) {
    lines.push_back("content: the site's content/ differs from what was published");
  }
  if (published.theme_sha256 != rebuilt.theme_sha256) {
    lines.push_back("theme: the theme differs from the one published with");
  }
  std::map<std::string, const WrittenFile*> old_files;
  for (const WrittenFile& f : published.files) old_files[f.path] = &f;
  for (const WrittenFile& f : rebuilt.files) {
    auto it = old_files.find(f.path);
    if (it == old_files.end()) {
      lines.push_back("only in the rebuild: " + f.path);
    } else {
      if (it->second->sha256 != f.sha256) lines.push_back("differs: " + f.path);
      old_files.erase(it);
    }
  }
  for (const auto& [path, f] : old_files) lines.push_back("not rebuilt: " + path);
  return lines;
}

}  // namespace nianbao

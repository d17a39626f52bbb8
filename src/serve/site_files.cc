#include "serve/site_files.h"

#include <set>

#include <algorithm>

namespace nianbao {

namespace {

bool SameBytes(const std::shared_ptr<const std::string>& a,
               const std::shared_ptr<const std::string>& b) {
  return a == b || (a && b && *a == *b);
}

}  // namespace

SiteFiles ToSiteFiles(OutputFiles files) {
  SiteFiles out;
  for (OutputFile& f : files) {
    out[std::move(f.path)] = std::make_shared<const std::string>(std::move(f.bytes));
  }
  return out;
}

std::vector<std::string> ChangedPaths(const SiteFiles& before, const SiteFiles& after) {
  // Both maps are sorted: one merge walk.
  std::vector<std::string> changed;
  auto a = before.begin();
  auto b = after.begin();
  while (a != before.end() || b != after.end()) {
    if (b == after.end() || (a != before.end() && a->first < b->first)) {
      changed.push_back((a++)->first);
    } else if (a == before.end() || b->first < a->first) {
      changed.push_back((b++)->first);
    } else {
      if (!SameBytes(a->second, b->second)) changed.push_back(a->first);
      ++a;
      ++b;
    }
  }
  return changed;
}

std::vector<std::string> Overlay(SiteFiles& base, OutputFiles files) {
  std::vector<std::string> changed;
  for (OutputFile& f : files) {
    auto it = base.find(f.path);
    if (it != base.end() && *it->second == f.bytes) continue;
    changed.push_back(f.path);
    base[std::move(f.path)] = std::make_shared<const std::string>(std::move(f.bytes));
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

std::vector<std::string> ReplaceUnder(SiteFiles& base, const std::vector<std::string>& prefixes,
                                      OutputFiles files) {
  std::set<std::string> fresh;
  for (const OutputFile& f : files) fresh.insert(f.path);
  std::vector<std::string> removed;
  for (const std::string& prefix : prefixes) {
    const bool folder = !prefix.empty() && prefix.back() == '/';
    for (auto it = base.lower_bound(prefix); it != base.end();) {
      const bool owned =
          folder ? it->first.compare(0, prefix.size(), prefix) == 0 : it->first == prefix;
      if (!owned) break;
      if (fresh.count(it->first)) {
        ++it;
      } else {
        removed.push_back(it->first);
        it = base.erase(it);
      }
    }
  }
  std::vector<std::string> changed = Overlay(base, std::move(files));
  changed.insert(changed.end(), removed.begin(), removed.end());
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

}  // namespace nianbao

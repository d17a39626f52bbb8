// The built site as the preview server holds it: output path → bytes, shared between
// snapshots so that re-rendering a few pages does not copy the other thousands.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "output/output_file.h"

namespace nianbao {

/// Path ('/'-separated, relative to the site root, e.g. "en/index.html") → bytes.
/// Immutable once published; copies share the bytes.
using SiteFiles = std::map<std::string, std::shared_ptr<const std::string>, std::less<>>;

/// Moves rendered files into a SiteFiles.
SiteFiles ToSiteFiles(OutputFiles files);

/// The paths added, removed or changed from `before` to `after`, sorted.
std::vector<std::string> ChangedPaths(const SiteFiles& before, const SiteFiles& after);

/// Puts `files` over `base` (same path: replaced) and returns the paths whose bytes changed.
std::vector<std::string> Overlay(SiteFiles& base, OutputFiles files);

/// Like Overlay, but first drops every path of `base` that `prefixes` own (a prefix ending
/// in '/' owns the folder, any other one the file) and that `files` does not hold again: a
/// re-rendered group of pages replaces the old group whole. Returns the paths added,
/// removed or changed, sorted.
std::vector<std::string> ReplaceUnder(SiteFiles& base, const std::vector<std::string>& prefixes,
                                      OutputFiles files);

}  // namespace nianbao

// Output paths of every page (content-format §7) and relative links between them.
// Links always name index.html, so a copy of the site works from disk (file://).
#pragma once

#include <string>

#include "core/ids.h"

namespace nianbao::urls {

std::string Home(const std::string& lang);
std::string Report(const std::string& lang, const std::string& bureau, const std::string& edition);
std::string Bureau(const std::string& lang, const std::string& bureau);
std::string Indicator(const std::string& lang, const std::string& indicator);
std::string Compare(const std::string& lang, const std::string& bureau, const std::string& a,
                    const std::string& b);
std::string Page(const std::string& lang, const std::string& page);

/// The link from the page at `from` to the file at `to` (both output paths).
std::string Relative(const std::string& from, const std::string& to);
/// "../" once per folder of `from`: the way back to the output root.
std::string RootOf(const std::string& from);

}  // namespace nianbao::urls

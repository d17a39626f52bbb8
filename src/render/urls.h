// Output paths of every page (content-format §7) and relative links between them.
// Links always name index.html, so a copy of the site works from disk (file://).
#pragma once

#include <string>
#include <string_view>

#include "core/ids.h"

namespace nianbao::urls {

std::string Home(const std::string& lang);
std::string Report(const std::string& lang, const std::string& bureau, const std::string& edition);
std::string Bureau(const std::string& lang, const std::string& bureau);
std::string Indicator(const std::string& lang, const std::string& indicator);
std::string Compare(const std::string& lang, const std::string& bureau, const std::string& a,
                    const std::string& b);
std::string Page(const std::string& lang, const std::string& page);
/// Every bureau, by level (an index page whose size grows with the archive, on purpose).
std::string BureauIndex(const std::string& lang);
/// The search page (docs/search.md).
std::string Search(const std::string& lang);
/// Every indicator, by category.
std::string IndicatorIndex(const std::string& lang);
/// Page `page` (from 1) of an indicator's bureau × edition table of one period kind.
std::string IndicatorTable(const std::string& lang, const std::string& indicator,
                           std::string_view kind, int page);

/// The link from the page at `from` to the file at `to` (both output paths).
std::string Relative(const std::string& from, const std::string& to);
/// "../" once per folder of `from`: the way back to the output root.
std::string RootOf(const std::string& from);

}  // namespace nianbao::urls

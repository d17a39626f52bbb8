// Reading one Markdown file (a report narrative or a page) into a Narrative.
#pragma once

#include <optional>
#include <string>

#include "catalog/catalog.h"
#include "config/site_config.h"
#include "content/content.h"

namespace nianbao {

/// Checks the file and reads its front matter; with `with_body`, renders the body too.
/// `catalog` is null for free-standing pages (no shortcodes or charts there).
std::optional<Narrative> LoadNarrative(const std::string& path, const std::string& text,
                                       const std::string& lang, const SiteConfig& config,
                                       const Catalog* catalog, Diagnostics& diags,
                                       bool with_body = true);

/// The body of a narrative file whose front matter was read before: shortcodes, chart
/// blocks and Markdown. Null on errors (in `diags`).
std::shared_ptr<const NarrativeBody> LoadNarrativeBody(const std::string& path,
                                                       const std::string& text,
                                                       const SiteConfig& config,
                                                       const Catalog* catalog, Diagnostics& diags);

}  // namespace nianbao

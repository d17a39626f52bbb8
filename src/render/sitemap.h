// sitemap.xml, written only when site.yaml gives base_url (search engines need full URLs).
#pragma once

#include <string>
#include <vector>

#include "model/site_model.h"
#include "output/sink.h"

namespace nianbao {

/// Writes a sitemap of every HTML page among `paths` (sorted) but the root language
/// choice, with hreflang alternates; nothing without base_url. No lastmod: pages carry no
/// build time.
void WriteSitemap(const SiteModel& model, const std::vector<std::string>& paths, Sink& sink);

}  // namespace nianbao

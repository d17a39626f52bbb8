// sitemap.xml, written only when site.yaml gives base_url (search engines need full URLs).
#pragma once

#include <optional>

#include "model/site_model.h"
#include "output/output_file.h"

namespace nianbao {

/// A sitemap of every HTML page in `files` but the root language choice, with hreflang
/// alternates; nullopt without base_url. No lastmod: pages carry no build time.
std::optional<OutputFile> Sitemap(const SiteModel& model, const OutputFiles& files);

}  // namespace nianbao

// The files every web site has: 404 pages and robots.txt.
#pragma once

#include "output/output_file.h"
#include "render/render_context.h"
#include "render/templates.h"

namespace nianbao {

/// `<lang>/404.html`, in the layout of that language. With base_url its links are absolute,
/// so they work whatever URL the server shows it at.
OutputFile RenderNotFound(const RenderInputs& in, const Templates& t, const std::string& lang);

/// `404.html` at the root: the default language's page, with the message in every other
/// language after it.
OutputFile RenderRootNotFound(const RenderInputs& in, const Templates& t);

/// robots.txt: everything may be crawled; the sitemap named when there is one.
OutputFile RobotsTxt(const SiteModel& model);

}  // namespace nianbao

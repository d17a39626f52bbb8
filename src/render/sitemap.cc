#include "render/sitemap.h"

#include "core/text.h"
#include "render/render_context.h"

namespace nianbao {

std::optional<OutputFile> Sitemap(const SiteModel& model, const OutputFiles& files) {
  const SiteConfig& config = model.config;
  if (config.base_url.empty()) return std::nullopt;
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  for (const OutputFile& f : files) {
    if (!EndsWith(f.path, "/index.html")) continue;
    std::string lang = f.path.substr(0, f.path.find('/'));
    bool is_page = false;
    for (const std::string& l : config.languages) is_page = is_page || l == lang;
    if (!is_page) continue;
    // Folder URLs: a web server serves their index.html.
    auto url = [&](const std::string& path) {
      return HtmlEscape(config.base_url + path.substr(0, path.size() - 10));
    };
    xml += "  <url>\n    <loc>" + url(f.path) + "</loc>\n";
    for (const std::string& other : config.languages) {
      xml += "    <xhtml:link rel=\"alternate\" hreflang=\"" + other + "\" href=\"" +
             url(InLanguage(f.path, lang, other)) + "\"/>\n";
    }
    xml += "  </url>\n";
  }
  xml += "</urlset>\n";
  return OutputFile{"sitemap.xml", xml};
}

}  // namespace nianbao

#include "render/sitemap.h"

#include "core/text.h"
#include "render/render_context.h"

namespace nianbao {

void WriteSitemap(const SiteModel& model, const std::vector<std::string>& paths, Sink& sink) {
  const SiteConfig& config = model.config;
  if (config.base_url.empty()) return;
  std::unique_ptr<Sink::Stream> out = sink.Open("sitemap.xml");
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  for (const std::string& path : paths) {
    if (!EndsWith(path, "/index.html")) continue;
    std::string lang = path.substr(0, path.find('/'));
    bool is_page = false;
    for (const std::string& l : config.languages) is_page = is_page || l == lang;
    if (!is_page) continue;
    // Folder URLs, as <link rel="canonical"> names them: a web server serves index.html.
    auto url = [&](const std::string& path) {
      return HtmlEscape(PublishedUrl(config.base_url, path));
    };
    xml += "  <url>\n    <loc>" + url(path) + "</loc>\n";
    for (const std::string& other : config.languages) {
      xml += "    <xhtml:link rel=\"alternate\" hreflang=\"" + other + "\" href=\"" +
             url(InLanguage(path, lang, other)) + "\"/>\n";
    }
    // Readers whose language is none of these get the default one.
    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" +
           url(InLanguage(path, lang, config.default_language())) + "\"/>\n";
    xml += "  </url>\n";
    if (xml.size() > (1 << 16)) {
      out->Append(xml);
      xml.clear();
    }
  }
  xml += "</urlset>\n";
  out->Append(xml);
  out->Close();
}

}  // namespace nianbao

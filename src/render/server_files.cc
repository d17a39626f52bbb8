#include "render/server_files.h"

#include "render/urls.h"

namespace nianbao {

namespace {

OutputFile NotFoundAt(const RenderInputs& in, const Templates& t, const std::string& lang,
                      const std::string& path, bool with_others) {
  PageContext ctx(in, lang, path);
  ctx.SetAbsoluteLinks(in.model.config.base_url);
  TemplateData data;
  data.Set("heading", TemplateData::Borrow(ctx.T("not_found_heading")));
  if (with_others) {
    TemplateData others = TemplateData::EmptyList();
    for (const std::string& other : in.model.config.languages) {
      if (other == lang) continue;
      TemplateData o;
      o.Set("code", other);
      o.Set("heading", in.theme.String(other, "not_found_heading"));
      o.Set("text", in.theme.String(other, "not_found_text"));
      o.Set("home", in.theme.String(other, "home"));
      o.Set("url", ctx.Link(urls::Home(other)));
      others.Push(std::move(o));
    }
    data.Set("others", std::move(others));
  }
  return ctx.Finish(t, "not_found", std::move(data), ctx.T("not_found_heading"), {});
}

}  // namespace

OutputFile RenderNotFound(const RenderInputs& in, const Templates& t, const std::string& lang) {
  return NotFoundAt(in, t, lang, lang + "/404.html", false);
}

OutputFile RenderRootNotFound(const RenderInputs& in, const Templates& t) {
  return NotFoundAt(in, t, in.model.config.default_language(), "404.html", true);
}

OutputFile RobotsTxt(const SiteModel& model) {
  std::string text = "User-agent: *\nAllow: /\n";
  if (!model.config.base_url.empty()) text += "Sitemap: " + model.config.base_url + "sitemap.xml\n";
  return {"robots.txt", text};
}

}  // namespace nianbao

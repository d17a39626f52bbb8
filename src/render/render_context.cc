#include "render/render_context.h"

#include "core/text.h"
#include "markdown/markdown.h"
#include "render/urls.h"

namespace nianbao {

std::string InLanguage(const std::string& path, const std::string& from, const std::string& to) {
  return StartsWith(path, from + "/") ? to + path.substr(from.size()) : path;
}

TemplateData GroupByCategory(
    const PageContext& ctx,
    const std::function<std::optional<TemplateData>(const Indicator&)>& row) {
  TemplateData groups(TemplateData::type::list);
  for (const Category& cat : ctx.model().catalog.categories) {
    TemplateData rows(TemplateData::type::list);
    for (const Indicator& ind : ctx.model().catalog.indicators) {
      if (ind.category != cat.id) continue;
      if (std::optional<TemplateData> r = row(ind)) rows.push_back(*r);
    }
    if (rows.is_empty_list()) continue;
    TemplateData g;
    g.set("name", ctx.Tr(cat.name));
    g.set("rows", rows);
    groups.push_back(g);
  }
  return groups;
}

const std::string& PageContext::Tr(const Translated& t) const {
  return t.Get(lang_, in_.model.config.default_language());
}

std::string PageContext::Link(const std::string& to) const { return urls::Relative(path_, to); }

std::string PageContext::PeriodLabel(const EditionName& period) const {
  return PeriodLabel(period, lang_);
}

std::string PageContext::PeriodLabel(const EditionName& period, const std::string& lang) const {
  std::string key = "period_" + std::string(PeriodKindId(period.kind));
  return ReplaceAll(in_.theme.String(lang, key), "{year}", std::to_string(period.year));
}

format::Quantity PageContext::QuantityOf(const Indicator& ind) const {
  return QuantityOf(ind, lang_);
}

format::Quantity PageContext::QuantityOf(const Indicator& ind, const std::string& lang) const {
  return {ind.kind, ind.decimals, ind.unit.Get(lang, in_.model.config.default_language())};
}

std::string PageContext::ValueText(const Value& v, const Indicator& ind, format::Style style,
                                   const std::string& lang) const {
  switch (v.status) {
    case ValueStatus::kWithheld:
      return in_.theme.String(lang, "withheld");
    case ValueStatus::kNull:
      return in_.theme.String(lang, "not_reported");
    case ValueStatus::kNumber:
      break;
  }
  if (style == format::Style::kTable) return format::FormatNumber(v.number, ind.decimals);
  return format::FormatValue(v.number, QuantityOf(ind, lang), lang, style);
}

std::string PageContext::ChangeText(const Change& c, const Indicator& ind,
                                    const std::string& lang) const {
  auto s = [&](const char* key) { return in_.theme.String(lang, key); };
  switch (c.status) {
    case Change::Status::kNoPrevious:
      return s("change_no_previous");
    case Change::Status::kCurrentMissing:
      return s("change_current_missing");
    case Change::Status::kPreviousMissing:
      return s("change_previous_missing");
    case Change::Status::kZeroBase:
      return s("change_zero_base");
    case Change::Status::kOk:
      break;
  }
  if (ind.kind == IndicatorKind::kRate) {
    return format::FormatPointChange(c.delta, std::max(1, ind.decimals), lang);
  }
  return format::FormatPercentChange(c.percent, lang);
}

TemplateData PageContext::FigureData(const Edition& e, const Indicator& ind) const {
  const Value& v = e.ValueOf(ind);
  Change c = in_.model.ChangeOf(e, ind);
  TemplateData d;
  d.set("id", ind.id);
  d.set("name", Tr(ind.name));
  d.set("unit", Tr(ind.unit));
  d.set("value", ValueText(v, ind, format::Style::kTable, lang_));
  d.set("value_prose", ValueText(v, ind, format::Style::kProse, lang_));
  d.set("is_number", v.status == ValueStatus::kNumber);
  d.set("is_withheld", v.status == ValueStatus::kWithheld);
  d.set("is_null", v.status == ValueStatus::kNull);
  d.set("change", ChangeText(c, ind, lang_));
  d.set("has_change", c.status == Change::Status::kOk || c.status == Change::Status::kZeroBase);
  if (c.status == Change::Status::kOk || c.status == Change::Status::kZeroBase) {
    d.set("delta", format::FormatSignedDelta(c.delta, QuantityOf(ind), lang_));
  }
  if (c.previous) {
    d.set("previous_label", PeriodLabel(c.previous->period));
    d.set("previous_value",
          ValueText(c.previous->ValueOf(ind), ind, format::Style::kTable, lang_));
  }
  Direction dir = DirectionOf(c, ind.better);
  const char* dir_key = dir == Direction::kBetter  ? "better"
                        : dir == Direction::kWorse ? "worse"
                        : dir == Direction::kSame  ? "same"
                                                   : "";
  if (*dir_key) {
    d.set("direction", dir_key);
    d.set("direction_text", T(std::string("direction_") + dir_key));
  }
  // The arrow says which way the figure moved; the word (and colour) whether that is good.
  if (c.status == Change::Status::kOk || c.status == Change::Status::kZeroBase) {
    d.set("direction_symbol", c.delta > 0 ? "▲" : c.delta < 0 ? "▼" : "＝");
  }
  if (auto note = e.notes.find(ind.id); note != e.notes.end()) d.set("note", Tr(note->second));
  d.set("indicator_url", Link(urls::Indicator(lang_, ind.id)));
  return d;
}

OutputFile PageContext::Finish(TemplateSet& templates, const std::string& template_name,
                               TemplateData data, const std::string& title,
                               const std::vector<Crumb>& crumbs) const {
  const SiteConfig& config = in_.model.config;
  const std::string root = urls::RootOf(path_);
  data.set("lang", lang_);
  data.set("generator", std::string("nianbao ") + NIANBAO_VERSION);
  data.set("root", root);
  data.set("assets", root + "assets/");
  data.set("title", title);
  data.set("site_title", Tr(config.title));
  data.set("site_description", Tr(config.description));
  data.set("home_url", Link(urls::Home(lang_)));
  data.set("is_home", path_ == urls::Home(lang_));
  data.set("t", StringsData(in_.theme.strings.at(lang_)));
  if (!config.footer.empty()) {
    data.set("footer_html", markdown::RenderInline(Tr(config.footer), {config.unsafe_html}));
  }
  TemplateData languages(TemplateData::type::list);
  for (const std::string& other : config.languages) {
    TemplateData l;
    l.set("code", other);
    l.set("name", in_.theme.String(other, "language_name"));
    l.set("url", Link(InLanguage(path_, lang_, other)));
    l.set("current", other == lang_);
    if (!config.base_url.empty()) {
      l.set("absolute_url", config.base_url + InLanguage(path_, lang_, other));
    }
    languages.push_back(l);
  }
  data.set("languages", languages);
  data.set("multilingual", config.languages.size() > 1);
  if (!config.base_url.empty()) data.set("canonical_url", config.base_url + path_);
  TemplateData crumb_list(TemplateData::type::list);
  for (size_t i = 0; i < crumbs.size(); ++i) {
    TemplateData c;
    c.set("title", crumbs[i].title);
    if (!crumbs[i].path.empty()) c.set("url", Link(crumbs[i].path));
    c.set("last", i + 1 == crumbs.size());
    crumb_list.push_back(c);
  }
  data.set("breadcrumbs", crumb_list);
  data.set("has_breadcrumbs", !crumbs.empty());
  TemplateData nav(TemplateData::type::list);
  for (const Bureau& b : in_.model.catalog.bureaus) {
    TemplateData n;
    n.set("title", Tr(b.short_name));
    n.set("url", Link(urls::Bureau(lang_, b.id)));
    n.set("current", path_ == urls::Bureau(lang_, b.id));
    nav.push_back(n);
  }
  for (const Page& p : in_.model.content.pages) {
    const Narrative& n = p.narratives.count(lang_) ? p.narratives.at(lang_)
                         : p.narratives.count(config.default_language())
                             ? p.narratives.at(config.default_language())
                             : p.narratives.begin()->second;
    TemplateData item;
    item.set("title", n.front.title.empty() ? p.id : n.front.title);
    item.set("url", Link(urls::Page(lang_, p.id)));
    item.set("current", path_ == urls::Page(lang_, p.id));
    nav.push_back(item);
  }
  data.set("nav", nav);
  if (!in_.reload_script.empty()) data.set("reload_script", in_.reload_script);

  std::string body = templates.Render(template_name, data);
  data.set("body", body);
  return {path_, templates.Render("layout", data)};
}

}  // namespace nianbao

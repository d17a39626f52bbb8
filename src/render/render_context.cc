#include "render/render_context.h"

#include "core/text.h"
#include "markdown/markdown.h"
#include "render/urls.h"

namespace nianbao {

RenderInputs::RenderInputs(const SiteModel& m, const Theme& t, std::string reload)
    : model(m), theme(t), reload_script(std::move(reload)) {
  const SiteConfig& config = model.config;
  for (const std::string& lang : config.languages) {
    auto it = theme.strings.find(lang);
    strings.emplace(
        lang, it == theme.strings.end() ? TemplateData::EmptyObject() : StringsData(it->second));
    footer_html[lang] =
        config.footer.empty()
            ? ""
            : markdown::RenderInline(config.footer.Get(lang, config.default_language()),
                                     {config.unsafe_html});
  }
}

std::string InLanguage(const std::string& path, const std::string& from, const std::string& to) {
  return StartsWith(path, from + "/") ? to + path.substr(from.size()) : path;
}

TemplateData GroupByCategory(
    const PageContext& ctx,
    const std::function<std::optional<TemplateData>(const Indicator&)>& row) {
  TemplateData groups = TemplateData::EmptyList();
  for (const Category& cat : ctx.model().catalog.categories) {
    TemplateData rows = TemplateData::EmptyList();
    for (const Indicator& ind : ctx.model().catalog.indicators) {
      if (ind.category != cat.id) continue;
      if (std::optional<TemplateData> r = row(ind)) rows.Push(std::move(*r));
    }
    if (rows.IsEmptyList()) continue;
    TemplateData g;
    g.Set("name", ctx.Tr(cat.name));
    g.Set("rows", std::move(rows));
    groups.Push(std::move(g));
  }
  return groups;
}

const std::string& PageContext::Tr(const Translated& t) const {
  return t.Get(lang_, in_.model.config.default_language());
}

std::string PageContext::Link(const std::string& to) const {
  return absolute_base_.empty() ? urls::Relative(path_, to) : absolute_base_ + to;
}

std::string PublishedUrl(const std::string& base_url, const std::string& path) {
  const std::string folder = EndsWith(path, "/index.html") ? path.substr(0, path.size() - 10)
                             : path == "index.html"        ? ""
                                                           : path;
  return base_url + folder;
}

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
  format::Quantity q{ind.kind, ind.decimals,
                     ind.unit.Get(lang, in_.model.config.default_language())};
  if (auto it = ind.scaled_unit.find(lang); it != ind.scaled_unit.end()) {
    q.magnitude = ind.magnitude;
    q.base_unit = it->second;
  }
  return q;
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
      return s(c.withheld ? "change_current_withheld" : "change_current_missing");
    case Change::Status::kPreviousMissing:
      return s(c.withheld ? "change_previous_withheld" : "change_previous_missing");
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
  d.Set("id", ind.id);
  d.Set("name", Tr(ind.name));
  d.Set("unit", Tr(ind.unit));
  d.Set("value", ValueText(v, ind, format::Style::kTable, lang_));
  d.Set("value_prose", ValueText(v, ind, format::Style::kProse, lang_));
  d.Set("is_number", v.status == ValueStatus::kNumber);
  d.Set("is_withheld", v.status == ValueStatus::kWithheld);
  d.Set("is_null", v.status == ValueStatus::kNull);
  d.Set("change", ChangeText(c, ind, lang_));
  d.Set("has_change", c.status == Change::Status::kOk || c.status == Change::Status::kZeroBase);
  // Each thing once: a rate's change already is its delta in points.
  const bool has_delta =
      (c.status == Change::Status::kOk || c.status == Change::Status::kZeroBase) &&
      ind.kind != IndicatorKind::kRate;
  if (has_delta) d.Set("delta", format::FormatSignedDelta(c.delta, QuantityOf(ind), lang_));
  if (c.previous) {
    d.Set("previous_label", PeriodLabel(c.previous->period));
    d.Set("previous_value", ValueText(c.previous->ValueOf(ind), ind, format::Style::kTable, lang_));
  }
  Direction dir = DirectionOf(c, ind.better);
  const char* dir_key = dir == Direction::kBetter  ? "better"
                        : dir == Direction::kWorse ? "worse"
                        : dir == Direction::kSame  ? "same"
                                                   : "";
  if (*dir_key) {
    d.Set("direction", dir_key);
    d.Set("direction_text", T(std::string("direction_") + dir_key));
  }
  d.Set("has_detail", has_delta || *dir_key);
  d.Set("delta_and_direction", has_delta && *dir_key);
  // No space between a number and its unit in Chinese, nor before % in English.
  const std::string& unit = Tr(ind.unit);
  d.Set("unit_space", format::IsChinese(lang_) || unit == "%" ? "" : " ");
  // The arrow says which way the figure moved; the word (and colour) whether that is good.
  if (c.status == Change::Status::kOk || c.status == Change::Status::kZeroBase) {
    d.Set("direction_symbol", c.delta > 0 ? "▲" : c.delta < 0 ? "▼" : "＝");
  }
  if (auto note = e.notes.find(ind.id); note != e.notes.end()) d.Set("note", Tr(note->second));
  d.Set("indicator_url", Link(urls::Indicator(lang_, ind.id)));
  return d;
}

OutputFile PageContext::Finish(const Templates& templates, const std::string& template_name,
                               TemplateData data, const std::string& title,
                               const std::vector<Crumb>& crumbs) const {
  const SiteConfig& config = in_.model.config;
  const std::string root = absolute_base_.empty() ? urls::RootOf(path_) : absolute_base_;
  data.Set("lang", lang_);
  data.Set("generator", std::string("nianbao ") + NIANBAO_VERSION);
  data.Set("root", root);
  data.Set("assets", root + "assets/");
  data.Set("title", title);
  data.Set("site_title", Tr(config.title));
  data.Set("site_description", Tr(config.description));
  data.Set("home_url", Link(urls::Home(lang_)));
  data.Set("is_home", path_ == urls::Home(lang_));
  data.Set("t", in_.StringsOf(lang_));
  if (const std::string& footer = in_.footer_html.at(lang_); !footer.empty()) {
    data.Set("footer_html", footer);
  }
  TemplateData languages = TemplateData::EmptyList();
  for (const std::string& other : config.languages) {
    TemplateData l;
    l.Set("code", other);
    l.Set("name", in_.theme.String(other, "language_name"));
    l.Set("url", Link(InLanguage(path_, lang_, other)));
    l.Set("current", other == lang_);
    if (!config.base_url.empty()) {
      l.Set("absolute_url", PublishedUrl(config.base_url, InLanguage(path_, lang_, other)));
    }
    languages.Push(std::move(l));
  }
  data.Set("languages", std::move(languages));
  data.Set("multilingual", config.languages.size() > 1);
  if (!config.base_url.empty()) data.Set("canonical_url", PublishedUrl(config.base_url, path_));
  data.Set("feed_url", Link(lang_ + "/feed.xml"));
  TemplateData crumb_list = TemplateData::EmptyList();
  for (size_t i = 0; i < crumbs.size(); ++i) {
    TemplateData c;
    c.Set("title", crumbs[i].title);
    if (!crumbs[i].path.empty()) c.Set("url", Link(crumbs[i].path));
    c.Set("last", i + 1 == crumbs.size());
    crumb_list.Push(std::move(c));
  }
  data.Set("breadcrumbs", std::move(crumb_list));
  data.Set("has_breadcrumbs", !crumbs.empty());
  // The same few entries on every page, whatever the size of the archive: the lists of
  // bureaus and indicators are pages of their own.
  TemplateData nav = TemplateData::EmptyList();
  auto entry = [&](const std::string& title, const std::string& to) {
    TemplateData item;
    item.Set("title", title);
    item.Set("url", Link(to));
    item.Set("current", path_ == to);
    nav.Push(std::move(item));
  };
  entry(T("home"), urls::Home(lang_));
  entry(T("bureaus"), urls::BureauIndex(lang_));
  entry(T("indicators"), urls::IndicatorIndex(lang_));
  for (const Page& p : in_.model.content.pages) {
    const Narrative& n = p.narratives.count(lang_) ? p.narratives.at(lang_)
                         : p.narratives.count(config.default_language())
                             ? p.narratives.at(config.default_language())
                             : p.narratives.begin()->second;
    entry(n.front.title.empty() ? p.id : n.front.title, urls::Page(lang_, p.id));
  }
  data.Set("nav", std::move(nav));
  if (!in_.reload_script.empty()) data.Set("reload_script", in_.reload_script);

  std::string body = templates.Render(template_name, data);
  // Chart.js (210 KB) only where a chart is drawn.
  data.Set("has_charts", body.find("data-chart=") != std::string::npos);
  data.Set("body", std::move(body));
  return {path_, templates.Render("layout", data)};
}

}  // namespace nianbao

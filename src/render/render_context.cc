#include "render/render_context.h"

#include <charconv>
#include <cstring>

#include "core/text.h"
#include "markdown/markdown.h"
#include "render/urls.h"

namespace nianbao {

namespace {

std::string PeriodKey(PeriodKind kind) { return "period_" + std::string(PeriodKindId(kind)); }

}  // namespace

RenderInputs::RenderInputs(const SiteModel& m, const Theme& t, std::string reload, bool pub)
    : model(m), theme(t), reload_script(std::move(reload)), publish(pub) {
  const SiteConfig& config = model.config;
  for (const std::string& lang : config.languages) {
    auto it = theme.strings.find(lang);
    strings.emplace(
        lang, it == theme.strings.end() ? TemplateData::EmptyObject() : StringsData(it->second));
    auto& labels = period_labels[lang];
    for (int k = 0; k < kPeriodKinds; ++k) {
      const std::string& text = theme.String(lang, PeriodKey(static_cast<PeriodKind>(k)));
      for (size_t from = 0;;) {
        const size_t at = text.find("{year}", from);
        labels[k].push_back(text.substr(from, at == std::string::npos ? at : at - from));
        if (at == std::string::npos) break;
        from = at + 6;
      }
    }
    footer_html[lang] =
        config.footer.empty()
            ? ""
            : markdown::RenderInline(config.footer.Get(lang, config.default_language()),
                                     {config.unsafe_html});
  }
}

std::string SiteDomain(const std::string& base_url) {
  size_t start = base_url.find("://");
  if (start == std::string::npos) return "";
  start += 3;
  size_t end = base_url.find_first_of(":/?#", start);
  return base_url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

TemplateData GovernmentMeta(const SiteConfig& config, const std::string& lang,
                            const std::string& column, const ArticleMeta* article) {
  TemplateData list = TemplateData::ListWithRoom(16);
  auto add = [&](const char* name, const std::string& content) {
    if (content.empty()) return;
    TemplateData m = TemplateData::ObjectWithRoom(2);
    m.Set("name", name);
    m.Set("content", content);
    list.Push(std::move(m));
  };
  const std::string& dflt = config.default_language();
  add("SiteName", config.title.Get(lang, dflt));
  add("SiteDomain", SiteDomain(config.base_url));
  add("SiteIDCode", config.government.site_code);
  add("ColumnName", column);
  if (article) {
    add("ArticleTitle", article->title);
    // The specification's format has a time; a report is dated by day only.
    add("PubDate", article->date.empty() ? "" : article->date + " 00:00");
    add("ContentSource", article->source);
    add("Keywords", article->keywords);
    add("Description",
        article->description.empty() ? config.description.Get(lang, dflt) : article->description);
  }
  return list;
}

std::string InLanguage(const std::string& path, const std::string& from, const std::string& to) {
  return StartsWith(path, from + "/") ? to + path.substr(from.size()) : path;
}

TemplateData GroupByCategory(
    const PageContext& ctx,
    const std::function<std::optional<TemplateData>(const Indicator&)>& row) {
  TemplateData groups = TemplateData::ListWithRoom(ctx.model().catalog.categories.size());
  for (const Category& cat : ctx.model().catalog.categories) {
    TemplateData rows = TemplateData::ListWithRoom(16);
    for (const Indicator& ind : ctx.model().catalog.indicators) {
      if (ind.category != cat.id) continue;
      if (std::optional<TemplateData> r = row(ind)) rows.Push(std::move(*r));
    }
    if (rows.IsEmptyList()) continue;
    TemplateData g = TemplateData::ObjectWithRoom(2);
    g.Set("name", TemplateData::Borrow(ctx.Tr(cat.name)));
    g.Set("rows", std::move(rows));
    groups.Push(std::move(g));
  }
  return groups;
}

PageContext::PageContext(const RenderInputs& in, std::string lang, std::string path)
    : in_(in), lang_(std::move(lang)), path_(std::move(path)) {
  if (auto it = in_.strings.find(lang_); it != in_.strings.end()) strings_ = &it->second;
  if (auto it = in_.period_labels.find(lang_); it != in_.period_labels.end()) {
    period_labels_ = &it->second;
  }
}

const std::string& PageContext::T(std::string_view key) const {
  static const std::string kEmpty;
  if (!strings_) return in_.theme.String(lang_, std::string(key));
  const TemplateData* text = strings_->Find(key);
  const std::string* s = text ? text->AsString() : nullptr;
  return s ? *s : kEmpty;
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
  const std::array<std::vector<std::string>, kPeriodKinds>* labels = nullptr;
  if (lang == lang_) {
    labels = period_labels_;
  } else if (auto it = in_.period_labels.find(lang); it != in_.period_labels.end()) {
    labels = &it->second;
  }
  if (!labels) {
    return ReplaceAll(in_.theme.String(lang, PeriodKey(period.kind)), "{year}",
                      std::to_string(period.year));
  }
  const std::vector<std::string>& parts = (*labels)[static_cast<int>(period.kind)];
  char digits[16];
  const std::string_view year(
      digits, std::to_chars(digits, digits + sizeof digits, period.year).ptr - digits);
  size_t size = parts[0].size();
  for (size_t i = 1; i < parts.size(); ++i) size += year.size() + parts[i].size();
  std::string out;
  out.reserve(size);  // "2021年上半年" is 16 bytes: one allocation, not two
  out += parts[0];
  for (size_t i = 1; i < parts.size(); ++i) (out += year) += parts[i];
  return out;
}

format::Quantity PageContext::QuantityOf(const Indicator& ind) const {
  return QuantityOf(ind, lang_);
}

format::Quantity PageContext::QuantityOf(const Indicator& ind, const std::string& lang) const {
  format::Quantity q;
  q.kind = ind.kind;
  q.decimals = ind.decimals;
  q.unit = ind.unit.Get(lang, in_.model.config.default_language());
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
  d.Set("name", TemplateData::Borrow(Tr(ind.name)));
  d.Set("unit", TemplateData::Borrow(Tr(ind.unit)));
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
    d.Set("direction_text", TemplateData::Borrow(T(std::string("direction_") + dir_key)));
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
  if (auto note = e.notes.find(ind.id); note != e.notes.end())
    d.Set("note", TemplateData::Borrow(Tr(note->second)));
  d.Set("indicator_url", Link(urls::Indicator(lang_, ind.id)));
  return d;
}

std::string PageContext::ColumnName(const std::string& title) const {
  if (!column_.empty()) return column_;
  if (path_ == urls::Home(lang_)) return T("home");
  const std::string section = path_.substr(0, path_.find('/', lang_.size() + 1) + 1);
  if (section == lang_ + "/reports/" || section == lang_ + "/bureaus/") return T("bureaus");
  if (section == lang_ + "/indicators/") return T("indicators");
  if (section == lang_ + "/compare/") return T("comparisons");
  return title;  // a free-standing page is a column of its own; so is the 404 page
}

TemplateData PageContext::GovernmentFooter() const {
  const GovernmentConfig& g = in_.model.config.government;
  TemplateData d;
  if (!g.given) return TemplateData(false);
  auto set = [&](mustache::Key key, const std::string& value) {
    if (!value.empty()) d.Set(key, value);
  };
  set("sponsor", g.sponsor.empty() ? "" : Tr(g.sponsor));
  set("operator", g.operator_.empty() ? "" : Tr(g.operator_));
  set("address", g.address.empty() ? "" : Tr(g.address));
  set("phone", g.phone);
  set("email", g.email);
  if (!g.email.empty()) d.Set("email_url", "mailto:" + g.email);
  set("site_code", g.site_code);
  set("icp", g.icp);
  if (!g.icp.empty()) d.Set("icp_url", "https://beian.miit.gov.cn/");
  set("police", g.police);
  if (!g.police.empty()) {
    d.Set("police_url",
          "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=" + g.police_code);
  }
  d.Set("has_units", !g.sponsor.empty() || !g.operator_.empty());
  d.Set("has_contact", !g.address.empty() || !g.phone.empty() || !g.email.empty());
  d.Set("has_records", !g.site_code.empty() || !g.icp.empty() || !g.police.empty());
  // The badge leads off the site, so only the live copy carries it.
  if (in_.publish && !g.badge_image.empty()) {
    d.Set("badge_src", Link(g.BadgeOutputPath()));
    set("badge_link", g.badge_link);
  }
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
  data.Set("site_title", TemplateData::Borrow(Tr(config.title)));
  data.Set("site_description", TemplateData::Borrow(Tr(config.description)));
  // One description element: on an article it is the specification's "Description".
  // Elsewhere the page's own summary (a free page's front matter), else the site's.
  if (article_) {
    data.Set("meta_description", false);
  } else if (!data.Find("meta_description") && !config.description.empty()) {
    data.Set("meta_description", TemplateData::Borrow(Tr(config.description)));
  }
  data.Set("gov_meta",
           GovernmentMeta(config, lang_, ColumnName(title), article_ ? &*article_ : nullptr));
  data.Set("gov", GovernmentFooter());
  data.Set("home_url", Link(urls::Home(lang_)));
  data.Set("is_home", path_ == urls::Home(lang_));
  data.Set("t", in_.StringsOf(lang_));
  if (const std::string& footer = in_.footer_html.at(lang_); !footer.empty()) {
    data.Set("footer_html", footer);
  }
  TemplateData languages = TemplateData::EmptyList();
  for (const std::string& other : config.languages) {
    TemplateData l = TemplateData::ObjectWithRoom(5);
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
  data.Set("search_url", Link(urls::Search(lang_)));
  TemplateData crumb_list = TemplateData::EmptyList();
  for (size_t i = 0; i < crumbs.size(); ++i) {
    TemplateData c = TemplateData::ObjectWithRoom(3);
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
    TemplateData item = TemplateData::ObjectWithRoom(3);
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
  if (in_.publish && !config.government.publish_snippet.empty()) {
    data.Set("publish_snippet", config.government.publish_snippet);
  }

  std::string body = templates.Render(template_name, data);
  // Chart.js (210 KB) only where a chart is drawn.
  // FindBytes: find() stops at every 'd' of the page (1.5 % of a build's CPU).
  data.Set("has_charts", FindBytes(body, "data-chart=") != std::string_view::npos);
  data.Set("body", std::move(body));
  return {path_, templates.Render("layout", data)};
}

}  // namespace nianbao

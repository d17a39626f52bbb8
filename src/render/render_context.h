// What every page renderer shares: the model, the theme's strings, and helpers that turn
// model values into view-model data for one language.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format/number_format.h"
#include "model/site_model.h"
#include "output/output_file.h"
#include "render/templates.h"
#include "render/theme.h"

namespace nianbao {

struct Crumb {
  std::string title;
  std::string path;  // output path; "" for the current page
};

/// Read-only inputs of rendering, shared by all threads. What every page needs in the
/// same form (interface strings as template data, the footer's HTML) is made here once.
struct RenderInputs {
  RenderInputs(const SiteModel& model, const Theme& theme, std::string reload_script = "",
               bool publish = false);
  RenderInputs(const RenderInputs&) = delete;
  RenderInputs& operator=(const RenderInputs&) = delete;

  const SiteModel& model;
  const Theme& theme;
  std::string reload_script;  // serve mode only: injected before </body>
  bool publish = false;  // `build --publish`: the badge and the site's snippet (docs/government.md)
  std::map<std::string, TemplateData> strings;     // "t" of each language
  std::map<std::string, std::string> footer_html;  // by language; "" for no footer
  // "period_<kind>" of each language split at "{year}", by PeriodKind: a page shows
  // dozens of period labels (PeriodLabel was 2 % of a build's CPU as two map lookups and a
  // replace).
  std::map<std::string, std::array<std::vector<std::string>, kPeriodKinds>> period_labels;

  /// The interface strings of `lang` as template data, borrowed (never copied).
  TemplateData StringsOf(const std::string& lang) const {
    return TemplateData::Ref(strings.at(lang));
  }
};

/// What the government meta elements say of a report page (docs/government.md); "" omits.
struct ArticleMeta {
  std::string title;        // ArticleTitle
  std::string date;         // YYYY-MM-DD, written as PubDate "YYYY-MM-DD 00:00"
  std::string source;       // ContentSource: the issuing bureau
  std::string keywords;     // Keywords, comma-separated
  std::string description;  // Description; the site's description if ""
};

/// The government meta elements of a page, in the order of the specification, as a list
/// of {name, content}; an unknown value leaves its element out.
TemplateData GovernmentMeta(const SiteConfig& config, const std::string& lang,
                            const std::string& column, const ArticleMeta* article);
/// The host of a base_url ("https://www.x.gov.cn:8443/nb/" → "www.x.gov.cn"); "" if none.
std::string SiteDomain(const std::string& base_url);

/// Helpers for one page in one language.
class PageContext {
 public:
  PageContext(const RenderInputs& in, std::string lang, std::string path);

  /// Links from this page become absolute (`base` + output path): for a page a web server
  /// shows at any URL, such as 404.html. "" keeps them relative.
  void SetAbsoluteLinks(std::string base) { absolute_base_ = std::move(base); }
  /// The page's column (栏目) for the ColumnName meta element, where its path does not say.
  void SetColumn(std::string column) { column_ = std::move(column); }
  /// Makes the page an article: its meta elements say what ArticleMeta holds.
  void SetArticle(ArticleMeta article) { article_ = std::move(article); }

  const std::string& lang() const { return lang_; }
  const std::string& path() const { return path_; }
  const SiteModel& model() const { return in_.model; }
  const RenderInputs& inputs() const { return in_; }
  /// The theme's interface string `key` in this page's language; "" if there is none.
  const std::string& T(std::string_view key) const;
  /// A translated text in this page's language, falling back to the default language.
  const std::string& Tr(const Translated& t) const;
  std::string Link(const std::string& to) const;

  /// "2021年", "2022年上半年" / "2021", "H1 2022": from the theme's period_* strings.
  std::string PeriodLabel(const EditionName& period) const;
  std::string PeriodLabel(const EditionName& period, const std::string& lang) const;
  format::Quantity QuantityOf(const Indicator& ind) const;
  format::Quantity QuantityOf(const Indicator& ind, const std::string& lang) const;
  /// A value for a table cell (number only) or prose (with unit), in `lang`.
  std::string ValueText(const Value& v, const Indicator& ind, format::Style style,
                        const std::string& lang) const;
  /// The change in words ("增长12.3%", "no earlier figure"), in `lang`.
  std::string ChangeText(const Change& c, const Indicator& ind, const std::string& lang) const;
  /// View-model data of one indicator's figure in one edition: value, status, change.
  TemplateData FigureData(const Edition& e, const Indicator& ind) const;
  /// Wraps a page body in the layout: head, header, breadcrumbs, language switcher, footer.
  /// `alternates` maps every language to the output path of this page in it.
  OutputFile Finish(const Templates& templates, const std::string& template_name, TemplateData data,
                    const std::string& title, const std::vector<Crumb>& crumbs) const;

 private:
  std::string ColumnName(const std::string& title) const;
  TemplateData GovernmentFooter() const;

  const RenderInputs& in_;
  std::string lang_;
  std::string path_;
  // The inputs' tables of this page's language (null for a language the site lacks):
  // `t`, whose hash table T reads (the theme's ordered map took eight key comparisons a
  // lookup, and a temporary std::string for each literal key), and the period labels.
  const TemplateData* strings_ = nullptr;
  const std::array<std::vector<std::string>, kPeriodKinds>* period_labels_ = nullptr;
  std::string absolute_base_;
  std::string column_;
  std::optional<ArticleMeta> article_;
};

/// The URL a page is published at: `base_url` and its folder ("zh/x/index.html" → ".../zh/x/"),
/// as the sitemap and `<link rel="canonical">` name it.
std::string PublishedUrl(const std::string& base_url, const std::string& path);

/// One group per category (catalogue order) holding the rows `row` makes for its
/// indicators; `row` returns nullopt to leave an indicator out, and empty groups are
/// dropped. Each group has `name` and `rows`.
TemplateData GroupByCategory(
    const PageContext& ctx,
    const std::function<std::optional<TemplateData>(const Indicator&)>& row);

/// The output path of the same page in another language: "zh/x/index.html" → "en/x/index.html".
std::string InLanguage(const std::string& path, const std::string& from, const std::string& to);

}  // namespace nianbao

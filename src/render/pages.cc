#include "render/pages.h"

#include "core/text.h"
#include "model/comparisons.h"
#include "render/bureau_trends.h"
#include "render/chart.h"
#include "render/compare_page.h"
#include "render/index_pages.h"
#include "render/region.h"
#include "render/urls.h"

namespace nianbao {

namespace {

std::string EditionTitle(const PageContext& ctx, const Edition& e) {
  const Bureau* b = ctx.model().catalog.FindBureau(e.bureau);
  std::string sep = format::IsChinese(ctx.lang()) ? "" : " ";
  return ctx.Tr(b->name) + sep + ctx.PeriodLabel(e.period) + sep + ctx.T("report_word");
}

}  // namespace

std::string ReportTitle(const PageContext& ctx, const Edition& e) {
  auto own = e.narratives.find(ctx.lang());
  if (own != e.narratives.end() && !own->second.front.title.empty()) return own->second.front.title;
  return EditionTitle(ctx, e);
}

namespace {

// A language's name in the page's language ("Chinese" on an English page), from the
// theme's lang_name_<code>; else the language's name for itself.
std::string LanguageNameIn(const PageContext& ctx, const std::string& lang) {
  const std::string& name = ctx.T("lang_name_" + lang);
  return name.empty() ? ctx.inputs().theme.String(lang, "language_name") : name;
}

// The narrative shown on a page in `lang`: its own, or the default language's.
const Narrative* NarrativeFor(const SiteModel& model, const std::map<std::string, Narrative>& all,
                              const std::string& lang) {
  if (auto it = all.find(lang); it != all.end()) return &it->second;
  if (auto it = all.find(model.config.default_language()); it != all.end()) return &it->second;
  return all.empty() ? nullptr : &all.begin()->second;
}

void SetNarrative(const PageContext& ctx, const Templates& t, TemplateData& data,
                  const std::map<std::string, Narrative>& all, const NarrativeBodies& bodies,
                  const Edition* edition, OutputFiles& files) {
  const Narrative* n = NarrativeFor(ctx.model(), all, ctx.lang());
  if (!n) return;
  auto body = bodies.find(n->lang);
  if (body == bodies.end() || !body->second) return;
  data.Set("has_narrative", true);
  data.Set("narrative_html", FillNarrative(ctx, t, *n, *body->second, edition, files));
  data.Set("narrative_lang", n->lang);
  if (n->lang != ctx.lang()) {
    data.Set("untranslated", true);
    data.Set("untranslated_notice",
             ReplaceAll(ctx.T("no_translation"), "{language}", LanguageNameIn(ctx, n->lang)));
  }
  if (!n->front.date.empty()) data.Set("date", n->front.date);
  if (!n->front.summary.empty()) {
    data.Set("summary", n->front.summary);
    data.Set("meta_description", n->front.summary);
  }
}

}  // namespace

NarrativeBodies HeldBodies(const std::map<std::string, Narrative>& narratives) {
  NarrativeBodies bodies;
  for (const auto& [lang, n] : narratives) bodies[lang] = n.body;
  return bodies;
}

std::string FillNarrative(const PageContext& page, const Templates& t, const Narrative& narrative,
                          const NarrativeBody& body, const Edition* edition, OutputFiles& files) {
  PageContext ctx(page.inputs(), narrative.lang, page.path());
  std::vector<std::string> figures, charts;
  for (size_t i = 0; i < body.shortcodes.size(); ++i) {
    const Shortcode& sc = body.shortcodes[i];
    const Indicator* ind = ctx.model().catalog.FindIndicator(sc.arg);
    std::string text;
    if (ind && edition) {
      if (sc.name == "value") {
        text = ctx.ValueText(edition->ValueOf(*ind), *ind, format::Style::kProse, ctx.lang());
      } else {
        text = ctx.ChangeText(ctx.model().ChangeOf(*edition, *ind), *ind, ctx.lang());
      }
    }
    figures.push_back("<span class=\"figure\">" + HtmlEscape(text) + "</span>");
  }
  for (size_t i = 0; i < body.charts.size(); ++i) {
    const ChartSpec& spec = body.charts[i];
    std::string chart_html;
    if (edition) {
      ChartData chart =
          BureauChart(ctx, edition->bureau, edition->period.kind, spec.indicators, edition);
      chart.id = "chart-" + std::to_string(i + 1);
      chart.bar = spec.bar;
      // Without a title of its own, a chart is named by all its series.
      std::string names;
      for (const ChartSeries& series : chart.series) {
        names += (names.empty() ? "" : format::IsChinese(ctx.lang()) ? "、" : ", ") + series.name;
      }
      chart.title = spec.title.empty() ? names : ctx.Tr(spec.title);
      chart.csv_name = chart.id + ".csv";
      std::string dir = page.path().substr(0, page.path().rfind('/') + 1);
      files.push_back({dir + chart.csv_name, ChartCsv(ctx, chart)});
      chart_html = t.Render("chart", ChartTemplateData(ctx, chart));
    }
    charts.push_back(std::move(chart_html));
  }
  std::string html = FillPlaceholders(body.html, figures, charts);
  // cmark-gfm labels each footnote's way back in English: say it in the text's language.
  const std::string kBack = "aria-label=\"Back to content\"";
  if (html.find(kBack) != std::string::npos) {
    html = ReplaceAll(html, kBack, "aria-label=\"" + HtmlEscape(ctx.T("footnote_back")) + "\"");
  }
  return html;
}

const OutputFile& PageOf(const OutputFiles& files) {
  for (const OutputFile& f : files) {
    if (EndsWith(f.path, "index.html")) return f;
  }
  return files.front();
}

OutputFiles RenderReportPage(const RenderInputs& in, const Templates& t, const std::string& lang,
                             const Edition& e, const NarrativeBodies& bodies) {
  OutputFiles files;
  PageContext ctx(in, lang, urls::Report(lang, e.bureau, e.name));
  const SiteModel& model = in.model;
  const Bureau& bureau = *model.catalog.FindBureau(e.bureau);
  TemplateData data;
  const std::string title = ReportTitle(ctx, e);
  data.Set("heading", title);
  data.Set("bureau_name", TemplateData::Borrow(ctx.Tr(bureau.name)));
  data.Set("bureau_url", ctx.Link(urls::Bureau(lang, bureau.id)));
  data.Set("period", ctx.PeriodLabel(e.period));
  SetNarrative(ctx, t, data, e.narratives, bodies, &e, files);

  // Every indicator of the edition, grouped by category, in catalogue order.
  TemplateData groups = GroupByCategory(ctx, [&](const Indicator& ind) {
    return e.Lists(ind) ? std::optional(ctx.FigureData(e, ind)) : std::nullopt;
  });
  const bool has_figures = !groups.IsEmptyList();
  data.Set("has_figures", has_figures);
  data.Set("groups", std::move(groups));
  // Only this edition and earlier ones: a report page must read the same when later
  // editions arrive (no "next" link; the bureau page lists them all).
  if (const Edition* prev = model.Previous(e)) {
    data.Set("previous_label", ctx.PeriodLabel(prev->period));
    data.Set("previous_url", ctx.Link(urls::Report(lang, e.bureau, prev->name)));
    if (has_figures && !HasFigures(*prev)) {
      data.Set("no_comparison", ReplaceAll(ctx.T("compare_previous_no_figures"), "{period}",
                                           ctx.PeriodLabel(prev->period)));
    }
    // The comparison with the nearest earlier edition that has figures, if any.
    for (const EditionPair& p : ComparisonsOf(model, e.bureau)) {
      if (p.b != &e || p.from_first) continue;
      data.Set("compare_previous_url", ctx.Link(urls::Compare(lang, e.bureau, p.a->name, e.name)));
      data.Set("compare_previous",
               ReplaceAll(ctx.T("compare_previous"), "{period}", ctx.PeriodLabel(p.a->period)));
    }
  } else {
    data.Set("first_edition", true);
  }
  if (!has_figures)
    data.Set("no_figures_edition", TemplateData::Borrow(ctx.T("no_figures_edition")));
  // The 政府信息公开 block and the meta elements of an article (docs/government.md).
  const std::string kind = ctx.T("kind_" + std::string(PeriodKindId(e.period.kind)));
  const Narrative* shown = NarrativeFor(model, e.narratives, lang);
  const std::string date = shown ? shown->front.date : "";
  TemplateData info;
  // The index number names the document in whichever language it is read: the shown
  // narrative's, else the default language's, else any.
  std::string index_number = shown ? shown->front.index_number : "";
  if (auto it = e.narratives.find(model.config.default_language());
      index_number.empty() && it != e.narratives.end()) {
    index_number = it->second.front.index_number;
  }
  for (const auto& [l, n] : e.narratives) {
    if (index_number.empty()) index_number = n.front.index_number;
  }
  if (!index_number.empty()) info.Set("index_number", index_number);
  info.Set("issuer", TemplateData::Borrow(ctx.Tr(bureau.name)));
  if (!date.empty()) info.Set("date", date);
  info.Set("category", kind);
  data.Set("gov_info", std::move(info));
  ctx.SetColumn(kind);
  ArticleMeta article;
  article.title = title;
  article.date = date;
  article.source = ctx.Tr(bureau.name);
  article.keywords = ctx.Tr(bureau.name) + "," + kind + "," + ctx.PeriodLabel(e.period);
  if (shown && shown->lang == lang) article.description = shown->front.summary;
  ctx.SetArticle(std::move(article));
  files.push_back(ctx.Finish(t, "report", std::move(data), title,
                             {{ctx.T("home"), urls::Home(lang)},
                              {ctx.Tr(bureau.short_name), urls::Bureau(lang, bureau.id)},
                              {ctx.PeriodLabel(e.period), ""}}));
  return files;
}

OutputFile RenderBureauPage(const RenderInputs& in, const Templates& t, const std::string& lang,
                            const Bureau& bureau) {
  return RenderBureauFiles(in, t, lang, bureau).front();
}

OutputFiles RenderBureauFiles(const RenderInputs& in, const Templates& t, const std::string& lang,
                              const Bureau& bureau) {
  OutputFiles files;
  PageContext ctx(in, lang, urls::Bureau(lang, bureau.id));
  const SiteModel& model = in.model;
  TemplateData data;
  data.Set("heading", TemplateData::Borrow(ctx.Tr(bureau.name)));
  data.Set("level",
           TemplateData::Borrow(ctx.T("level_" + std::string(BureauLevelId(bureau.level)))));
  if (const Bureau* parent = model.catalog.FindBureau(bureau.parent)) {
    data.Set("parent_name", TemplateData::Borrow(ctx.Tr(parent->name)));
    data.Set("parent_url", ctx.Link(urls::Bureau(lang, parent->id)));
  }
  TemplateData kinds = TemplateData::EmptyList();
  for (PeriodKind kind : model.KindsOf(bureau.id)) {
    std::vector<const Edition*> series = model.SeriesOf(bureau.id, kind);
    TemplateData k;
    k.Set("name", TemplateData::Borrow(ctx.T("kind_" + std::string(PeriodKindId(kind)))));
    k.Set("kind_name", TemplateData::Borrow(ctx.T("kind_" + std::string(PeriodKindId(kind)))));
    TemplateData editions = TemplateData::EmptyList();
    for (auto it = series.rbegin(); it != series.rend(); ++it) {
      const Edition& e = **it;
      const Narrative* n = NarrativeFor(model, e.narratives, lang);
      TemplateData ed;
      ed.Set("label", ctx.PeriodLabel(e.period));
      ed.Set("url", ctx.Link(urls::Report(lang, e.bureau, e.name)));
      // Without this, an edition without a title would show the page's "title".
      ed.Set("title", TemplateData(false));
      // The title the report page has in this language (never another language's).
      if (n) ed.Set("title", ReportTitle(ctx, e));
      if (n) {
        if (!n->front.summary.empty()) ed.Set("summary", n->front.summary);
        if (!n->front.date.empty()) ed.Set("date", n->front.date);
        ed.Set("narrative_lang", n->lang);
        ed.Set("untranslated", n->lang != lang);
      } else {
        ed.Set("data_only", true);
      }
      editions.Push(std::move(ed));
    }
    k.Set("editions", std::move(editions));
    // Trends: the indicators (rows) over the editions of this kind (columns), by category.
    TemplateData columns = TemplateData::EmptyList();
    for (const Edition* e : series) columns.Push(One("label", ctx.PeriodLabel(e->period)));
    k.Set("columns", std::move(columns));
    k.Set("categories", BureauTrends(ctx, t, bureau.id, kind, files));
    TemplateData comparisons = TemplateData::EmptyList();
    for (const EditionPair& p : ComparisonsOf(model, bureau.id)) {
      if (p.a->period.kind != kind || (p.from_first && !p.first_vs_latest)) continue;
      TemplateData c;
      c.Set("label", ComparisonLabel(ctx, p));
      c.Set("url", ctx.Link(urls::Compare(lang, bureau.id, p.a->name, p.b->name)));
      comparisons.Push(std::move(c));
    }
    k.Set("has_comparisons", !comparisons.IsEmptyList());
    k.Set("comparisons", std::move(comparisons));
    kinds.Push(std::move(k));
  }
  data.Set("kinds", std::move(kinds));
  if (model.EditionsOf(bureau.id).empty()) data.Set("no_editions", true);
  SetRegion(ctx, bureau, data);
  files.insert(files.begin(), ctx.Finish(t, "bureau", std::move(data), ctx.Tr(bureau.name),
                                         BureauCrumbs(ctx, bureau)));
  return files;
}

OutputFile RenderHomePage(const RenderInputs& in, const Templates& t, const std::string& lang) {
  PageContext ctx(in, lang, urls::Home(lang));
  const SiteModel& model = in.model;
  TemplateData data;
  // The top of the tree (bureaus without a parent), at most kHomeBureaus of them in list
  // order; everything else is a click away on the bureau index and the region pages, so
  // the home page stays the same size however large the archive.
  TemplateData bureaus = TemplateData::EmptyList();
  size_t shown_bureaus = 0;
  for (const Bureau* top : model.TopLevel()) {
    if (shown_bureaus++ == kHomeBureaus) break;
    const Bureau& b = *top;
    TemplateData bd;
    bd.Set("name", TemplateData::Borrow(ctx.Tr(b.name)));
    bd.Set("url", ctx.Link(urls::Bureau(lang, b.id)));
    bd.Set("level", TemplateData::Borrow(ctx.T("level_" + std::string(BureauLevelId(b.level)))));
    if (const Edition* latest = model.Latest(b.id)) {
      bd.Set("latest_label", ctx.PeriodLabel(latest->period));
      bd.Set("latest_url", ctx.Link(urls::Report(lang, b.id, latest->name)));
      if (const Narrative* n = NarrativeFor(model, latest->narratives, lang)) {
        bd.Set("latest_title", ReportTitle(ctx, *latest));
        if (!n->front.summary.empty()) bd.Set("latest_summary", n->front.summary);
        bd.Set("latest_lang", n->lang);
      }
      // Headline figures: the first few indicators this edition has a number for.
      TemplateData figures = TemplateData::EmptyList();
      int shown = 0;
      for (const Indicator& ind : model.catalog.indicators) {
        if (shown == 4) break;
        if (latest->ValueOf(ind).status != ValueStatus::kNumber) continue;
        figures.Push(ctx.FigureData(*latest, ind));
        ++shown;
      }
      bd.Set("figures", std::move(figures));
    }
    bd.Set("edition_count", std::to_string(model.EditionsOf(b.id).size()));
    if (size_t n = model.ChildrenOf(b.id).size()) {
      bd.Set("under", WithCount(ctx.T("children_count"), n));
    }
    bureaus.Push(std::move(bd));
  }
  data.Set("bureaus", std::move(bureaus));
  data.Set("bureau_index_url", ctx.Link(urls::BureauIndex(lang)));
  data.Set("all_bureaus", WithCount(ctx.T("all_bureaus"), model.catalog.bureaus.size()));
  data.Set("heading", TemplateData::Borrow(ctx.Tr(model.config.title)));
  return ctx.Finish(t, "home", std::move(data), ctx.Tr(model.config.title), {});
}

OutputFile RenderFreePage(const RenderInputs& in, const Templates& t, const std::string& lang,
                          const Page& page) {
  PageContext ctx(in, lang, urls::Page(lang, page.id));
  TemplateData data;
  OutputFiles unused;
  SetNarrative(ctx, t, data, page.narratives, HeldBodies(page.narratives), nullptr, unused);
  const Narrative* n = NarrativeFor(in.model, page.narratives, lang);
  std::string title = n && !n->front.title.empty() ? n->front.title : page.id;
  data.Set("heading", title);
  return ctx.Finish(t, "page", std::move(data), title,
                    {{ctx.T("home"), urls::Home(lang)}, {title, ""}});
}

OutputFile RenderLanguageChoice(const RenderInputs& in, const Templates& t) {
  const SiteModel& model = in.model;
  const std::string& lang = model.config.default_language();
  PageContext ctx(in, lang, "index.html");
  TemplateData data;
  data.Set("default_url", urls::Home(lang));
  data.Set("lang", lang);
  data.Set("site_title", TemplateData::Borrow(ctx.Tr(model.config.title)));
  TemplateData languages = TemplateData::EmptyList();
  for (const std::string& l : model.config.languages) {
    TemplateData d;
    d.Set("code", l);
    d.Set("name", in.theme.String(l, "language_name"));
    d.Set("url", urls::Home(l));
    d.Set("title", model.config.title.Get(l, lang));
    d.Set("choose", in.theme.String(l, "choose_language"));
    languages.Push(std::move(d));
  }
  data.Set("languages", std::move(languages));
  data.Set("gov_meta", GovernmentMeta(model.config, lang, ctx.T("home"), nullptr));
  if (!in.reload_script.empty()) data.Set("reload_script", in.reload_script);
  if (in.publish && !model.config.government.publish_snippet.empty()) {
    data.Set("publish_snippet", model.config.government.publish_snippet);
  }
  return {"index.html", t.Render("language_choice", data)};
}

}  // namespace nianbao

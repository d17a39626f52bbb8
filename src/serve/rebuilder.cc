#include "serve/rebuilder.h"

#include <chrono>
#include <cstdio>

#include "checks/data_checks.h"
#include "content/content.h"
#include "content/narrative.h"
#include "core/text.h"
#include "pipeline/build.h"
#include "render/pages.h"
#include "render/render_context.h"

namespace nianbao {

/// What the served site was built from, kept so that a narrative edit can re-render a few
/// pages without loading the site again.
struct Rebuilder::Built {
  SiteModel model;
  Theme theme;
  std::unique_ptr<search::SearchIndex> search;  // updated by each partial render
};

/// One file the model was read from, found by its path: a narrative, or an edition's data.
struct Rebuilder::Target {
  std::string path;
  std::string lang;
  Edition* edition = nullptr;                // a report narrative or data.yaml…
  Page* page = nullptr;                      // …or a free-standing page's narrative
  bool data = false;                         // the edition's data.yaml
  std::set<std::string> changed_indicators;  // data: those whose figure or note changed
};

namespace {

using Clock = std::chrono::steady_clock;

// What every render of the preview shares: its threads and the reload script.
RenderOptions PreviewRender(const RebuildOptions& options) {
  RenderOptions render;
  render.jobs = options.jobs;
  render.reload_script = options.reload_script;
  return render;
}

std::string Seconds(Clock::time_point since) {
  double s = std::chrono::duration<double>(Clock::now() - since).count();
  char text[32];
  if (s < 1) {
    std::snprintf(text, sizeof text, "%.0f ms", s * 1000);
  } else {
    std::snprintf(text, sizeof text, "%.2f s", s);
  }
  return text;
}

std::string FailureSummary(const Diagnostics& diags) {
  return "nianbao: build failed: " + std::to_string(diags.ErrorCount()) + " error(s), " +
         std::to_string(diags.WarningCount()) + " warning(s); still serving the last good site";
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Rebuilder::Rebuilder(const FileSystem& site, LiveSite& live, RebuildOptions options, Log log)
    : site_(site), live_(live), options_(std::move(options)), log_(std::move(log)) {}

Rebuilder::~Rebuilder() = default;

void Rebuilder::Report(const Diagnostics& diags, bool whole_site) {
  std::string text = diags.FormatAll();
  if (diags.HasErrors()) {
    log_(text + FailureSummary(diags) + "\n");
    live_.Fail(FailureSummary(diags), text);
  } else if (!whole_site) {
    log_(text);  // the edited files' own warnings
  } else if (text != last_warnings_) {
    log_(text);  // the site's warnings: when they change, not after every edit
    last_warnings_ = text;
  }
}

Rebuilder::Outcome Rebuilder::FullBuild() {
  const auto start = Clock::now();
  uint64_t generation;
  {
    std::lock_guard lock(mutex_);
    generation = generation_;
  }
  Diagnostics diags;
  BuildOptions build{options_.jobs, options_.reload_script, /*keep_bodies=*/true};
  std::optional<SiteModel> model = LoadSite(site_, diags, build);
  std::optional<Theme> theme = model ? LoadTheme(site_, model->config, diags) : std::nullopt;
  std::optional<OutputFiles> files;
  std::unique_ptr<search::SearchIndex> search;
  if (theme) {
    MemorySink sink;
    search = std::make_unique<search::SearchIndex>();
    RenderOptions render = PreviewRender(options_);
    render.search = search.get();
    BodyLoader held = [](const Narrative& n, Diagnostics&) { return n.body; };
    bool ok = RenderSite(*model, *theme, render, held, sink, diags);
    diags.Append(sink.Problems());
    if (ok) files = sink.Take();
  }

  std::lock_guard lock(mutex_);
  if (generation != generation_) return Outcome::kDropped;
  const bool checking = checking_;
  checking_ = false;
  Report(diags, true);
  if (!files || diags.HasErrors()) {
    in_sync_ = false;
    return Outcome::kFailed;
  }
  int pages = 0;
  for (const OutputFile& f : *files) pages += EndsWith(f.path, ".html");
  const size_t file_count = files->size();
  auto site = std::make_shared<const SiteFiles>(ToSiteFiles(std::move(*files)));
  std::shared_ptr<const SiteState> before = live_.Current();
  std::vector<std::string> changed =
      before->files ? ChangedPaths(*before->files, *site) : std::vector<std::string>{};
  // The terminal line first, then the event: whoever sees the reload can see the line.
  if (checking) {
    log_("nianbao: whole-site check: " + Plural(changed.size(), "more file", "more files") +
         " changed (" + Seconds(start) + ")\n");
  } else {
    std::string what =
        before->files ? "; " + Plural(changed.size(), "file", "files") + " changed" : std::string();
    log_("nianbao: built " + std::to_string(pages) + " pages, " + std::to_string(file_count) +
         " files" + what + " (" + Seconds(start) + ")\n");
  }
  // A check that finds nothing new, with nothing to clear, sends no event.
  if (!checking || !changed.empty() || before->failing) live_.Publish(site, changed);
  built_ = std::make_unique<Built>(Built{std::move(*model), std::move(*theme), std::move(search)});
  in_sync_ = true;
  dirty_.clear();
  return Outcome::kPublished;
}

std::optional<std::vector<Rebuilder::Target>> Rebuilder::Targets(
    const std::set<std::string>& paths) {
  std::vector<Target> targets;
  for (const std::string& path : paths) {
    Target target;
    for (Edition& e : built_->model.content.editions) {
      if (path == "content/reports/" + e.bureau + "/" + e.name + "/data.yaml") {
        target = {path, "", &e, nullptr, true, {}};
      }
      for (auto& [lang, n] : e.narratives) {
        if (n.path == path) target = {path, lang, &e, nullptr, false, {}};
      }
    }
    for (Page& p : built_->model.content.pages) {
      for (auto& [lang, n] : p.narratives) {
        if (n.path == path) target = {path, lang, nullptr, &p, false, {}};
      }
    }
    if (!target.edition && !target.page) return std::nullopt;
    targets.push_back(std::move(target));
  }
  return targets;
}

OutputFiles Rebuilder::RenderAffected(const std::vector<Target>& targets,
                                      std::vector<std::string>& prefixes, Diagnostics& diags) {
  const SiteModel& model = built_->model;
  RenderSelection sel;
  sel.all = false;
  std::set<std::string> touched;  // output folders and files the targets' pages live in
  for (const Target& target : targets) {
    for (const std::string& lang : model.config.languages) {
      if (target.page) {
        sel.pages.insert(target.page);
        touched.insert(lang + "/pages/" + target.page->id + "/");
        continue;
      }
      const Edition& e = *target.edition;
      sel.bureaus.insert(e.bureau);
      touched.insert(lang + "/bureaus/" + e.bureau + "/");
      touched.insert(lang + "/compare/" + e.bureau + "/");
      if (target.data) {
        // Figures show on every report of the bureau (charts, changes), on the home,
        // indicator and comparison pages and in the open data.
        for (const Edition* other : model.EditionsOf(e.bureau)) sel.editions.insert(other);
        sel.home = sel.data = true;
        for (const std::string& id : target.changed_indicators) {
          sel.indicator_ids.insert(id);
          touched.insert(lang + "/indicators/" + id + "/");
        }
        touched.insert(lang + "/reports/" + e.bureau + "/");
        touched.insert(lang + "/index.html");
        touched.insert("data/");
        // The parent's region page lists the bureau's latest figures and ranks them. (Its
        // peers' bands move too: the whole-site check after this updates those pages.)
        if (const Bureau* b = model.catalog.FindBureau(e.bureau); b && !b->parent.empty()) {
          sel.bureaus.insert(b->parent);
          touched.insert(lang + "/bureaus/" + b->parent + "/");
          touched.insert(lang + "/compare/" + b->parent + "/");
        }
      } else {
        sel.editions.insert(&e);
        touched.insert(lang + "/reports/" + e.bureau + "/" + e.name + "/");
        if (model.Latest(e.bureau) == &e) {  // the home page shows the latest title
          sel.home = true;
          touched.insert(lang + "/index.html");
        }
      }
    }
  }
  prefixes.assign(touched.begin(), touched.end());
  MemorySink sink;
  RenderOptions render = PreviewRender(options_);
  render.search = built_->search.get();
  render.search_files = false;  // written after the pages are shown (ApplyChanges)
  BodyLoader held = [](const Narrative& n, Diagnostics&) { return n.body; };
  RenderSite(model, built_->theme, render, held, sink, diags, sel);
  diags.Append(sink.Problems());
  return sink.Take();
}

Rebuilder::Next Rebuilder::ApplyChanges(const std::vector<std::string>& paths) {
  const auto start = Clock::now();
  std::lock_guard lock(mutex_);
  ++generation_;
  std::set<std::string> wanted(paths.begin(), paths.end());
  wanted.insert(dirty_.begin(), dirty_.end());
  std::optional<std::vector<Target>> targets;
  if (in_sync_ && built_) targets = Targets(wanted);
  if (!targets) {
    in_sync_ = false;
    dirty_.clear();
    checking_ = false;
    return Next::kFullBuild;
  }

  Diagnostics diags;
  std::vector<Narrative> loaded;
  std::vector<Edition> data;  // the new figures of each data target, in order
  const SiteModel& model = built_->model;
  for (const Target& target : *targets) {
    std::optional<std::string> text = site_.Read(target.path);
    if (!text) {  // removed since: the site's shape changed
      in_sync_ = false;
      dirty_.clear();
      return Next::kFullBuild;
    }
    if (target.data) {
      Edition fresh;
      fresh.values.resize(model.catalog.indicators.size());
      ReadEditionData(target.path, *text, model.config, model.catalog, fresh, diags);
      data.push_back(std::move(fresh));
      continue;
    }
    std::optional<Narrative> n = LoadNarrative(target.path, *text, target.lang, model.config,
                                               target.edition ? &model.catalog : nullptr, diags);
    if (n) loaded.push_back(std::move(*n));
  }
  const size_t narratives = targets->size() - data.size();
  if (diags.HasErrors()) {
    dirty_ = wanted;  // retried with the next change, so a fix alone clears the error
    Report(diags, false);
    return Next::kNothing;
  }
  if (loaded.size() != narratives) {  // refused without an error: let a full build say
    in_sync_ = false;
    dirty_.clear();
    return Next::kFullBuild;
  }
  for (size_t i = 0, n = 0, d = 0; i < targets->size(); ++i) {
    const Target& target = (*targets)[i];
    if (target.data) {
      Edition& fresh = data[d++];
      for (const Indicator& ind : model.catalog.indicators) {
        const Value& a = target.edition->ValueOf(ind);
        const Value& b = fresh.ValueOf(ind);
        auto note_a = target.edition->notes.find(ind.id), note_b = fresh.notes.find(ind.id);
        bool same_note =
            (note_a == target.edition->notes.end()) == (note_b == fresh.notes.end()) &&
            (note_a == target.edition->notes.end() || note_a->second.text == note_b->second.text);
        if (a.status != b.status || a.listed != b.listed || a.number != b.number || !same_note) {
          (*targets)[i].changed_indicators.insert(ind.id);
        }
      }
      target.edition->values = std::move(fresh.values);
      target.edition->notes = std::move(fresh.notes);
      target.edition->value_pos = std::move(fresh.value_pos);
      continue;
    }
    auto& held = target.edition ? target.edition->narratives : target.page->narratives;
    held[target.lang] = std::move(loaded[n++]);
  }
  dirty_.clear();
  // The declared data checks of the edited editions, and of the editions after them (whose
  // change from the previous one may now be too large): warnings, as in a full build.
  ValueLocator at = [&](const Edition& e, const Indicator& ind) {
    LineCol lc = e.PositionOf(ind);
    return ValueLocation{{e.DataPath(), lc.line, lc.col},
                         LineOf(site_.Read(e.DataPath()).value_or(""), lc.line),
                         ""};
  };
  for (const Target& target : *targets) {
    if (!target.data) continue;
    CheckEditionData(model, *target.edition, at, diags);
    if (const Edition* next = model.Next(*target.edition)) {
      CheckEditionData(model, *next, at, diags);
    }
  }
  Report(diags, false);

  std::vector<std::string> prefixes;
  Diagnostics render_diags;
  OutputFiles files = RenderAffected(*targets, prefixes, render_diags);
  if (render_diags.HasErrors()) {  // e.g. a template that fails on the new figures
    in_sync_ = false;
    Report(render_diags, false);
    return Next::kFullBuild;
  }
  const size_t rendered = files.size();
  std::shared_ptr<const SiteState> before = live_.Current();
  SiteFiles site = *before->files;
  std::vector<std::string> changed = ReplaceUnder(site, prefixes, std::move(files));
  std::string names = (*targets)[0].path;
  if (targets->size() > 1) names += " and " + std::to_string(targets->size() - 1) + " more";
  log_("nianbao: " + names + ": " + Plural(rendered, "file", "files") + " re-rendered, " +
       std::to_string(changed.size()) + " changed (" + Seconds(start) + "); checking the rest\n");
  live_.Publish(std::make_shared<const SiteFiles>(std::move(site)), changed);
  // Then the search index, which takes longer than the pages of an edit: the edited page
  // reloads without waiting for it, a search page when it is written.
  RenderOptions render = PreviewRender(options_);
  OutputFiles index = RenderSearchFiles(model, built_->theme, render, *built_->search);
  SiteFiles with_index = *live_.Current()->files;
  std::vector<std::string> index_changed =
      ReplaceUnder(with_index, {"assets/search/"}, std::move(index));
  if (!index_changed.empty()) {
    live_.Publish(std::make_shared<const SiteFiles>(std::move(with_index)), index_changed);
  }
  checking_ = true;
  return Next::kCheck;
}

}  // namespace nianbao

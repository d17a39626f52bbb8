#include "serve/rebuilder.h"

#include <chrono>
#include <cstdio>

#include "content/narrative.h"
#include "pipeline/build.h"
#include "render/pages.h"
#include "render/render_context.h"

namespace nianbao {

/// What the served site was built from, kept so that a narrative edit can re-render a few
/// pages without loading the site again.
struct Rebuilder::Built {
  SiteModel model;
  Theme theme;
  TemplateSet templates;
};

/// One narrative the model holds, found by its path.
struct Rebuilder::Target {
  std::string path;
  std::string lang;
  Edition* edition = nullptr;  // a report narrative…
  Page* page = nullptr;        // …or a free-standing page's
};

namespace {

using Clock = std::chrono::steady_clock;

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
  site_.CheckLinks(diags);  // links out of the site or in a loop: refused, and said so
  std::optional<SiteModel> model = LoadSite(site_, diags);
  std::optional<Theme> theme = model ? LoadTheme(site_, model->config, diags) : std::nullopt;
  std::optional<OutputFiles> files;
  std::optional<TemplateSet> templates;
  if (theme) {
    RenderOptions render;
    render.jobs = options_.jobs;
    render.reload_script = options_.reload_script;
    files = RenderSite(*model, *theme, render, diags);
    if (files) templates = TemplateSet::Compile(*theme, diags);
  }

  std::lock_guard lock(mutex_);
  if (generation != generation_) return Outcome::kDropped;
  const bool checking = checking_;
  checking_ = false;
  Report(diags, true);
  if (!templates || diags.HasErrors()) {
    in_sync_ = false;
    return Outcome::kFailed;
  }
  BuildStats stats = CountOutput(*files);
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
    log_("nianbao: built " + std::to_string(stats.pages) + " pages, " +
         std::to_string(stats.files) + " files" + what + " (" + Seconds(start) + ")\n");
  }
  // A check that finds nothing new, with nothing to clear, sends no event.
  if (!checking || !changed.empty() || before->failing) live_.Publish(site, changed);
  built_ =
      std::make_unique<Built>(Built{std::move(*model), std::move(*theme), std::move(*templates)});
  in_sync_ = true;
  dirty_.clear();
  return Outcome::kPublished;
}

std::optional<std::vector<Rebuilder::Target>> Rebuilder::NarrativeTargets(
    const std::set<std::string>& paths) {
  std::vector<Target> targets;
  for (const std::string& path : paths) {
    Target target;
    for (Edition& e : built_->model.content.editions) {
      for (auto& [lang, n] : e.narratives) {
        if (n.path == path) target = {path, lang, &e, nullptr};
      }
    }
    for (Page& p : built_->model.content.pages) {
      for (auto& [lang, n] : p.narratives) {
        if (n.path == path) target = {path, lang, nullptr, &p};
      }
    }
    if (!target.edition && !target.page) return std::nullopt;
    targets.push_back(std::move(target));
  }
  return targets;
}

OutputFiles Rebuilder::RenderAffected(const std::vector<Target>& targets) {
  const SiteModel& model = built_->model;
  RenderInputs in{model, built_->theme, options_.reload_script};
  TemplateSet& t = built_->templates;
  std::set<const Edition*> editions;
  std::set<std::string> bureaus;
  std::set<const Page*> pages;
  bool home = false;  // the home page shows each bureau's latest edition
  for (const Target& target : targets) {
    if (target.edition) {
      editions.insert(target.edition);
      bureaus.insert(target.edition->bureau);
      home |= model.Latest(target.edition->bureau) == target.edition;
    } else {
      pages.insert(target.page);
    }
  }
  OutputFiles out;
  auto add = [&](OutputFiles files) {
    for (OutputFile& f : files) out.push_back(std::move(f));
  };
  // Every language: a language without its own narrative shows the default one's.
  for (const std::string& lang : model.config.languages) {
    for (const Edition* e : editions) add(RenderReportPage(in, t, lang, *e));
    for (const Bureau& b : model.catalog.bureaus) {
      if (bureaus.count(b.id)) out.push_back(RenderBureauPage(in, t, lang, b));
    }
    if (home) out.push_back(RenderHomePage(in, t, lang));
    for (const Page* p : pages) out.push_back(RenderFreePage(in, t, lang, *p));
  }
  return out;
}

Rebuilder::Next Rebuilder::ApplyChanges(const std::vector<std::string>& paths) {
  const auto start = Clock::now();
  std::lock_guard lock(mutex_);
  ++generation_;
  std::set<std::string> wanted(paths.begin(), paths.end());
  wanted.insert(dirty_.begin(), dirty_.end());
  std::optional<std::vector<Target>> targets;
  if (in_sync_ && built_) targets = NarrativeTargets(wanted);
  if (!targets) {
    in_sync_ = false;
    dirty_.clear();
    checking_ = false;
    return Next::kFullBuild;
  }

  Diagnostics diags;
  std::vector<Narrative> loaded;
  for (const Target& target : *targets) {
    std::optional<std::string> text = site_.Read(target.path);
    if (!text) {  // removed since: the site's shape changed
      in_sync_ = false;
      dirty_.clear();
      return Next::kFullBuild;
    }
    std::optional<Narrative> n =
        LoadNarrative(target.path, *text, target.lang, built_->model.config,
                      target.edition ? &built_->model.catalog : nullptr, diags);
    if (n) loaded.push_back(std::move(*n));
  }
  if (diags.HasErrors()) {
    dirty_ = wanted;  // retried with the next change, so a fix alone clears the error
    Report(diags, false);
    return Next::kNothing;
  }
  if (loaded.size() != targets->size()) {  // refused without an error: let a full build say
    in_sync_ = false;
    dirty_.clear();
    return Next::kFullBuild;
  }
  for (size_t i = 0; i < loaded.size(); ++i) {
    const Target& target = (*targets)[i];
    auto& narratives = target.edition ? target.edition->narratives : target.page->narratives;
    narratives[target.lang] = std::move(loaded[i]);
  }
  dirty_.clear();
  Report(diags, false);

  OutputFiles files = RenderAffected(*targets);
  const size_t rendered = files.size();
  std::shared_ptr<const SiteState> before = live_.Current();
  SiteFiles site = *before->files;
  std::vector<std::string> changed = Overlay(site, std::move(files));
  std::string names = (*targets)[0].path;
  if (targets->size() > 1) names += " and " + std::to_string(targets->size() - 1) + " more";
  log_("nianbao: " + names + ": " + Plural(rendered, "file", "files") + " re-rendered, " +
       std::to_string(changed.size()) + " changed (" + Seconds(start) + "); checking the rest\n");
  live_.Publish(std::make_shared<const SiteFiles>(std::move(site)), changed);
  checking_ = true;
  return Next::kCheck;
}

}  // namespace nianbao

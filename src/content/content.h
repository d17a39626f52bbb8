// Editions (reports/<bureau>/<edition>/), narratives and free-standing pages: §5, §6.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "config/site_config.h"
#include "content/front_matter.h"
#include "content/shortcodes.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "core/ids.h"
#include "core/translated.h"

namespace nianbao {

enum class ValueStatus { kNumber, kWithheld, kNull };

/// One indicator's figure in one edition.
struct Value {
  ValueStatus status = ValueStatus::kNull;
  double number = 0;
  bool listed = false;  // data.yaml names the indicator (even as null)
};

/// Where a value was written in data.yaml; 0 if nowhere.
struct LineCol {
  int line = 0;
  int col = 0;
};

/// A ```chart block of a narrative.
struct ChartSpec {
  std::vector<std::string> indicators;
  bool bar = false;  // type: bar; otherwise line
  Translated title;  // may be empty
  Position pos;
};

/// The rendered part of a Markdown file: HTML holding placeholders for its shortcodes and
/// charts (content/shortcodes.h), filled in per page by the render stage.
struct NarrativeBody {
  std::string html;
  std::vector<Shortcode> shortcodes;
  std::vector<ChartSpec> charts;
};

/// A Markdown file. Its front matter is read at load; a report narrative's body is read
/// only when its pages are rendered (LoadNarrativeBody), so that memory does not grow with
/// the number of reports. Free-standing pages, and every narrative in serve, keep theirs.
struct Narrative {
  std::string lang;  // the language it is written in
  std::string path;  // relative to the site
  FrontMatter front;
  std::shared_ptr<const NarrativeBody> body;  // null until loaded
};

struct Edition {
  std::string bureau;
  std::string name;  // "2021", "2022-h1"
  EditionName period;
  /// One slot per catalogue indicator, by Indicator::index; unlisted ones are kNull.
  std::vector<Value> values;
  /// Parallel to `values` (or empty): where data.yaml gives each value of an indicator
  /// that declares data checks, for their warnings.
  std::vector<LineCol> value_pos;
  std::map<std::string, Translated> notes;      // by indicator id
  std::map<std::string, Narrative> narratives;  // by language

  const Value& ValueOf(const Indicator& indicator) const;
  /// data.yaml names the indicator, with a number, withheld or null.
  bool Lists(const Indicator& indicator) const { return ValueOf(indicator).listed; }
  /// The position of the indicator's value in data.yaml ({0, 0} if none was kept).
  LineCol PositionOf(const Indicator& indicator) const;
  /// content/reports/<bureau>/<name>/data.yaml
  std::string DataPath() const;
};

struct Page {
  std::string id;
  std::map<std::string, Narrative> narratives;  // by language
};

/// All editions sorted by (bureau order, period kind, year) and pages sorted by id.
struct Content {
  std::vector<Edition> editions;
  std::vector<Page> pages;
};

/// Reads an edition's data.yaml into `edition` (whose values are sized to the catalogue).
void ReadEditionData(const std::string& path, const std::string& text, const SiteConfig& config,
                     const Catalog& catalog, Edition& edition, Diagnostics& diags);

struct LoadOptions {
  int jobs = 0;              // threads; 0: one per core
  bool with_bodies = false;  // also render every report narrative's Markdown (serve)
};

/// Reads content/reports and content/pages, editions on every core. Data and front matter
/// are checked here; report bodies only with `with_bodies` (else when rendered).
std::optional<Content> LoadContent(const FileSystem& site, const SiteConfig& config,
                                   const Catalog& catalog, Diagnostics& diags,
                                   const LoadOptions& options = {});

}  // namespace nianbao

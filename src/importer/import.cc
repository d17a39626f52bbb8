#include "importer/import.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalog/catalog.h"
#include "checks/data_checks.h"
#include "config/site_config.h"
#include "content/content.h"
#include "core/ids.h"
#include "core/text.h"
#include "core/write_file.h"
#include "importer/csv.h"
#include "importer/data_file.h"
#include "importer/overlay_fs.h"
#include "importer/sheet_rows.h"
#include "importer/xlsx.h"
#include "model/site_model.h"

namespace nianbao::importer {

namespace {

std::optional<std::string> ReadBytes(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return buffer.str();
}

std::string Lower(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return s;
}

std::optional<Table> ReadTable(const ImportRequest& request, ImportResult& result) {
  Diagnostics& diags = result.diags;
  const std::string lower = Lower(request.file);
  const bool csv = EndsWith(lower, ".csv"), xlsx = EndsWith(lower, ".xlsx");
  if (!csv && !xlsx) {
    diags.Error({request.file, 0, 0}, EndsWith(lower, ".xls")
                                          ? "the old .xls format is not read: save the file as "
                                            ".xlsx or as CSV"
                                          : "import reads .csv and .xlsx files");
    return std::nullopt;
  }
  std::optional<std::string> bytes = ReadBytes(request.file);
  if (!bytes) {
    diags.Error({request.file, 0, 0}, "cannot read the file");
    return std::nullopt;
  }
  if (xlsx) return ReadXlsx(request.file, *bytes, request.sheet, diags);
  Encoding used = Encoding::kUtf8;
  std::optional<Table> table = ReadCsv(request.file, *bytes, request.encoding, diags, &used);
  result.encoding = EncodingName(used);
  return table;
}

// Puts the sheet's rows into `data`, counting what changed; warns of notes that lack a
// site language.
void Merge(const std::vector<ImportedRow>& rows, const Table& table, const SiteConfig& config,
           DataFile& data, ImportResult& result) {
  std::vector<bool> from_sheet(data.values.size());
  for (const ImportedRow& row : rows) {
    const size_t i = row.indicator->index;
    from_sheet[i] = true;
    std::string text = row.value.status == ValueStatus::kNumber     ? row.value.number
                       : row.value.status == ValueStatus::kWithheld ? "withheld"
                                                                    : "null";
    if (!data.values[i]) {
      ++result.added;
    } else if (*data.values[i] != text) {
      ++result.changed;
    } else {
      ++result.unchanged;
    }
    data.values[i] = text;
    if (row.notes.empty()) continue;
    NoteText note = data.notes[i].value_or(NoteText{});
    if (note.every_language) {  // one text for all: now one per language
      std::string all = note.text[""];
      note = NoteText{};
      for (const std::string& lang : config.languages) note.text[lang] = all;
    }
    for (const auto& [lang, cell] : row.notes) note.text[lang] = std::string(Trim(cell.text));
    for (const std::string& lang : config.languages) {
      if (note.text.count(lang)) continue;
      const Cell& cell = row.notes.begin()->second;
      result.diags.Warning(cell.pos,
                           "cell " + CellName(cell) + ": the note on " + row.indicator->id +
                               " has no '" + lang + "' text: add a note_" + lang +
                               " column, or write it in data.yaml",
                           table.SourceLine(cell));
    }
    data.notes[i] = std::move(note);
  }
  for (size_t i = 0; i < data.values.size(); ++i) {
    if (data.values[i] && !from_sheet[i]) ++result.kept;
  }
}

// The declared data checks on the edition as it will be, pointing at the sheet's cells
// for the values it gave.
void RunDataChecks(const ImportRequest& request, const FileSystem& site, const SiteConfig& config,
                   const Catalog& catalog, const std::vector<ImportedRow>& rows, const Table& table,
                   const DataFile& old, const std::string& old_text, ImportResult& result) {
  bool any = false;
  for (const Indicator& ind : catalog.indicators) any = any || ind.checks.any();
  if (!any) return;
  MemoryFileSystem changed;
  changed.Set(result.data_path, result.text);
  OverlayFileSystem overlay(site, std::move(changed));
  Diagnostics ignored;  // the rest of the site is `nianbao check`'s to report
  std::optional<Content> content = LoadContent(overlay, config, catalog, ignored);
  if (!content) {
    result.diags.Warning({result.data_path, 0, 0},
                         "the data checks were not run: the site has errors (see nianbao check)");
    return;
  }
  SiteModel model(config, catalog, std::move(*content));
  const Edition* edition = nullptr;
  for (const Edition& e : model.content.editions) {
    if (e.bureau == request.bureau && e.name == request.edition) edition = &e;
  }
  if (!edition) return;
  std::vector<const Cell*> cells(catalog.indicators.size(), nullptr);
  for (const ImportedRow& row : rows) cells[row.indicator->index] = &row.value_cell;
  ValueLocator at = [&](const Edition& e, const Indicator& ind) {
    if (const Cell* c = cells[ind.index]) {
      return ValueLocation{c->pos, table.SourceLine(*c), "cell " + CellName(*c) + ": "};
    }
    // A value the sheet did not give: where it stands in data.yaml now.
    const bool on_disk = request.check_only && ind.index < old.positions.size();
    LineCol lc = on_disk ? old.positions[ind.index] : e.PositionOf(ind);
    return ValueLocation{
        {result.data_path, lc.line, lc.col}, LineOf(on_disk ? old_text : result.text, lc.line), ""};
  };
  CheckEditionData(model, *edition, at, result.diags);
}

}  // namespace

ImportResult Import(const ImportRequest& request) {
  ImportResult result;
  Diagnostics& diags = result.diags;
  DiskFileSystem site(request.site);
  std::optional<SiteConfig> config = LoadSiteConfig(site, diags);
  if (!config) return result;
  Catalog catalog = LoadCatalog(site, *config, diags);
  if (diags.HasErrors()) return result;
  result.data_path = "content/reports/" + request.bureau + "/" + request.edition + "/data.yaml";
  if (!catalog.FindBureau(request.bureau)) {
    diags.Error(
        {"content/bureaus/" + request.bureau + ".yaml", 0, 0},
        "no bureau '" + request.bureau + "'" + DidYouMean(request.bureau, catalog.BureauIds()));
  }
  std::optional<EditionName> period = ParseEditionName(request.edition);
  if (!period) {
    diags.Error({"content/reports/" + request.bureau + "/" + request.edition, 0, 0},
                "'" + request.edition + "' is not an edition name: use YYYY for a year, " +
                    "or YYYY-h1, YYYY-h2, YYYY-q1 … YYYY-q4");
  }
  if (diags.HasErrors()) return result;
  std::optional<Table> table = ReadTable(request, result);
  if (!table) return result;
  std::optional<std::vector<ImportedRow>> rows = ReadRows(*table, catalog, *config, *period, diags);
  if (!rows) return result;
  if (rows->empty()) {
    diags.Error({request.file, 0, 0}, "the sheet has no rows of indicators");
    return result;
  }
  const std::optional<std::string> old_text = site.Read(result.data_path);
  std::optional<DataFile> data =
      old_text ? ReadDataFile(result.data_path, *old_text, *config, catalog, diags)
               : std::optional(EmptyDataFile(catalog));
  if (!data) return result;
  const DataFile old = *data;
  Merge(*rows, *table, *config, *data, result);
  result.text = FormatDataFile(*data, catalog, *config);
  RunDataChecks(request, site, *config, catalog, *rows, *table, old, old_text.value_or(""), result);
  result.ok = !diags.HasErrors() && !(request.strict && diags.WarningCount() > 0);
  if (!result.ok || request.check_only || (old_text && *old_text == result.text)) return result;
  std::string error;
  if (!ReplaceFile(JoinPath(request.site, result.data_path), result.text, error)) {
    diags.Error({result.data_path, 0, 0}, error);
    result.ok = false;
    result.write_failed = true;
    return result;
  }
  result.written = true;
  return result;
}

std::string ImportResult::Summary(const ImportRequest& request) const {
  const int total = added + changed + unchanged;
  std::string line = "nianbao: import: " + std::to_string(total) + " value(s) from " +
                     request.file + (encoding.empty() ? "" : " (" + encoding + ")") + ": " +
                     std::to_string(added) + " new, " + std::to_string(changed) + " changed, " +
                     std::to_string(unchanged) + " unchanged; " + std::to_string(kept) +
                     " other(s) kept";
  if (request.check_only) return line + "; --check: nothing written\n";
  if (!written) return line + "; " + data_path + " is up to date\n";
  return line + " → " + data_path + "\n";
}

}  // namespace nianbao::importer

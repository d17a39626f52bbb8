#include "importer/sheet_rows.h"

#include <algorithm>
#include <unordered_map>

#include "core/text.h"

namespace nianbao::importer {

namespace {

enum class Role { kNone, kIndicator, kValue, kUnit, kNote };

struct Columns {
  int indicator = 1, value = 2, unit = 0;
  std::map<std::string, int> notes;  // language → column
  int header_row = 0;                // 0: no header
};

// A header cell's words: lower-case, without a bracketed remark ("数值（万元）").
std::string HeaderWord(const std::string& text) {
  std::string s = NormalizeCell(text);
  for (std::string_view open : {"(", "（", "["}) {
    if (size_t at = s.find(open); at != std::string::npos && at > 0) s = s.substr(0, at);
  }
  s = NormalizeCell(s);
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return s;
}

bool OneOf(const std::string& word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (word == w) return true;
  }
  return false;
}

// "2023", "2023年", "2023年上半年": a column of the edition's year.
bool IsYearHeader(const std::string& word, int year) {
  std::string y = std::to_string(year);
  return StartsWith(word, y) &&
         (word.size() == y.size() || word[y.size()] < '0' || word[y.size()] > '9');
}

Role RoleOf(const std::string& word, int year, const SiteConfig& config, std::string& lang) {
  if (OneOf(word, {"指标", "指标名称", "指标代码", "指标id", "名称", "项目", "indicator",
                   "indicator id", "id", "name"})) {
    return Role::kIndicator;
  }
  if (OneOf(word, {"数值", "值", "数据", "本期", "本期数", "指标值", "value"}) ||
      IsYearHeader(word, year)) {
    return Role::kValue;
  }
  if (OneOf(word, {"单位", "计量单位", "unit"})) return Role::kUnit;
  if (OneOf(word, {"备注", "说明", "note", "notes"})) {
    lang = config.default_language();
    return Role::kNote;
  }
  for (const std::string& l : config.languages) {
    if (word == "note_" + l || word == "备注_" + l) {
      lang = l;
      return Role::kNote;
    }
  }
  return Role::kNone;
}

// Indicators by id, then by name in any language.
class IndicatorNames {
 public:
  explicit IndicatorNames(const Catalog& catalog) {
    for (const Indicator& ind : catalog.indicators) {
      by_id_[ind.id] = &ind;
      keys_.push_back(ind.id);
    }
    for (const Indicator& ind : catalog.indicators) {
      for (const auto& [lang, name] : ind.name.text) {
        std::vector<const Indicator*>& named = by_name_[name];
        if (named.empty() && !by_id_.count(name)) keys_.push_back(name);
        if (std::find(named.begin(), named.end(), &ind) == named.end()) named.push_back(&ind);
      }
    }
  }

  bool Knows(const std::string& key) const { return by_id_.count(key) || by_name_.count(key); }

  const Indicator* Find(const std::string& key, std::string& error) const {
    if (auto it = by_id_.find(key); it != by_id_.end()) return it->second;
    if (auto it = by_name_.find(key); it != by_name_.end()) {
      if (it->second.size() == 1) return it->second.front();
      std::string ids;
      for (const Indicator* ind : it->second) ids += (ids.empty() ? "" : ", ") + ind->id;
      error = "'" + key + "' is the name of several indicators (" + ids + "): give the id";
      return nullptr;
    }
    error = "unknown indicator '" + key + "'" + DidYouMean(key, keys_);
    return nullptr;
  }

 private:
  std::unordered_map<std::string, const Indicator*> by_id_;
  std::unordered_map<std::string, std::vector<const Indicator*>> by_name_;
  std::vector<std::string> keys_;  // ids and names, for "did you mean"
};

// The first row naming both an indicator and a value column is the header; rows above it
// (a title) are skipped. Without one, columns A, B, C. The search stops at the first row
// that names an indicator, so that no row of figures is ever skipped.
std::optional<Columns> FindColumns(const Table& table, const SiteConfig& config, int year,
                                   const IndicatorNames& names, Diagnostics& diags) {
  Columns columns;
  columns.notes[config.default_language()] = 3;
  for (const std::vector<Cell>& row : table.rows) {
    bool indicator = false, value = false;
    for (const Cell& c : row) {
      if (names.Knows(NormalizeCell(c.text))) return columns;
      std::string lang;
      Role role = RoleOf(HeaderWord(c.text), year, config, lang);
      indicator = indicator || role == Role::kIndicator;
      value = value || role == Role::kValue;
    }
    if (!indicator || !value) continue;
    Columns found;
    found.header_row = row.front().row;
    std::map<Role, const Cell*> first;
    std::map<std::string, const Cell*> first_note;
    bool ok = true;
    for (const Cell& c : row) {
      std::string lang;
      Role role = RoleOf(HeaderWord(c.text), year, config, lang);
      if (role == Role::kNone) continue;
      const Cell*& seen = role == Role::kNote ? first_note[lang] : first[role];
      if (seen) {
        diags.Error(c.pos,
                    "cell " + CellName(c) + ": a second '" + c.text + "' column (the first is " +
                        ColumnName(seen->col) + ")",
                    table.SourceLine(c));
        ok = false;
        continue;
      }
      seen = &c;
      if (role == Role::kIndicator) found.indicator = c.col;
      if (role == Role::kValue) found.value = c.col;
      if (role == Role::kUnit) found.unit = c.col;
      if (role == Role::kNote) found.notes[lang] = c.col;
    }
    if (!ok) return std::nullopt;
    return found;
  }
  return columns;
}

const Cell* At(const std::vector<Cell>& row, int col) {
  for (const Cell& c : row) {
    if (c.col == col) return &c;
  }
  return nullptr;
}

}  // namespace

std::optional<std::vector<ImportedRow>> ReadRows(const Table& table, const Catalog& catalog,
                                                 const SiteConfig& config,
                                                 const EditionName& edition, Diagnostics& diags) {
  const int errors_before = diags.ErrorCount();
  const IndicatorNames names(catalog);
  std::optional<Columns> columns = FindColumns(table, config, edition.year, names, diags);
  if (!columns) return std::nullopt;
  const std::string& lang = config.default_language();
  std::vector<ImportedRow> rows;
  std::map<const Indicator*, int> seen;  // → the row it was first given in
  auto error = [&](const Cell& at, const std::string& message) {
    diags.Error(at.pos, "cell " + CellName(at) + ": " + message, table.SourceLine(at));
  };
  for (const std::vector<Cell>& row : table.rows) {
    if (row.front().row <= columns->header_row) continue;
    const Cell* name = At(row, columns->indicator);
    if (!columns->header_row) {
      for (const Cell& c : row) {
        if (c.col > 3) {
          error(c,
                "without a header row, a row holds an indicator, its value and a note "
                "(columns A to C); add a header row to name other columns");
        }
      }
    }
    if (!name) {
      error(row.front(),
            "no indicator in column " + ColumnName(columns->indicator) + " of this row");
      continue;
    }
    std::string problem;
    const Indicator* ind = names.Find(NormalizeCell(name->text), problem);
    if (!ind) {
      error(*name, problem);
      continue;
    }
    if (auto [it, fresh] = seen.emplace(ind, name->row); !fresh) {
      error(*name,
            "'" + ind->id + "' is given twice (first in row " + std::to_string(it->second) + ")");
      continue;
    }
    ImportedRow out;
    out.indicator = ind;
    if (columns->unit) {
      if (const Cell* unit = At(row, columns->unit)) {
        std::string u = NormalizeCell(unit->text);
        bool same = false;
        for (const auto& [l, text] : ind->unit.text) same = same || text == u;
        if (!same) {
          error(*unit, "the unit here is " + u + ", but " + ind->id + " is counted in " +
                           ind->unit.Get(lang, "") + " (indicators.yaml): convert the figure");
          continue;
        }
      }
    }
    const Cell* value = At(row, columns->value);
    out.value_cell = value ? *value : Cell{"", name->row, columns->value, name->pos};
    if (value) {
      CellReading reading = ReadCellValue(value->text, *ind, lang);
      if (!reading.value) {
        error(*value, reading.error);
        continue;
      }
      out.value = *reading.value;
    }
    for (const auto& [note_lang, col] : columns->notes) {
      if (const Cell* note = At(row, col)) out.notes[note_lang] = *note;
    }
    rows.push_back(std::move(out));
  }
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return rows;
}

}  // namespace nianbao::importer

#include "render/data_export.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "format/number_format.h"
#include "render/csv.h"

namespace nianbao {

OutputFiles ExportData(const SiteModel& model, const Theme&) {
  const std::vector<std::string>& langs = model.config.languages;
  const std::string& def = model.config.default_language();
  std::string table = std::string(csv::kBom);
  std::vector<std::string> header = {"bureau", "edition", "year", "period", "indicator"};
  for (const std::string& l : langs) header.push_back("name_" + l);
  for (const std::string& l : langs) header.push_back("unit_" + l);
  for (const char* h : {"kind", "value", "status"}) header.push_back(h);
  for (size_t i = 0; i < header.size(); ++i) table += (i ? "," : "") + header[i];
  table += "\r\n";
  nlohmann::ordered_json rows = nlohmann::json::array();
  for (const Edition& e : model.content.editions) {
    for (const Indicator& ind : model.catalog.indicators) {
      if (!e.Lists(ind)) continue;
      const Value& v = e.ValueOf(ind);
      const char* kind = ind.kind == IndicatorKind::kCount    ? "count"
                         : ind.kind == IndicatorKind::kAmount ? "amount"
                                                              : "rate";
      const char* status = v.status == ValueStatus::kNumber     ? "value"
                           : v.status == ValueStatus::kWithheld ? "withheld"
                                                                : "null";
      std::string number =
          v.status == ValueStatus::kNumber ? csv::Number(v.number, ind.decimals) : "";
      std::vector<std::string> fields = {e.bureau, e.name, std::to_string(e.period.year),
                                         std::string(PeriodKindId(e.period.kind)), ind.id};
      for (const std::string& l : langs) fields.push_back(ind.name.Get(l, def));
      for (const std::string& l : langs) fields.push_back(ind.unit.Get(l, def));
      fields.insert(fields.end(), {kind, number, status});
      for (size_t i = 0; i < fields.size(); ++i) table += (i ? "," : "") + csv::Field(fields[i]);
      table += "\r\n";

      nlohmann::ordered_json row;
      row["bureau"] = e.bureau;
      row["edition"] = e.name;
      row["year"] = e.period.year;
      row["period"] = PeriodKindId(e.period.kind);
      row["indicator"] = ind.id;
      for (const std::string& l : langs) row["name"][l] = ind.name.Get(l, def);
      for (const std::string& l : langs) row["unit"][l] = ind.unit.Get(l, def);
      row["kind"] = kind;
      row["value"] = v.status == ValueStatus::kNumber ? nlohmann::ordered_json(v.number) : nullptr;
      row["status"] = status;
      rows.push_back(row);
    }
  }
  nlohmann::ordered_json doc;
  doc["format"] = "nianbao-indicators/1";
  doc["rows"] = rows;
  return {{"data/indicators.csv", table}, {"data/indicators.json", doc.dump(1) + "\n"}};
}

}  // namespace nianbao

#include "render/data_export.h"

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "format/number_format.h"
#include "render/csv.h"

namespace nianbao {

void ExportData(const SiteModel& model, Sink& sink) {
  std::unique_ptr<Sink::Stream> csv_file = sink.Open("data/indicators.csv");
  std::unique_ptr<Sink::Stream> json_file = sink.Open("data/indicators.json");
  const std::vector<std::string>& langs = model.config.languages;
  const std::string& def = model.config.default_language();
  std::string table = std::string(csv::kBom);
  std::vector<std::string> header = {"bureau", "edition", "year", "period", "indicator"};
  for (const std::string& l : langs) header.push_back("name_" + l);
  for (const std::string& l : langs) header.push_back("unit_" + l);
  for (const char* h : {"kind", "value", "status"}) header.push_back(h);
  for (size_t i = 0; i < header.size(); ++i) table += (i ? "," : "") + header[i];
  table += "\r\n";
  // As nlohmann's dump(1) of {"format": …, "rows": [ … ]}, one row at a time.
  json_file->Append("{\n \"format\": \"nianbao-indicators/1\",\n \"rows\": [");
  bool first_row = true;
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
      std::string text = row.dump(1);
      std::string indented = first_row ? "\n  " : ",\n  ";
      for (char c : text) {
        indented += c;
        if (c == '\n') indented += "  ";
      }
      json_file->Append(indented);
      first_row = false;
    }
    csv_file->Append(table);
    table.clear();
  }
  json_file->Append(first_row ? "]\n}\n" : "\n ]\n}\n");
  csv_file->Close();
  json_file->Close();
}

}  // namespace nianbao

#include "render/data_export.h"

#include "core/json_text.h"
#include "render/csv.h"

namespace nianbao {

namespace {

const char* KindId(IndicatorKind kind) {
  return kind == IndicatorKind::kCount    ? "count"
         : kind == IndicatorKind::kAmount ? "amount"
                                          : "rate";
}

// A translated text as an object nested two levels deep, as nlohmann's dump(1) writes it.
std::string JsonTranslations(const Translated& t, const std::vector<std::string>& langs,
                             const std::string& def) {
  std::string out = "{\n";
  for (size_t i = 0; i < langs.size(); ++i) {
    out += "    " + JsonString(langs[i]) + ": " + JsonString(t.Get(langs[i], def));
    out += i + 1 < langs.size() ? ",\n" : "\n";
  }
  return out + "   }";
}

}  // namespace

// The bytes are those of nlohmann's dump(1) of {"format": …, "rows": [ … ]} (as earlier
// versions wrote the whole document at once); the parts that repeat for every row of an
// edition or an indicator are made once.
void ExportBureaus(const SiteModel& model, Sink& sink) {
  const std::vector<std::string>& langs = model.config.languages;
  const std::string& def = model.config.default_language();
  std::string out = std::string(csv::kBom) + "id,level,parent,order";
  for (const std::string& l : langs) out += ",name_" + l;
  for (const std::string& l : langs) out += ",short_" + l;
  out += "\r\n";
  for (const Bureau& b : model.catalog.bureaus) {
    out += csv::Field(b.id) + "," + std::string(BureauLevelId(b.level)) + "," +
           csv::Field(b.parent) + "," + std::to_string(b.order);
    for (const std::string& l : langs) out += "," + csv::Field(b.name.Get(l, def));
    for (const std::string& l : langs) out += "," + csv::Field(b.short_name.Get(l, def));
    out += "\r\n";
  }
  sink.Put(OutputFile{"data/bureaus.csv", std::move(out)});
}

void ExportData(const SiteModel& model, Sink& sink) {
  ExportBureaus(model, sink);
  std::unique_ptr<Sink::Stream> csv_file = sink.Open("data/indicators.csv");
  std::unique_ptr<Sink::Stream> json_file = sink.Open("data/indicators.json");
  const std::vector<std::string>& langs = model.config.languages;
  const std::string& def = model.config.default_language();

  std::string table = std::string(csv::kBom) + "bureau,edition,year,period,indicator";
  for (const std::string& l : langs) table += ",name_" + l;
  for (const std::string& l : langs) table += ",unit_" + l;
  table += ",kind,value,status\r\n";

  struct Fixed {
    std::string csv, json;
  };
  std::vector<Fixed> indicators;
  for (const Indicator& ind : model.catalog.indicators) {
    Fixed f;
    f.csv = csv::Field(ind.id);
    for (const std::string& l : langs) f.csv += "," + csv::Field(ind.name.Get(l, def));
    for (const std::string& l : langs) f.csv += "," + csv::Field(ind.unit.Get(l, def));
    f.csv += std::string(",") + KindId(ind.kind) + ",";
    f.json = "   \"indicator\": " + JsonString(ind.id) +
             ",\n   \"name\": " + JsonTranslations(ind.name, langs, def) +
             ",\n   \"unit\": " + JsonTranslations(ind.unit, langs, def) + ",\n   \"kind\": \"" +
             KindId(ind.kind) + "\",\n";
    indicators.push_back(std::move(f));
  }

  std::string json = "{\n \"format\": \"nianbao-indicators/1\",\n \"rows\": [";
  bool first_row = true;
  for (const Edition& e : model.content.editions) {
    const std::string period(PeriodKindId(e.period.kind));
    const std::string year = std::to_string(e.period.year);
    const std::string edition_csv = csv::Field(e.bureau) + "," + csv::Field(e.name) + "," + year +
                                    "," + csv::Field(period) + ",";
    const std::string edition_json =
        "   \"bureau\": " + JsonString(e.bureau) + ",\n   \"edition\": " + JsonString(e.name) +
        ",\n   \"year\": " + year + ",\n   \"period\": " + JsonString(period) + ",\n";
    for (const Indicator& ind : model.catalog.indicators) {
      if (!e.Lists(ind)) continue;
      const Value& v = e.ValueOf(ind);
      const char* status = v.status == ValueStatus::kNumber     ? "value"
                           : v.status == ValueStatus::kWithheld ? "withheld"
                                                                : "null";
      const Fixed& f = indicators[ind.index];
      table += edition_csv + f.csv;
      if (v.status == ValueStatus::kNumber) table += csv::Number(v.number, ind.decimals);
      table += std::string(",") + status + "\r\n";

      json += first_row ? "\n  {\n" : ",\n  {\n";
      first_row = false;
      json += edition_json + f.json + "   \"value\": ";
      if (v.status == ValueStatus::kNumber) {
        AppendJsonNumber(json, v.number);
      } else {
        json += "null";
      }
      json += std::string(",\n   \"status\": \"") + status + "\"\n  }";
    }
    if (table.size() > (1 << 16)) {
      csv_file->Append(table);
      table.clear();
    }
    if (json.size() > (1 << 16)) {
      json_file->Append(json);
      json.clear();
    }
  }
  json += first_row ? "]\n}\n" : "\n ]\n}\n";
  csv_file->Append(table);
  json_file->Append(json);
  csv_file->Close();
  json_file->Close();
}

}  // namespace nianbao

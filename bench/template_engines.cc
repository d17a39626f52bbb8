// Which template engine renders a report page fastest, data building included: the
// benchmark behind docs/performance.md. The page is shaped like a report page's figures:
// 8 categories of 5 indicators, each row a dozen fields, in a layout with a partial.
//
//   build/nianbao_template_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <ctemplate/template.h>
#include <kainjow/mustache.hpp>

#include <string>

#include "mustache/template_set.h"

namespace {

constexpr int kGroups = 8;
constexpr int kRows = 5;

const char* const kFields[] = {
    "name",      "unit",           "value",          "value_prose",    "change",        "delta",
    "direction", "direction_text", "previous_label", "previous_value", "indicator_url", "note"};

const std::string kLayout =
    "<!DOCTYPE html><html lang=\"{{lang}}\"><head><title>{{title}}</title></head><body>\n"
    "<nav>{{#nav}}<a href=\"{{url}}\">{{title}}</a>{{/nav}}</nav>\n"
    "<main>{{> body}}</main></body></html>\n";
const std::string kBody =
    "<h1>{{heading}}</h1>\n"
    "{{#groups}}<table><caption>{{name}}</caption>\n"
    "{{#rows}}<tr><th><a href=\"{{indicator_url}}\">{{name}}</a>{{#note}}<small>{{note}}</small>"
    "{{/note}}</th><td>{{value}}</td><td>{{unit}}</td><td class=\"{{direction}}\">{{change}} "
    "({{delta}}) {{direction_text}}</td><td>{{previous_label}}: {{previous_value}}</td></tr>\n"
    "{{/rows}}</table>\n{{/groups}}";

std::string FieldValue(const char* field, int g, int r) {
  return std::string(field) + "-" + std::to_string(g) + "-" + std::to_string(r) + " 数值<&>";
}

void Kainjow(benchmark::State& state) {
  kainjow::mustache::mustache layout(kLayout);
  for (auto _ : state) {
    // As nianbao used it: set() and push_back() copy each subtree.
    kainjow::mustache::data page;
    page.set("lang", "zh");
    page.set("title", "示例市市场监督管理局2021年工作总结");
    page.set("heading", "示例市市场监督管理局2021年工作总结");
    kainjow::mustache::data nav(kainjow::mustache::data::type::list);
    for (int i = 0; i < 5; ++i) {
      kainjow::mustache::data item;
      item.set("url", "../../index.html");
      item.set("title", "首页");
      nav.push_back(item);
    }
    page.set("nav", nav);
    kainjow::mustache::data groups(kainjow::mustache::data::type::list);
    for (int g = 0; g < kGroups; ++g) {
      kainjow::mustache::data rows(kainjow::mustache::data::type::list);
      for (int r = 0; r < kRows; ++r) {
        kainjow::mustache::data row;
        for (const char* f : kFields) row.set(f, FieldValue(f, g, r));
        rows.push_back(row);
      }
      kainjow::mustache::data group;
      group.set("name", "营商环境");
      group.set("rows", rows);
      groups.push_back(group);
    }
    page.set("groups", groups);
    page.set("body", kainjow::mustache::partial([] { return kBody; }));
    std::string out = layout.render(page);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(Kainjow);

void Nianbao(benchmark::State& state) {
  std::vector<nianbao::mustache::Error> errors;
  nianbao::mustache::TemplateSet set =
      nianbao::mustache::TemplateSet::Compile({{"layout", kLayout}, {"body", kBody}}, errors);
  using nianbao::mustache::Value;
  for (auto _ : state) {
    Value page;
    page.Set("lang", "zh");
    page.Set("title", "示例市市场监督管理局2021年工作总结");
    page.Set("heading", "示例市市场监督管理局2021年工作总结");
    Value nav = Value::EmptyList();
    for (int i = 0; i < 5; ++i) {
      Value item;
      item.Set("url", "../../index.html");
      item.Set("title", "首页");
      nav.Push(std::move(item));
    }
    page.Set("nav", std::move(nav));
    Value groups = Value::EmptyList();
    for (int g = 0; g < kGroups; ++g) {
      Value rows = Value::EmptyList();
      for (int r = 0; r < kRows; ++r) {
        Value row;
        for (const char* f : kFields)
          row.Set(nianbao::mustache::Key::Lasting(f), FieldValue(f, g, r));
        rows.Push(std::move(row));
      }
      Value group;
      group.Set("name", "营商环境");
      group.Set("rows", std::move(rows));
      groups.Push(std::move(group));
    }
    page.Set("groups", std::move(groups));
    std::string out;
    set.Render("layout", page, out);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(Nianbao);

// ctemplate has no inverted sections and different tags: the same page in its syntax.
const char kCtLayout[] =
    "{{%AUTOESCAPE context=\"HTML\"}}<!DOCTYPE html><html lang=\"{{LANG}}\"><head><title>"
    "{{TITLE}}</title></head><body>\n<nav>{{#NAV}}<a href=\"{{URL}}\">{{TITLE}}</a>{{/NAV}}</nav>\n"
    "<main>{{>BODY}}</main></body></html>\n";
const char kCtBody[] =
    "{{%AUTOESCAPE context=\"HTML\"}}<h1>{{HEADING}}</h1>\n"
    "{{#GROUPS}}<table><caption>{{NAME}}</caption>\n"
    "{{#ROWS}}<tr><th><a href=\"{{INDICATOR_URL}}\">{{NAME}}</a>{{#HAS_NOTE}}<small>{{NOTE}}"
    "</small>{{/HAS_NOTE}}</th><td>{{VALUE}}</td><td>{{UNIT}}</td><td class=\"{{DIRECTION}}\">"
    "{{CHANGE}} ({{DELTA}}) {{DIRECTION_TEXT}}</td><td>{{PREVIOUS_LABEL}}: {{PREVIOUS_VALUE}}"
    "</td></tr>\n{{/ROWS}}</table>\n{{/GROUPS}}";

void Ctemplate(benchmark::State& state) {
  ctemplate::StringToTemplateCache("layout.tpl", kCtLayout, ctemplate::DO_NOT_STRIP);
  ctemplate::StringToTemplateCache("body.tpl", kCtBody, ctemplate::DO_NOT_STRIP);
  std::vector<std::string> upper;
  for (const char* f : kFields) {
    std::string u(f);
    for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    upper.push_back(u);
  }
  for (auto _ : state) {
    ctemplate::TemplateDictionary page("page");
    page.SetValue("LANG", "zh");
    page.SetValue("TITLE", "示例市市场监督管理局2021年工作总结");
    page.SetValue("HEADING", "示例市市场监督管理局2021年工作总结");
    for (int i = 0; i < 5; ++i) {
      ctemplate::TemplateDictionary* item = page.AddSectionDictionary("NAV");
      item->SetValue("URL", "../../index.html");
      item->SetValue("TITLE", "首页");
    }
    ctemplate::TemplateDictionary* body = page.AddIncludeDictionary("BODY");
    body->SetFilename("body.tpl");
    for (int g = 0; g < kGroups; ++g) {
      ctemplate::TemplateDictionary* group = body->AddSectionDictionary("GROUPS");
      group->SetValue("NAME", "营商环境");
      for (int r = 0; r < kRows; ++r) {
        ctemplate::TemplateDictionary* row = group->AddSectionDictionary("ROWS");
        for (size_t f = 0; f < upper.size(); ++f) {
          row->SetValue(upper[f], FieldValue(kFields[f], g, r));
        }
        row->ShowSection("HAS_NOTE");
      }
    }
    std::string out;
    ctemplate::ExpandTemplate("layout.tpl", ctemplate::DO_NOT_STRIP, &page, &out);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(Ctemplate);

}  // namespace

BENCHMARK_MAIN();

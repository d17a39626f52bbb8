#include "content/front_matter.h"

#include "core/text.h"

namespace nianbao {

std::optional<SplitFile> SplitFrontMatter(std::string_view text, const std::string& path,
                                          Diagnostics& diags) {
  SplitFile out;
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM from Windows editors
  std::vector<std::string_view> lines = SplitLines(text);
  if (lines.empty() || Trim(lines[0]) != "---") {
    out.body = text;
    return out;
  }
  size_t offset = text.find('\n');
  if (offset == std::string_view::npos) offset = text.size();
  size_t yaml_start = std::min(offset + 1, text.size());
  size_t pos = yaml_start;
  for (size_t i = 1; i < lines.size(); ++i) {
    size_t end = text.find('\n', pos);
    size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (lines[i] == "---" || lines[i] == "...") {
      out.yaml = text.substr(yaml_start, pos - yaml_start);
      out.yaml_first_line = 2;
      out.body = text.substr(next);
      out.body_first_line = static_cast<int>(i) + 2;
      return out;
    }
    pos = next;
  }
  diags.Error({path, 1, 1}, "front matter is not closed: add a line '---' after it",
              std::string(lines[0]));
  return std::nullopt;
}

bool IsValidDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  int y = std::stoi(std::string(d.substr(0, 4)));
  int m = std::stoi(std::string(d.substr(5, 2)));
  int day = std::stoi(std::string(d.substr(8, 2)));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || day < 1 || day > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && day == 29 && !leap);
}

std::optional<FrontMatter> ReadFrontMatter(const SplitFile& split, const yaml::Source& source,
                                           Diagnostics& diags) {
  FrontMatter fm;
  if (split.yaml_first_line == 0) return fm;
  yaml::Source src = source;
  src.first_line = split.yaml_first_line;
  std::optional<yaml::Node> root = yaml::Parse(split.yaml, src, diags);
  if (!root) return std::nullopt;
  if (root->IsNull()) return fm;
  yaml::Reader reader(src, diags);
  if (!reader.ExpectMap(*root, "front matter")) return std::nullopt;
  reader.CheckKeys(*root, {"title", "date", "summary", "index_number"});
  const int errors_before = diags.ErrorCount();
  if (const yaml::Node* n = root->Find("title"); n && !n->IsNull()) {
    if (auto s = reader.String(*n, "title")) fm.title = *s;
    fm.title_pos = {src.path, n->line, n->col};
  }
  if (const yaml::Node* n = root->Find("date"); n && !n->IsNull()) {
    if (!n->IsScalar() || !IsValidDate(n->value)) {
      reader.Error(*n, "date must be a real date written YYYY-MM-DD, like 2022-01-20");
    } else {
      fm.date = n->value;
    }
  }
  if (const yaml::Node* n = root->Find("summary"); n && !n->IsNull()) {
    if (auto s = reader.String(*n, "summary")) fm.summary = *s;
  }
  if (const yaml::Node* n = root->Find("index_number"); n && !n->IsNull()) {
    if (auto s = reader.String(*n, "index_number")) {
      if (s->find('\n') != std::string::npos || Utf8Length(*s) > 64) {
        reader.Error(*n,
                     "index_number must be one line of at most 64 characters, like "
                     "11130100MB0000000X/2022-00001");
      } else {
        fm.index_number = *s;
      }
    }
  }
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return fm;
}

}  // namespace nianbao

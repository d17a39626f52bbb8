#include "core/diagnostic.h"

#include <algorithm>
#include <tuple>

#include "core/text.h"

namespace nianbao {

namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Start of the character before `i` (a stray continuation byte counts as one character
// once three are passed).
size_t StepBack(std::string_view s, size_t i) {
  size_t j = i - 1;
  for (int k = 0; k < 3 && j > 0 && IsContinuation(s[j]); ++k) --j;
  return j;
}

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Excerpt ExcerptAt(std::string_view line, size_t offset) {
  offset = std::min(offset, line.size());
  // Character starts up to kMaxExcerptChars either side of the caret.
  std::vector<size_t> back = {offset}, ahead = {offset};
  while (back.back() > 0 && static_cast<int>(back.size()) <= kMaxExcerptChars) {
    back.push_back(StepBack(line, back.back()));
  }
  while (ahead.back() < line.size() && static_cast<int>(ahead.size()) <= kMaxExcerptChars) {
    int n = 1;
    DecodeUtf8At(line, ahead.back(), &n);
    ahead.push_back(ahead.back() + n);
  }
  int before = static_cast<int>(back.size()) - 1, after = static_cast<int>(ahead.size()) - 1;
  if (back.back() != 0 || ahead.back() != line.size() || before + after > kMaxExcerptChars) {
    // Half a window each side; a side with less to show leaves its share to the other.
    int b = std::min(before, kMaxExcerptChars / 2), a = std::min(after, kMaxExcerptChars / 2);
    b += std::min(before - b, kMaxExcerptChars - a - b);
    a += std::min(after - a, kMaxExcerptChars - a - b);
    before = b;
    after = a;
  }
  const size_t begin = back[before], end = ahead[after];
  Excerpt out;
  if (begin > 0) out.text = "…";
  out.text.append(line.substr(begin, end - begin));
  if (end < line.size()) out.text += "…";
  out.col = before + 1 + (begin > 0 ? 1 : 0);
  return out;
}

namespace {

// Keeps all of a short line, or an excerpt around the caret of a long one.
void SetSource(Diagnostic& d, std::string_view line) {
  if (line.size() <= static_cast<size_t>(kMaxExcerptChars) ||
      Utf8Length(line) <= kMaxExcerptChars) {
    d.source_line = line;
    return;
  }
  Excerpt e = ExcerptAt(line, Utf8Prefix(line, std::max(d.pos.col - 1, 0)).size());
  d.source_line = std::move(e.text);
  d.source_col = d.pos.col > 0 ? e.col : 0;
}

}  // namespace

std::string Diagnostic::Format() const {
  std::string out = pos.path;
  if (pos.line > 0) {
    out += ":" + std::to_string(pos.line);
    if (pos.col > 0) out += ":" + std::to_string(pos.col);
  }
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  out += "\n";
  if (!source_line.empty()) {
    out += "  " + source_line + "\n";
    const int caret = source_col > 0 ? source_col : pos.col;
    if (caret > 0) {
      // Wide (CJK) characters take two cells in a terminal; pad the caret to match.
      out += "  " + std::string(DisplayWidth(Utf8Prefix(source_line, caret - 1)), ' ') + "^\n";
    }
  }
  return out;
}

void Diagnostics::Error(Position pos, std::string message, std::string_view source_line) {
  if (Full(pos.path)) {
    CountLeftOut(pos.path, Severity::kError);
    return;
  }
  Diagnostic d{std::move(pos), Severity::kError, std::move(message), {}, 0};
  SetSource(d, source_line);
  Add(std::move(d));
}

void Diagnostics::Warning(Position pos, std::string message, std::string_view source_line) {
  if (Full(pos.path)) {
    CountLeftOut(pos.path, Severity::kWarning);
    return;
  }
  Diagnostic d{std::move(pos), Severity::kWarning, std::move(message), {}, 0};
  SetSource(d, source_line);
  Add(std::move(d));
}

void Diagnostics::Add(Diagnostic d) {
  if (Full(d.pos.path)) {
    CountLeftOut(d.pos.path, d.severity);
    return;
  }
  if (d.source_col == 0 && d.source_line.size() > static_cast<size_t>(kMaxExcerptChars)) {
    std::string line = std::move(d.source_line);
    SetSource(d, line);
  }
  ++files_[d.pos.path].kept;
  items_.push_back(std::move(d));
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_) Add(d);
  for (const auto& [path, counts] : other.files_) {
    CountLeftOut(path, Severity::kError, counts.left_out_errors);
    CountLeftOut(path, Severity::kWarning, counts.left_out_warnings);
  }
}

bool Diagnostics::Full(const std::string& path) const {
  auto it = files_.find(path);
  return it != files_.end() && it->second.kept >= kMaxDiagnosticsPerFile;
}

void Diagnostics::CountLeftOut(const std::string& path, Severity severity, int n) {
  if (n <= 0) return;
  PerFile& f = files_[path];
  (severity == Severity::kError ? f.left_out_errors : f.left_out_warnings) += n;
}

bool Diagnostics::HasErrors() const { return ErrorCount() > 0; }

int Diagnostics::ErrorCount() const {
  int n = static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
  for (const auto& [path, f] : files_) n += f.left_out_errors;
  return n;
}

int Diagnostics::WarningCount() const {
  int n = static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kWarning;
  }));
  for (const auto& [path, f] : files_) n += f.left_out_warnings;
  return n;
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  auto key = [](const Diagnostic& d) {
    return std::tie(d.pos.path, d.pos.line, d.pos.col, d.severity, d.message);
  };
  std::vector<Diagnostic> out = items_;
  std::sort(out.begin(), out.end(),
            [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
            out.end());
  return out;
}

std::string Diagnostics::FormatAll() const {
  std::string out;
  std::vector<Diagnostic> sorted = Sorted();
  for (size_t i = 0; i < sorted.size(); ++i) {
    out += sorted[i].Format();
    const std::string& path = sorted[i].pos.path;
    if (i + 1 < sorted.size() && sorted[i + 1].pos.path == path) continue;
    auto it = files_.find(path);
    if (it == files_.end()) continue;
    const PerFile& f = it->second;
    if (f.left_out_errors == 0 && f.left_out_warnings == 0) continue;
    std::string more;
    if (f.left_out_errors > 0) more = Plural(f.left_out_errors, "more error", "more errors");
    if (f.left_out_warnings > 0) {
      more += (more.empty() ? "" : " and ") +
              Plural(f.left_out_warnings, "more warning", "more warnings");
    }
    out += path + ": … and " + more + " in this file (only the first " +
           std::to_string(kMaxDiagnosticsPerFile) + " are shown)\n";
  }
  return out;
}

}  // namespace nianbao

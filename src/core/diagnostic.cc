#include "core/diagnostic.h"

#include <algorithm>
#include <tuple>

#include "core/text.h"

namespace nianbao {

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
    if (pos.col > 0) {
      // Wide (CJK) characters take two cells in a terminal; pad the caret to match.
      out += "  " + std::string(DisplayWidth(Utf8Prefix(source_line, pos.col - 1)), ' ') + "^\n";
    }
  }
  return out;
}

void Diagnostics::Error(Position pos, std::string message, std::string source_line) {
  items_.push_back({std::move(pos), Severity::kError, std::move(message), std::move(source_line)});
}

void Diagnostics::Warning(Position pos, std::string message, std::string source_line) {
  items_.push_back(
      {std::move(pos), Severity::kWarning, std::move(message), std::move(source_line)});
}

void Diagnostics::Add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::HasErrors() const { return ErrorCount() > 0; }

int Diagnostics::ErrorCount() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

int Diagnostics::WarningCount() const { return static_cast<int>(items_.size()) - ErrorCount(); }

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
  for (const Diagnostic& d : Sorted()) out += d.Format();
  return out;
}

}  // namespace nianbao

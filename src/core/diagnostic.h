// Diagnostics: every problem found in a site, with the place it was found.
#pragma once

#include <string>
#include <vector>

namespace nianbao {

enum class Severity { kError, kWarning };

/// A position in a source file: path relative to the site folder, 1-based line and column.
/// Column counts characters (code points), as editors show them.
struct Position {
  std::string path;
  int line = 0;
  int col = 0;
};

/// One problem in the input, with the source line it points at (may be empty).
struct Diagnostic {
  Position pos;
  Severity severity = Severity::kError;
  std::string message;
  std::string source_line;  // the text of pos.line, without its newline

  /// "path:line:col: error: message", then the source line and a caret when known.
  std::string Format() const;
};

/// Collects diagnostics from every stage. Not thread-safe: each worker owns one and
/// the results are merged with Append.
class Diagnostics {
 public:
  void Error(Position pos, std::string message, std::string source_line = {});
  void Warning(Position pos, std::string message, std::string source_line = {});
  void Add(Diagnostic d);
  void Append(const Diagnostics& other);

  bool HasErrors() const;
  int ErrorCount() const;
  int WarningCount() const;
  bool empty() const { return items_.empty(); }

  /// Sorted by path, line, column, severity, message; duplicates removed.
  std::vector<Diagnostic> Sorted() const;
  /// Every diagnostic, sorted and formatted, one after the other.
  std::string FormatAll() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace nianbao

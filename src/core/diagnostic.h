// Diagnostics: every problem found in a site, with the place it was found.
#pragma once

#include <map>
#include <string>
#include <string_view>
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
  std::string source_line;  // the text of pos.line without its newline, or an excerpt of it
  int source_col = 0;       // the caret's column in an excerpt; 0: pos.col

  /// "path:line:col: error: message", then the source line and a caret when known.
  std::string Format() const;
};

/// Source lines longer than this many characters are cut around the caret (a minified
/// line of 30 KB must not be copied into every message about it).
inline constexpr int kMaxExcerptChars = 100;
/// At most this many diagnostics are kept per file; the rest are counted and summed up
/// ("… and 1234 more errors in this file").
inline constexpr int kMaxDiagnosticsPerFile = 50;

struct Excerpt {
  std::string text;
  int col = 0;  // 1-based column of the caret in text
};
/// The part of `line` around the byte at `offset` (a character boundary): at most
/// kMaxExcerptChars characters, with "…" where it was cut. Costs the excerpt, not the line.
Excerpt ExcerptAt(std::string_view line, size_t offset);

/// Collects diagnostics from every stage. Not thread-safe: each worker owns one and
/// the results are merged with Append.
class Diagnostics {
 public:
  void Error(Position pos, std::string message, std::string_view source_line = {});
  void Warning(Position pos, std::string message, std::string_view source_line = {});
  /// Keeps `d` (its source line cut to an excerpt), or only counts it if its file is full.
  void Add(Diagnostic d);
  void Append(const Diagnostics& other);

  /// True once `path` holds kMaxDiagnosticsPerFile diagnostics: more are only counted, so
  /// a scanner that finds thousands can call CountLeftOut instead of building messages.
  bool Full(const std::string& path) const;
  void CountLeftOut(const std::string& path, Severity severity, int n = 1);

  bool HasErrors() const;
  /// Every error and warning, the ones left out of a full file included.
  int ErrorCount() const;
  int WarningCount() const;
  bool empty() const { return items_.empty(); }

  /// Sorted by path, line, column, severity, message; duplicates removed. Without the
  /// left-out ones.
  std::vector<Diagnostic> Sorted() const;
  /// Every diagnostic, sorted and formatted, one after the other; after the last one of a
  /// full file, a line saying how many more it has.
  std::string FormatAll() const;

 private:
  struct PerFile {
    int kept = 0;
    int left_out_errors = 0;
    int left_out_warnings = 0;
  };
  std::vector<Diagnostic> items_;
  std::map<std::string, PerFile> files_;
};

}  // namespace nianbao

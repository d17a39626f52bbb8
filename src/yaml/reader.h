// Typed, strict reading of a Node tree: every problem becomes a diagnostic at the node.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/translated.h"
#include "yaml/node.h"
#include "yaml/parse.h"

namespace nianbao::yaml {

class Reader {
 public:
  /// `languages`: the site's languages, for translated strings (may be empty while
  /// site.yaml itself is read).
  Reader(Source source, Diagnostics& diags, std::vector<std::string> languages = {})
      : source_(std::move(source)), diags_(diags), languages_(std::move(languages)) {}

  void Error(const Node& at, const std::string& message) const;
  void Warning(const Node& at, const std::string& message) const;

  /// True if `node` is a mapping; otherwise reports "<what> must be a mapping".
  bool ExpectMap(const Node& node, const std::string& what) const;
  /// Reports every key of `map` not in `allowed`, with a "did you mean".
  void CheckKeys(const Node& map, const std::vector<std::string>& allowed) const;
  /// The value at `key`; reports "missing 'key'" at the map if absent or null.
  const Node* Required(const Node& map, const std::string& key) const;

  /// A non-empty single value (quoted or not).
  std::optional<std::string> String(const Node& node, const std::string& what) const;
  /// A plain decimal number: -12, 3.5. Rejects "12%", "1,234", leading zeros (010: YAML
  /// libraries read it as octal), hex, exponents and quoted numbers.
  std::optional<double> Number(const Node& node, const std::string& what) const;
  /// A whole number in [lo, hi].
  std::optional<long long> Integer(const Node& node, const std::string& what, long long lo,
                                   long long hi) const;
  /// true or false only (not yes/on/1, which yaml-cpp would also take).
  std::optional<bool> Bool(const Node& node, const std::string& what) const;
  /// One of `choices`.
  std::optional<std::string> Choice(const Node& node, const std::string& what,
                                    const std::vector<std::string>& choices) const;
  /// A map from language code to text ({zh: …, en: …}); a plain string stands for every
  /// language. Unknown languages are errors; a missing one is a warning if `warn_missing`.
  std::optional<Translated> Text(const Node& node, const std::string& what,
                                 bool warn_missing = true) const;
  /// A list of single values ([a, b] or block form).
  std::optional<std::vector<const Node*>> List(const Node& node, const std::string& what) const;

  const Source& source() const { return source_; }
  Diagnostics& diags() const { return diags_; }

 private:
  Source source_;
  Diagnostics& diags_;
  std::vector<std::string> languages_;
};

/// True if text is a plain decimal number by Reader::Number's rules.
bool IsDecimalNumber(std::string_view text);

}  // namespace nianbao::yaml

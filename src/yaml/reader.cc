#include "yaml/reader.h"

#include <charconv>
#include <cmath>

#include "core/text.h"

namespace nianbao::yaml {

namespace {
// The decimal that `v` stands for, in the fewest digits that read back as `v`.
std::string Shortest(double v) {
  char buffer[400];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
  return ec == std::errc() ? std::string(buffer, end) : std::string();
}

// A decimal as Shortest writes it: no trailing zeros after the point, no "-0".
std::string Normalised(std::string s) {
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

// A number of 309 digits is not repeated whole in a message.
std::string Shortened(const std::string& s) {
  return s.size() <= 40 ? s : s.substr(0, 20) + "…(" + std::to_string(s.size()) + " characters)";
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}
}  // namespace

void Reader::Error(const Node& at, const std::string& message) const {
  diags_.Error({source_.path, at.line, at.col}, message, LineOf(source_.file_text, at.line));
}

void Reader::Warning(const Node& at, const std::string& message) const {
  diags_.Warning({source_.path, at.line, at.col}, message, LineOf(source_.file_text, at.line));
}

bool Reader::ExpectMap(const Node& node, const std::string& what) const {
  if (node.IsMap()) return true;
  Error(node, what + " must be a mapping of keys to values, not " + std::string(node.Describe()));
  return false;
}

void Reader::CheckKeys(const Node& map, const std::vector<std::string>& allowed) const {
  for (const auto& [key, value] : map.entries) {
    if (!key.IsScalar()) {
      Error(key, "a key must be a single word");
      continue;
    }
    bool known = false;
    for (const std::string& a : allowed) known = known || a == key.value;
    if (!known) {
      Error(key, "unknown key '" + key.value + "'" + DidYouMean(key.value, allowed) +
                     "; allowed keys: " + Join(allowed));
    }
  }
}

const Node* Reader::Required(const Node& map, const std::string& key) const {
  const Node* value = map.Find(key);
  if (value == nullptr || value->IsNull()) {
    Error(value ? *value : map, "missing '" + key + "'");
    return nullptr;
  }
  return value;
}

std::optional<std::string> Reader::String(const Node& node, const std::string& what) const {
  if (!node.IsScalar() || Trim(node.value).empty()) {
    Error(node, what + " must be a text, not " + std::string(node.Describe()));
    return std::nullopt;
  }
  if (!IsValidUtf8(node.value)) {
    Error(node, what + " is not valid UTF-8");
    return std::nullopt;
  }
  return node.value;
}

bool IsDecimalNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits) return false;
  if (s[digits] == '0' && i - digits > 1) return false;  // leading zero
  if (i < s.size() && s[i] == '.') {
    size_t frac = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == frac) return false;
  }
  return i == s.size();
}

std::optional<double> Reader::Number(const Node& node, const std::string& what) const {
  if (node.IsScalar() && node.plain && IsDecimalNumber(node.value)) {
    double v = 0;
    const char* end = node.value.data() + node.value.size();
    auto [ptr, ec] = std::from_chars(node.value.data(), end, v);
    if (ec != std::errc() || ptr != end || !std::isfinite(v)) {
      // from_chars leaves v at 0 when out of range: it was published as 0.
      Error(node, what + " is out of range: " + Shortened(node.value) +
                      " is too large or too small to be a figure");
      return std::nullopt;
    }
    if (std::string kept = Normalised(Shortest(v)); kept != Normalised(node.value)) {
      Error(node, what + " cannot be kept exactly: " + Shortened(node.value) +
                      " would be published as " + Shortened(kept) +
                      " (a figure has at most 15 significant digits)");
      return std::nullopt;
    }
    return v;
  }
  std::string hint;
  if (node.IsScalar()) {
    const std::string& v = node.value;
    if (!node.plain && IsDecimalNumber(v)) {
      hint = " (remove the quotes)";
    } else if (v.find(',') != std::string::npos) {
      hint = " (write it without thousands separators)";
    } else if (v.find('%') != std::string::npos) {
      hint = " (write the number without '%')";
    } else if (IsDecimalNumber(v.substr(v[0] == '-' ? 1 : 0).insert(0, "1"))) {
      hint = " (remove the leading zero)";
    }
  }
  Error(node, what + " must be a number, not " +
                  (node.IsScalar() ? "'" + node.value + "'" : std::string(node.Describe())) + hint);
  return std::nullopt;
}

std::optional<long long> Reader::Integer(const Node& node, const std::string& what, long long lo,
                                         long long hi) const {
  std::optional<double> v = Number(node, what);
  if (!v) return std::nullopt;
  if (node.value.find('.') != std::string::npos || *v < static_cast<double>(lo) ||
      *v > static_cast<double>(hi)) {
    Error(node, what + " must be a whole number from " + std::to_string(lo) + " to " +
                    std::to_string(hi) + ", not " + node.value);
    return std::nullopt;
  }
  return static_cast<long long>(*v);
}

std::optional<bool> Reader::Bool(const Node& node, const std::string& what) const {
  if (node.IsScalar() && node.plain && (node.value == "true" || node.value == "false")) {
    return node.value == "true";
  }
  Error(node, what + " must be true or false");
  return std::nullopt;
}

std::optional<std::string> Reader::Choice(const Node& node, const std::string& what,
                                          const std::vector<std::string>& choices) const {
  if (node.IsScalar()) {
    for (const std::string& c : choices) {
      if (c == node.value) return c;
    }
  }
  std::string got = node.IsScalar() ? "'" + node.value + "'" : std::string(node.Describe());
  Error(node, what + " must be one of " + Join(choices) + ", not " + got +
                  (node.IsScalar() ? DidYouMean(node.value, choices) : ""));
  return std::nullopt;
}

std::optional<Translated> Reader::Text(const Node& node, const std::string& what,
                                       bool warn_missing) const {
  Translated out;
  if (node.IsScalar()) {
    std::optional<std::string> s = String(node, what);
    if (!s) return std::nullopt;
    for (const std::string& lang : languages_) out.text[lang] = *s;
    if (languages_.empty()) out.text[""] = *s;
    return out;
  }
  if (!node.IsMap()) {
    Error(node, what + " must be a text or a mapping of language to text ({zh: …, en: …})");
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& [key, value] : node.entries) {
    bool known = false;
    for (const std::string& lang : languages_) known = known || lang == key.value;
    if (!known) {
      Error(key, "'" + key.value + "' is not one of the site's languages (" + Join(languages_) +
                     ")" + DidYouMean(key.value, languages_));
      ok = false;
      continue;
    }
    std::optional<std::string> s = String(value, what + " (" + key.value + ")");
    if (!s) {
      ok = false;
      continue;
    }
    out.text[key.value] = *s;
  }
  if (!ok) return std::nullopt;
  if (warn_missing) {
    for (const std::string& lang : languages_) {
      if (!out.Has(lang) && !out.empty()) {
        const std::string& shown = out.Has(languages_[0]) ? languages_[0] : out.text.begin()->first;
        Warning(node, what + " has no '" + lang + "' translation; the '" + shown +
                          "' text is shown instead");
      }
    }
  }
  if (out.empty()) {
    Error(node, what + " is empty");
    return std::nullopt;
  }
  return out;
}

std::optional<std::vector<const Node*>> Reader::List(const Node& node,
                                                     const std::string& what) const {
  std::vector<const Node*> out;
  if (node.IsScalar()) {
    out.push_back(&node);
    return out;
  }
  if (!node.IsSequence()) {
    Error(node, what + " must be a list, not " + std::string(node.Describe()));
    return std::nullopt;
  }
  for (const Node& item : node.items) out.push_back(&item);
  return out;
}

}  // namespace nianbao::yaml

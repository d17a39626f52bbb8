#include "core/ids.h"

#include <string>

namespace nianbao {

namespace {
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsLower(c) || IsDigit(c) || (c >= 'A' && c <= 'Z'); }
}  // namespace

bool IsWindowsReservedName(std::string_view name) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::string n;
  for (char c : name) n += lower(c);
  if (n == "con" || n == "prn" || n == "aux" || n == "nul") return true;
  return n.size() == 4 && (n.compare(0, 3, "com") == 0 || n.compare(0, 3, "lpt") == 0) &&
         IsDigit(n[3]);
}

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  if (IsWindowsReservedName(id)) return false;
  if (!IsLower(id[0]) && !IsDigit(id[0])) return false;
  for (char c : id) {
    if (!IsLower(c) && !IsDigit(c) && c != '_' && c != '-') return false;
  }
  return true;
}

bool IsValidLanguage(std::string_view code) {
  if (IsWindowsReservedName(code)) return false;
  size_t dash = code.find('-');
  std::string_view base = code.substr(0, dash);
  if (base.size() < 2 || base.size() > 3) return false;
  for (char c : base) {
    if (!IsLower(c)) return false;
  }
  if (dash == std::string_view::npos) return true;
  std::string_view region = code.substr(dash + 1);
  if (region.size() < 2 || region.size() > 8) return false;
  for (char c : region) {
    if (!IsAlnum(c)) return false;
  }
  return true;
}

std::optional<EditionName> ParseEditionName(std::string_view name) {
  if (name.size() < 4) return std::nullopt;
  for (int i = 0; i < 4; ++i) {
    if (!IsDigit(name[i])) return std::nullopt;
  }
  EditionName out;
  out.year =
      (name[0] - '0') * 1000 + (name[1] - '0') * 100 + (name[2] - '0') * 10 + (name[3] - '0');
  if (out.year < 1000) return std::nullopt;
  std::string_view rest = name.substr(4);
  if (rest.empty()) return out;
  static constexpr std::pair<std::string_view, PeriodKind> kKinds[] = {
      {"-h1", PeriodKind::kH1}, {"-h2", PeriodKind::kH2}, {"-q1", PeriodKind::kQ1},
      {"-q2", PeriodKind::kQ2}, {"-q3", PeriodKind::kQ3}, {"-q4", PeriodKind::kQ4}};
  for (const auto& [suffix, kind] : kKinds) {
    if (rest == suffix) {
      out.kind = kind;
      return out;
    }
  }
  return std::nullopt;
}

std::string_view PeriodKindId(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kAnnual:
      return "annual";
    case PeriodKind::kH1:
      return "h1";
    case PeriodKind::kH2:
      return "h2";
    case PeriodKind::kQ1:
      return "q1";
    case PeriodKind::kQ2:
      return "q2";
    case PeriodKind::kQ3:
      return "q3";
    case PeriodKind::kQ4:
      return "q4";
  }
  return "annual";
}

}  // namespace nianbao

// The spec's rules for ids, language codes and edition names (they become paths).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nianbao {

/// [a-z0-9][a-z0-9_-]{0,63}, and not a Windows device name.
bool IsValidId(std::string_view id);
/// [a-z]{2,3}(-[A-Za-z0-9]{2,8})?, and not a Windows device name.
bool IsValidLanguage(std::string_view code);
/// con, prn, aux, nul, com0-com9, lpt0-lpt9 in any case: Windows gives no file or folder
/// these names, so a site copied there would lose the pages under them.
bool IsWindowsReservedName(std::string_view name);
/// Why such a name is refused, for messages.
inline constexpr std::string_view kWindowsReservedAdvice =
    "it is a device name on Windows (con, prn, aux, nul, com0-com9, lpt0-lpt9), where no "
    "folder can have it; choose another";

/// What part of a year an edition covers. Editions compare only with the same kind.
enum class PeriodKind { kAnnual, kH1, kH2, kQ1, kQ2, kQ3, kQ4 };
inline constexpr int kPeriodKinds = 7;

struct EditionName {
  int year = 0;
  PeriodKind kind = PeriodKind::kAnnual;
};

/// "2021", "2022-h1", "2023-q3"; nullopt for anything else.
std::optional<EditionName> ParseEditionName(std::string_view name);
/// "annual", "h1", … "q4".
std::string_view PeriodKindId(PeriodKind kind);

}  // namespace nianbao

namespace nianbao {

/// The spec's three kinds of indicator (content-format §3).
enum class IndicatorKind { kCount, kAmount, kRate };

}  // namespace nianbao

// The `government:` block of site.yaml: what a Chinese government website must show
// (docs/government.md). Every key is optional.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/file_system.h"
#include "core/translated.h"
#include "yaml/reader.h"

namespace nianbao {

struct GovernmentConfig {
  bool given = false;     // the block exists
  Translated sponsor;     // 主办单位
  Translated operator_;   // 承办单位
  std::string site_code;  // 网站标识码: 10 digits, or bm and 8 digits
  std::string icp;        // ICP 备案号 as written, e.g. 京ICP备12345678号-1
  std::string police;     // 公安机关备案号 as written, e.g. 京公网安备11010502030143号
  std::string police_code;  // its 14 digits: the register's recordcode
  Translated address;
  std::string phone;
  std::string email;
  std::string badge_image;  // path in the site folder; "" for none
  std::string badge_bytes;  // its content, published by --publish builds only
  std::string badge_link;  // where the badge leads (the 党政机关网站标识 register); may be ""
  std::string publish_snippet;  // raw HTML from the site owner: --publish builds only

  /// "assets/government/badge.<ext>": where a publish build puts the badge.
  std::string BadgeOutputPath() const;
};

/// Reads the `government:` mapping at `node`; problems go to the reader's diagnostics.
GovernmentConfig ReadGovernment(const yaml::Node& node, const yaml::Reader& reader,
                                const FileSystem& site);

/// 网站标识码: ten digits whose first six are a region code of a province (11–65), or
/// "bm" and eight digits (State Council departments, e.g. bm07000001).
bool IsValidSiteCode(std::string_view code);
/// ICP 备案号: 京ICP备12345678号, optionally -N for one site of several.
bool IsValidIcpNumber(std::string_view text);
/// 公安机关备案号: 京公网安备11010502030143号; returns its 14 digits, or "" if malformed.
std::string PoliceRecordCode(std::string_view text);

}  // namespace nianbao

#include "config/government.h"

#include <algorithm>
#include <vector>

#include "core/text.h"

namespace nianbao {

namespace {

// The one-character names of provinces that ICP and public-security record numbers start
// with (Sichuan, Guizhou, Yunnan and Gansu appear under both of their names).
const std::vector<std::string_view>& ProvinceAbbreviations() {
  static const std::vector<std::string_view> kAll = {
      "京", "津", "冀", "晋", "蒙", "辽", "吉", "黑", "沪", "苏", "浙", "皖",
      "闽", "赣", "鲁", "豫", "鄂", "湘", "粤", "桂", "琼", "渝", "川", "蜀",
      "贵", "黔", "云", "滇", "藏", "陕", "甘", "陇", "青", "宁", "新"};
  return kAll;
}

// The text after a province abbreviation, or nullopt if it does not start with one.
std::optional<std::string_view> AfterProvince(std::string_view text) {
  for (std::string_view p : ProvinceAbbreviations()) {
    if (StartsWith(text, p)) return text.substr(p.size());
  }
  return std::nullopt;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

size_t LeadingDigits(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return n;
}

bool IsProvinceCode(std::string_view two) {
  int n = (two[0] - '0') * 10 + (two[1] - '0');
  return (n >= 11 && n <= 15) || (n >= 21 && n <= 23) || (n >= 31 && n <= 37) ||
         (n >= 41 && n <= 46) || (n >= 50 && n <= 54) || (n >= 61 && n <= 65);
}

bool IsValidEmail(std::string_view s) {
  size_t at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (char c : s.substr(0, at)) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view("._%+-").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  std::string_view domain = s.substr(at + 1);
  if (domain.find('.') == std::string_view::npos) return false;
  size_t label = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i == domain.size() || domain[i] == '.') {
      if (label == 0 || domain[i - 1] == '-') return false;
      label = 0;
      continue;
    }
    char c = domain[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              (c == '-' && label > 0);
    if (!ok) return false;
    ++label;
  }
  return true;
}

bool IsValidPhone(std::string_view s) {
  int digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (std::string_view(" -+(),").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return digits >= 5;
}

// A path inside the site folder, written with '/' and no '.' or '..' parts.
bool IsPlainRelativePath(std::string_view p) {
  if (p.empty() || p.front() == '/' || p.find('\\') != std::string_view::npos) return false;
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find('/', start);
    if (end == std::string_view::npos) end = p.size();
    std::string_view part = p.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

std::string Extension(std::string_view path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}

const std::vector<std::string> kImageExtensions = {"png", "jpg", "jpeg", "gif", "svg", "webp"};

}  // namespace

bool IsValidSiteCode(std::string_view code) {
  if (code.size() != 10) return false;
  if (StartsWith(code, "bm")) return AllDigits(code.substr(2));
  return AllDigits(code) && IsProvinceCode(code.substr(0, 2));
}

bool IsValidIcpNumber(std::string_view text) {
  std::optional<std::string_view> rest = AfterProvince(text);
  if (!rest || !StartsWith(*rest, "ICP备")) return false;
  std::string_view s = rest->substr(std::string_view("ICP备").size());
  size_t n = LeadingDigits(s);
  if (n < 6 || n > 10) return false;
  s.remove_prefix(n);
  if (!StartsWith(s, "号")) return false;
  s.remove_prefix(std::string_view("号").size());
  if (s.empty()) return true;
  return s.size() >= 2 && s.size() <= 4 && s[0] == '-' && AllDigits(s.substr(1)) && s[1] != '0';
}

std::string PoliceRecordCode(std::string_view text) {
  std::optional<std::string_view> rest = AfterProvince(text);
  if (!rest || !StartsWith(*rest, "公网安备")) return "";
  std::string_view s = rest->substr(std::string_view("公网安备").size());
  if (StartsWith(s, " ")) s.remove_prefix(1);
  size_t n = LeadingDigits(s);
  if (n != 14 || !IsProvinceCode(s.substr(0, 2)) || s.substr(n) != "号") return "";
  return std::string(s.substr(0, n));
}

std::string GovernmentConfig::BadgeOutputPath() const {
  return badge_image.empty() ? "" : "assets/government/badge." + Extension(badge_image);
}

GovernmentConfig ReadGovernment(const yaml::Node& node, const yaml::Reader& reader,
                                const FileSystem& site) {
  GovernmentConfig g;
  if (node.IsNull()) return g;
  if (!reader.ExpectMap(node, "government")) return g;
  g.given = true;
  reader.CheckKeys(node, {"sponsor", "operator", "site_code", "icp", "police_record", "address",
                          "phone", "email", "badge", "publish_snippet"});
  auto text = [&](const char* key, Translated& out) {
    if (const yaml::Node* n = node.Find(key); n && !n->IsNull()) {
      if (auto t = reader.Text(*n, std::string("government.") + key)) out = *t;
    }
  };
  // A value that must look a certain way; `ok` decides, `advice` says what was expected.
  auto checked = [&](const char* key, std::string& out, const auto& ok, const std::string& advice) {
    const yaml::Node* n = node.Find(key);
    if (!n || n->IsNull()) return;
    std::optional<std::string> s = reader.String(*n, std::string("government.") + key);
    if (!s) return;
    if (!ok(*s)) {
      reader.Error(*n, "government." + std::string(key) + " '" + *s + "' " + advice);
      return;
    }
    out = *s;
  };
  text("sponsor", g.sponsor);
  text("operator", g.operator_);
  text("address", g.address);
  checked("site_code", g.site_code, IsValidSiteCode,
          "is not a 网站标识码: ten digits starting with a province's region code (like "
          "1300000029), or bm and eight digits for a State Council department (like bm07000001)");
  checked("icp", g.icp, IsValidIcpNumber,
          "is not an ICP 备案号: the province's short name, ICP备, the number and 号, like "
          "京ICP备12345678号 or 京ICP备12345678号-1");
  checked(
      "police_record", g.police, [](const std::string& s) { return !PoliceRecordCode(s).empty(); },
      "is not a 公安机关备案号: the province's short name, 公网安备, 14 digits and 号, like "
      "京公网安备11010502030143号");
  g.police_code = PoliceRecordCode(g.police);
  checked("phone", g.phone, IsValidPhone,
          "is not a telephone number: digits, spaces and - + ( ) , only, like 0311-12345678");
  checked("email", g.email, IsValidEmail, "is not an e-mail address like office@example.gov.cn");
  if (const yaml::Node* n = node.Find("publish_snippet"); n && !n->IsNull()) {
    if (auto s = reader.String(*n, "government.publish_snippet")) g.publish_snippet = *s;
  }
  if (const yaml::Node* b = node.Find("badge"); b && !b->IsNull()) {
    if (!reader.ExpectMap(*b, "government.badge")) return g;
    reader.CheckKeys(*b, {"image", "link"});
    if (const yaml::Node* n = reader.Required(*b, "image")) {
      if (auto path = reader.String(*n, "government.badge.image")) {
        std::optional<std::string> bytes;
        if (!IsPlainRelativePath(*path)) {
          reader.Error(*n,
                       "government.badge.image must be a path inside the site folder, like "
                       "content/static/badge.png");
        } else if (std::string ext = Extension(*path);
                   std::find(kImageExtensions.begin(), kImageExtensions.end(), ext) ==
                   kImageExtensions.end()) {
          reader.Error(
              *n,
              "government.badge.image must be an image (png, jpg, jpeg, gif, svg or webp), not '" +
                  *path + "'");
        } else if (!(bytes = site.Read(*path))) {
          reader.Error(
              *n, "government.badge.image: there is no file '" + *path + "' in the site folder");
        } else {
          g.badge_image = *path;
          g.badge_bytes = std::move(*bytes);
        }
      }
    }
    if (const yaml::Node* n = b->Find("link"); n && !n->IsNull()) {
      if (auto s = reader.String(*n, "government.badge.link")) {
        if (!StartsWith(*s, "https://") && !StartsWith(*s, "http://")) {
          reader.Error(*n, "government.badge.link must start with https:// or http://");
        } else {
          g.badge_link = *s;
        }
      }
    }
  }
  return g;
}

}  // namespace nianbao

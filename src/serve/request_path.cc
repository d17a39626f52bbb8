#include "serve/request_path.h"

#include <array>
#include <utility>

#include "core/text.h"

namespace nianbao {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes one segment; nullopt for a malformed escape or a forbidden result.
std::optional<std::string> DecodeSegment(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      out += raw[i];
      continue;
    }
    if (i + 2 >= raw.size()) return std::nullopt;
    int hi = HexValue(raw[i + 1]);
    int lo = HexValue(raw[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  if (out == "." || out == "..") return std::nullopt;
  for (unsigned char c : out) {
    if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') return std::nullopt;
  }
  if (!IsValidUtf8(out)) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::string> DecodeRequestPath(std::string_view target) {
  std::string_view path = target.substr(0, target.find_first_of("?#"));
  if (path.empty() || path[0] != '/') return std::nullopt;
  path.remove_prefix(1);
  std::string out;
  while (true) {
    size_t slash = path.find('/');
    std::string_view raw = path.substr(0, slash);
    if (!raw.empty()) {
      std::optional<std::string> segment = DecodeSegment(raw);
      if (!segment) return std::nullopt;
      out += *segment;
    }
    if (slash == std::string_view::npos) break;
    out += '/';
    path.remove_prefix(slash + 1);
  }
  return out;
}

Lookup LookUp(const SiteFiles& files, std::string_view target) {
  std::optional<std::string> path = DecodeRequestPath(target);
  if (!path) return {Lookup::Kind::kBadRequest, ""};
  // "a//b" names nothing: the site has no empty folder names.
  if (path->find("//") != std::string::npos || StartsWith(*path, "/")) {
    return {Lookup::Kind::kNotFound, ""};
  }
  if (path->empty() || EndsWith(*path, "/")) {
    std::string index = *path + "index.html";
    if (files.count(index)) return {Lookup::Kind::kFile, index};
    return {Lookup::Kind::kNotFound, ""};
  }
  if (files.count(*path)) return {Lookup::Kind::kFile, *path};
  if (files.count(*path + "/index.html")) {
    std::string location = "/" + EncodePath(*path) + "/";
    size_t query = target.find('?');
    if (query != std::string_view::npos) {
      location += target.substr(query, target.find('#', query) - query);
    }
    return {Lookup::Kind::kRedirect, location};
  }
  return {Lookup::Kind::kNotFound, ""};
}

std::string MimeTypeOf(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".xml", "application/xml; charset=utf-8"},
      {".svg", "image/svg+xml; charset=utf-8"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".pdf", "application/pdf"},
  }};
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  std::string ext(path.substr(dot));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const auto& [suffix, type] : kTypes) {
    if (ext == suffix) return std::string(type);
  }
  return "application/octet-stream";
}

std::string EncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '/' || c == '-' || c == '.' || c == '_' || c == '~';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace nianbao

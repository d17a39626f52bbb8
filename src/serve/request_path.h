// From an HTTP request target to a file of the built site, and the file's MIME type.
// Pure functions: the server serves only what these say exists in memory.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "serve/site_files.h"

namespace nianbao {

/// Decodes a raw request target ("/en/reports/?x=1") into a site path ("en/reports/").
/// Each segment is percent-decoded once, on its own, so "%2e%2e" and "%2f" cannot form a
/// traversal. nullopt (a bad request) for a target not starting with '/', a segment that
/// decodes to "." or "..", or one holding '/', '\\', a control character or invalid UTF-8.
std::optional<std::string> DecodeRequestPath(std::string_view target);

/// What a request names in the site.
struct Lookup {
  enum class Kind {
    kFile,      // `path` is a file of the site
    kRedirect,  // a folder named without its trailing slash: `path` is the Location
    kNotFound,
    kBadRequest,  // traversal, bad encoding
  };
  Kind kind = Kind::kNotFound;
  std::string path;
};

/// Resolves a raw request target against the site: a folder URL ("/en/") serves its
/// index.html; "/en" redirects to "/en/" so that the page's relative links work.
Lookup LookUp(const SiteFiles& files, std::string_view target);

/// "text/html; charset=utf-8" etc., by extension; application/octet-stream if unknown.
std::string MimeTypeOf(std::string_view path);

/// Percent-encodes a site path for a URL (keeps '/', letters, digits and "-._~").
std::string EncodePath(std::string_view path);

}  // namespace nianbao

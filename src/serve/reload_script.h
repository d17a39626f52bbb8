// What serve mode adds to the site: the live-reload script every page gets before </body>,
// the Server-Sent Events it listens to, and the pages for a missing file or a broken site.
// Nothing here ever reaches the output of `nianbao build`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

/// The URL path of the event stream.
inline constexpr std::string_view kEventsPath = "/__nianbao/events";

/// Stands in the script for the version of the site a page belongs to; the server puts
/// the real one in each HTML page it sends (StampVersion), so that a page that missed
/// an event while it loaded can tell on connecting.
inline constexpr std::string_view kVersionToken = "__NIANBAO_SITE_VERSION__";

/// The inline <script>: reloads the page when a rebuild changed it, shows build errors in
/// an overlay (role="alert", dismissable) and removes it after the next good build.
std::string ReloadScript();

/// `html` with the last kVersionToken replaced by `version` (the script sits near the end).
std::string StampVersion(std::string_view html, std::string_view version);

/// SSE "hello", sent first on every stream: {"version": …}.
std::string HelloEvent(std::string_view version);

/// SSE "reload" after a good build: {"version": …, "all": bool, "paths": [HTML paths that
/// changed]}. "all" when an asset changed (every page uses them) or the list is long.
std::string ReloadEvent(std::string_view version, const std::vector<std::string>& changed);
/// SSE "reload" that reloads every page.
std::string ReloadAllEvent(std::string_view version);

/// SSE "build-error" (not "error": EventSource fires its own "error" on a lost connection):
/// {"summary": …, "text": formatted diagnostics}.
std::string BuildErrorEvent(std::string_view summary, std::string_view text);

/// A 404 page for `path` (escaped), with a link to the site's home and the script.
std::string NotFoundPage(std::string_view path, std::string_view script);

/// Served for every page while the site has not built once: says so; the script shows the
/// errors and reloads when the site builds.
std::string NoSitePage(std::string_view script);

}  // namespace nianbao

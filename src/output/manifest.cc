#include "output/manifest.h"

#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/parallel.h"
#include "core/sha256.h"
#include "core/text.h"

namespace nianbao {

namespace {

void ListTree(const FileSystem& site, const std::string& dir, std::vector<std::string>& out) {
  for (const DirEntry& e : site.List(dir)) {
    const std::string path = dir + "/" + e.name;
    if (e.is_dir) {
      ListTree(site, path, out);
    } else {
      out.push_back(path);
    }
  }
}

bool IsHex64(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// A relative '/'-separated path that stays inside the folder it is read from.
bool IsSafePath(const std::string& p) {
  if (p.empty() || p[0] == '/' || p.find('\\') != std::string::npos ||
      p.find('\0') != std::string::npos) {
    return false;
  }
  size_t start = 0;
  while (true) {
    size_t slash = p.find('/', start);
    std::string_view part(p.data() + start,
                          (slash == std::string::npos ? p.size() : slash) - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string::npos) return true;
    start = slash + 1;
  }
}

}  // namespace

std::pair<std::string, size_t> TreeDigest(
    const FileSystem& site, const std::string& dir, int jobs,
    const std::function<std::optional<std::string>(const std::string&)>& known) {
  std::vector<std::string> paths;
  ListTree(site, dir, paths);
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> digests(paths.size());
  ParallelFor(paths.size(), jobs, [&](size_t i, int) {
    std::optional<std::string> digest = known ? known(paths[i]) : std::nullopt;
    digests[i] = digest ? std::move(*digest) : Sha256Hex(site.Read(paths[i]).value_or(""));
  });
  Sha256 all;
  for (size_t i = 0; i < paths.size(); ++i) {
    all.Update(paths[i]);
    all.Update("\n");
    all.Update(digests[i]);
    all.Update("\n");
  }
  return {all.Hex(), paths.size()};
}

std::string ManifestJson(const Manifest& m) {
  auto q = [](const std::string& s) { return JsonString(s); };
  std::string out = "{\n";
  out += "  \"format\": " + q(kManifestFormat) + ",\n";
  out += "  \"generator\": " + q(m.generator) + ",\n";
  out += "  \"content\": {\"files\": " + std::to_string(m.content_files) +
         ", \"sha256\": " + q(m.content_sha256) + "},\n";
  out += "  \"theme\": {\"name\": " + q(m.theme) + ", \"sha256\": " + q(m.theme_sha256) + "},\n";
  out += "  \"files\": [";
  for (size_t i = 0; i < m.files.size(); ++i) {
    const WrittenFile& f = m.files[i];
    out += (i ? ",\n    " : "\n    ");
    out += "{\"path\": " + q(f.path) + ", \"size\": " + std::to_string(f.size) +
           ", \"sha256\": " + q(f.sha256) + "}";
  }
  out += m.files.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

std::optional<Manifest> ParseManifest(const std::string& text, const std::string& path,
                                      Diagnostics& diags) {
  auto fail = [&](const std::string& message) {
    diags.Error({path, 0, 0}, message);
    return std::nullopt;
  };
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return fail("not a manifest: not a JSON object");
  if (!doc.contains("format") || doc["format"] != kManifestFormat) {
    return fail(std::string("not a manifest: \"format\" is not \"") + kManifestFormat + "\"");
  }
  Manifest m;
  try {
    m.generator = doc.at("generator").get<std::string>();
    m.content_files = doc.at("content").at("files").get<size_t>();
    m.content_sha256 = doc.at("content").at("sha256").get<std::string>();
    m.theme = doc.at("theme").at("name").get<std::string>();
    m.theme_sha256 = doc.at("theme").at("sha256").get<std::string>();
    std::string previous;
    for (const nlohmann::json& f : doc.at("files")) {
      WrittenFile w{f.at("path").get<std::string>(), f.at("size").get<uint64_t>(),
                    f.at("sha256").get<std::string>()};
      if (!IsSafePath(w.path)) {
        return fail("manifest names a path outside the folder: " + JsonString(w.path));
      }
      if (!IsHex64(w.sha256)) return fail("manifest has a malformed sha256 for " + w.path);
      if (!previous.empty() && w.path <= previous) {
        return fail("manifest files are not sorted by path at " + w.path);
      }
      previous = w.path;
      m.files.push_back(std::move(w));
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(std::string("not a manifest: ") + e.what());
  }
  return m;
}

}  // namespace nianbao

#include "output/manifest.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

Manifest Sample() {
  Manifest m;
  m.generator = "nianbao 0.1.0";
  m.content_sha256 = std::string(64, 'a');
  m.content_files = 2;
  m.theme = "default";
  m.theme_sha256 = std::string(64, 'b');
  m.files = {{"a.html", 3, std::string(64, 'c')}, {"zh/index.html", 10, std::string(64, 'd')}};
  return m;
}

std::string Error(const std::string& text) {
  Diagnostics diags;
  EXPECT_FALSE(ParseManifest(text, "manifest.json", diags));
  return diags.FormatAll();
}

TEST(ManifestTest, JsonIsOneFilePerLineAndReadsBack) {
  const std::string json = ManifestJson(Sample());
  EXPECT_EQ(json,
            "{\n  \"format\": \"nianbao-manifest/1\",\n  \"generator\": \"nianbao 0.1.0\",\n"
            "  \"content\": {\"files\": 2, \"sha256\": \"" +
                std::string(64, 'a') +
                "\"},\n"
                "  \"theme\": {\"name\": \"default\", \"sha256\": \"" +
                std::string(64, 'b') +
                "\"},\n  \"files\": [\n"
                "    {\"path\": \"a.html\", \"size\": 3, \"sha256\": \"" +
                std::string(64, 'c') +
                "\"},\n"
                "    {\"path\": \"zh/index.html\", \"size\": 10, \"sha256\": \"" +
                std::string(64, 'd') + "\"}\n  ]\n}\n");
  Diagnostics diags;
  std::optional<Manifest> back = ParseManifest(json, "manifest.json", diags);
  ASSERT_TRUE(back) << diags.FormatAll();
  EXPECT_EQ(ManifestJson(*back), json);
}

TEST(ManifestTest, RefusesWhatIsNotAManifest) {
  EXPECT_EQ(Error("{oops"), "manifest.json: error: not a manifest: not a JSON object\n");
  EXPECT_EQ(Error("{\"format\": \"other/1\"}"),
            "manifest.json: error: not a manifest: \"format\" is not \"nianbao-manifest/1\"\n");
  EXPECT_NE(Error("{\"format\": \"nianbao-manifest/1\", \"generator\": \"x\"}")
                .find("not a "
                      "manifest: "),
            std::string::npos);
}

// A manifest must never make verify read outside the folder it checks.
TEST(ManifestTest, RefusesPathsThatLeaveTheFolder) {
  for (const char* bad :
       {"../etc/passwd", "/etc/passwd", "a/../../b", "a//b", "a\\\\b", "./a", ""}) {
    Manifest m = Sample();
    m.files = {{bad, 1, std::string(64, 'e')}};
    std::string error = Error(ManifestJson(m));
    EXPECT_NE(error.find("manifest names a path outside the folder"), std::string::npos)
        << bad << ": " << error;
  }
  Manifest m = Sample();
  m.files[0].sha256 = "xyz";
  EXPECT_EQ(Error(ManifestJson(m)),
            "manifest.json: error: manifest has a malformed sha256 for "
            "a.html\n");
  m = Sample();
  std::swap(m.files[0], m.files[1]);
  EXPECT_EQ(Error(ManifestJson(m)),
            "manifest.json: error: manifest files are not sorted by path at a.html\n");
}

}  // namespace
}  // namespace nianbao

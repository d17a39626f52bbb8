#include "render/feeds.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>

#include "core/text.h"
#include "render/urls.h"

namespace nianbao {

namespace {

// nianbao's namespace for name-based UUIDs: chosen once, never to change (every feed
// reader that has seen an entry id would see it as new).
constexpr unsigned char kNamespace[16] = {0x3b, 0x1f, 0x6c, 0x2e, 0x58, 0x5d, 0x5a, 0x4e,
                                          0x9d, 0x8e, 0x6a, 0x41, 0x0c, 0x57, 0x2b, 0x90};

std::string Xml(const std::string& s) { return HtmlEscape(s); }

const Narrative* NarrativeIn(const SiteModel& model, const Edition& e, const std::string& lang) {
  if (auto it = e.narratives.find(lang); it != e.narratives.end()) return &it->second;
  if (auto it = e.narratives.find(model.config.default_language()); it != e.narratives.end()) {
    return &it->second;
  }
  return e.narratives.empty() ? nullptr : &e.narratives.begin()->second;
}

std::string DateOf(const SiteModel& model, const Edition& e, const std::string& lang) {
  if (auto it = e.narratives.find(lang);
      it != e.narratives.end() && !it->second.front.date.empty()) {
    return it->second.front.date;
  }
  const Narrative* n = NarrativeIn(model, e, lang);
  return n ? n->front.date : "";
}

}  // namespace

std::string NameUuid(const std::string& name) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr);
  EVP_DigestUpdate(ctx, kNamespace, sizeof kNamespace);
  EVP_DigestUpdate(ctx, name.data(), name.size());
  EVP_DigestFinal_ex(ctx, digest, &n);
  EVP_MD_CTX_free(ctx);
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0F) | 0x50);  // version 5
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char out[64];
  std::snprintf(out, sizeof out,
                "urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6],
                digest[7], digest[8], digest[9], digest[10], digest[11], digest[12], digest[13],
                digest[14], digest[15]);
  return out;
}

OutputFile RenderFeed(const RenderInputs& in, const std::string& lang) {
  const SiteModel& model = in.model;
  const std::string path = lang + "/feed.xml";
  PageContext ctx(in, lang, path);
  struct Item {
    std::string date;
    const Edition* edition;
  };
  std::vector<Item> items;
  for (const Edition& e : model.content.editions) {
    std::string date = DateOf(model, e, lang);
    if (!date.empty()) items.push_back({date, &e});
  }
  // Newest first; editions are already in bureau list order, so a stable sort keeps ties so.
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.date > b.date; });
  if (items.size() > kFeedEntries) items.resize(kFeedEntries);

  const std::string& base = model.config.base_url;
  auto href = [&](const std::string& to) {
    return Xml(base.empty() ? ctx.Link(to) : PublishedUrl(base, to));
  };
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
      "xml:lang=\"" +
      Xml(lang) + "\">\n";
  xml += "  <id>" + NameUuid("feed/" + lang) + "</id>\n";
  xml += "  <title>" + Xml(ctx.Tr(model.config.title)) + "</title>\n";
  xml += "  <updated>" + (items.empty() ? std::string("1970-01-01") : items.front().date) +
         "T00:00:00Z</updated>\n";
  xml += "  <author><name>" + Xml(ctx.Tr(model.config.title)) + "</name></author>\n";
  xml += "  <generator version=\"" NIANBAO_VERSION "\">nianbao</generator>\n";
  xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + href(urls::Home(lang)) + "\"/>\n";
  if (!base.empty()) {
    xml +=
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + Xml(base + path) + "\"/>\n";
  }
  for (const Item& item : items) {
    const Edition& e = *item.edition;
    const Bureau& bureau = *model.catalog.FindBureau(e.bureau);
    const Narrative* n = NarrativeIn(model, e, lang);
    std::string title = n && !n->front.title.empty()
                            ? n->front.title
                            : ctx.Tr(bureau.name) + " " + ctx.PeriodLabel(e.period);
    xml += "  <entry>\n";
    xml += "    <id>" + NameUuid("report/" + e.bureau + "/" + e.name + "/" + lang) + "</id>\n";
    xml += "    <title>" + Xml(title) + "</title>\n";
    xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
           href(urls::Report(lang, e.bureau, e.name)) + "\"/>\n";
    xml += "    <published>" + item.date + "T00:00:00Z</published>\n";
    xml += "    <updated>" + item.date + "T00:00:00Z</updated>\n";
    xml += "    <author><name>" + Xml(ctx.Tr(bureau.name)) + "</name></author>\n";
    if (n && !n->front.summary.empty()) {
      xml += "    <summary>" + Xml(n->front.summary) + "</summary>\n";
    }
    xml += "  </entry>\n";
  }
  xml += "</feed>\n";
  return {path, xml};
}

}  // namespace nianbao

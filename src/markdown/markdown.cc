#include "markdown/markdown.h"

#include <algorithm>
#include <memory>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include "core/text.h"
#include "markdown/ast.h"
#include "markdown/autolink.h"
#include "markdown/baseline.h"
#include "markdown/emphasis.h"
#include "markdown/footnote_labels.h"

namespace nianbao::markdown {

namespace {

// cmark-gfm adds the extensions' special characters to one global table when a parser
// starts on inlines and clears them when it is done (inside cmark_parser_finish), so a
// second thread in its inline phase at that moment loses its autolinks and strikethrough
// (github/cmark-gfm PR #176). Only that phase is serialised; block parsing, our tree
// rewrites and HTML rendering read nothing shared and run in parallel.
std::mutex& InlinePhaseMutex() {
  static std::mutex mutex;
  return mutex;
}

void RegisterExtensionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct ParserFree {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};

struct CharsFree {
  void operator()(char* s) const { cmark_get_default_mem_allocator()->free(s); }
};

struct Parsed {
  std::unique_ptr<cmark_parser, ParserFree> parser;  // owns the extension list render needs
  NodePtr root;
};

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter",
                                       "tasklist"};

int CmarkOptions(const Options& options) {
  // Never CMARK_OPT_SOURCEPOS: output must not carry data-sourcepos.
  return CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | (options.unsafe_html ? CMARK_OPT_UNSAFE : 0);
}

Parsed Parse(std::string_view text, int options) {
  RegisterExtensionsOnce();
  Parsed doc;
  doc.parser.reset(cmark_parser_new(options));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(doc.parser.get(), ext);
    }
  }
  cmark_parser_feed(doc.parser.get(), text.data(), text.size());
  {
    std::lock_guard lock(InlinePhaseMutex());
    doc.root.reset(cmark_parser_finish(doc.parser.get()));
  }
  return doc;
}

std::string Render(const Parsed& doc, int options) {
  std::unique_ptr<char, CharsFree> html;
  html.reset(cmark_render_html(doc.root.get(), options,
                               cmark_parser_get_syntax_extensions(doc.parser.get())));
  return html ? std::string(html.get()) : std::string();
}

// Only text with a non-ASCII character (CJK, a variation selector) and a delimiter can
// read differently under the CJK-friendly rule.
bool MayNeedMarkers(std::string_view text) {
  return HasAnyOf(text, "*_~") &&
         std::any_of(text.begin(), text.end(), [](char c) { return c & 0x80; });
}

std::string RenderDocument(std::string_view input, const Options& options,
                           const CodeBlockHook* hook) {
  const int cmark_options = CmarkOptions(options);
  std::string text(input);
  RemoveMarkers(&text, false);  // so that every kOtherMarker in the tree is ours
  // Before any parse, the structure's included: cmark must never read such a label (a
  // caret entity in one is a use after free inside cmark_parser_finish).
  const bool guarded = GuardFootnoteLabels(&text);
  // Markers must not go into code or HTML blocks and code spans, and must know where
  // quotes, table cells and paragraphs begin: only cmark knows, so if a first reading
  // without structure asks for markers, parse once for the structure and read again.
  std::optional<Marked> marked;
  if (MayNeedMarkers(text)) marked = AddEmphasisMarkers(text, {});
  if (marked) {
    Parsed structure = Parse(text, cmark_options);
    marked = AddEmphasisMarkers(text, SourceLineKinds(structure.root.get()));
  }
  const std::string& source = marked ? marked->text : text;
  const bool punct_marker = marked && marked->punct_marker;
  const bool markers = guarded || marked;
  Parsed doc = Parse(source, cmark_options);
  if (markers) StripMarkers(doc.root.get(), punct_marker);
  if (hook && *hook) ApplyCodeBlockHook(doc.root.get(), *hook);
  SplitAutolinks(doc.root.get(), source);
  JoinCjkLines(doc.root.get());
  LabelTaskItems(doc.root.get());
  std::string html = Render(doc, cmark_options);
  if (markers) RemoveMarkers(&html, punct_marker);  // in case one hid from the tree
  return html;
}

bool AllOf(std::string_view s, std::string_view chars) {
  return s.find_first_not_of(chars) == std::string_view::npos;
}

// One line of inline text with whatever would start a block escaped: ATX headings, quotes,
// list items, setext underlines, thematic breaks, fences, table delimiter rows, link
// reference and footnote definitions. Leading indentation is dropped (no code blocks).
std::string EscapeBlockStart(std::string_view line) {
  line.remove_prefix(std::min(line.size(), line.find_first_not_of(" \t")));
  auto at = [&](size_t i) { return i < line.size() ? line[i] : '\0'; };
  auto spaced = [&](size_t i) { return at(i) == ' ' || at(i) == '\t' || at(i) == '\0'; };
  std::string out(line);
  size_t digits = line.find_first_not_of("0123456789");
  size_t hashes = line.find_first_not_of('#');
  if (line.empty()) return out;
  if (digits >= 1 && digits <= 9 && (at(digits) == '.' || at(digits) == ')') &&
      spaced(digits + 1)) {
    out.insert(digits, "\\");
  } else if (line[0] == '>' || (line[0] == '#' && hashes <= 6 && spaced(hashes)) ||
             ((line[0] == '-' || line[0] == '+' || line[0] == '*') && spaced(1)) ||
             (std::string_view("-*_=").find(line[0]) != std::string_view::npos &&
              AllOf(line, std::string(1, line[0]) + " \t")) ||  // --- *** ___ ===
             ((line[0] == '`' || line[0] == '~') && line.starts_with(std::string(3, line[0]))) ||
             (AllOf(line, "|-: \t") && line.find('-') != std::string_view::npos) ||
             (line[0] == '[' && at(line.find(']') + 1) == ':')) {
    out.insert(0, "\\");
  }
  return out;
}

}  // namespace

std::string RenderWithCmarkOnly(std::string_view text, const Options& options) {
  const int cmark_options = CmarkOptions(options);
  return Render(Parse(text, cmark_options), cmark_options);
}

std::string RenderBlocks(std::string_view text, const Options& options, const CodeBlockHook& hook) {
  return RenderDocument(text, options, &hook);
}

std::string RenderInline(std::string_view text, const Options& options) {
  // One paragraph: blank lines are dropped and block syntax escaped, so several lines or
  // paragraphs join with soft breaks (a newline in the HTML) instead of making blocks.
  std::string paragraph;
  for (std::string_view line : SplitLines(text)) {
    if (Trim(line).empty()) continue;
    if (!paragraph.empty()) paragraph += '\n';
    paragraph += EscapeBlockStart(line);
  }
  std::string html = RenderDocument(paragraph, options, nullptr);
  if (html.starts_with("<p>") && html.ends_with("</p>\n")) return html.substr(3, html.size() - 8);
  while (!html.empty() && html.back() == '\n') html.pop_back();
  return html;  // an HTML block (unsafe mode) or nothing
}

}  // namespace nianbao::markdown

// The words a reader sees on a page, taken from its HTML as rendered, for the search index.
#pragma once

#include <string>
#include <string_view>

namespace nianbao::search {

struct PageText {
  std::string title;  // the text of the first <h1> in <main>
  std::string body;   // the rest of <main>, whitespace collapsed
};

/// The text of the page's <main>: entities decoded, tags dropped (an inline tag such as
/// <em> or <a> joins the words either side, any other tag separates them), and without
/// what is not prose: tables, figures (charts), navigation, scripts, forms and any
/// element marked data-nosearch (the report's 政府信息公开 block).
PageText ExtractPageText(std::string_view html);

}  // namespace nianbao::search

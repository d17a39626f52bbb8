// Autolinks in Chinese text. Internal to src/markdown/.
#pragma once

#include <string_view>

#include <cmark-gfm.h>

namespace nianbao::markdown {

/// GFM autolinks run on through Chinese text (请访问https://www.gov.cn了解更多 links the
/// rest of the sentence; 页面，谢谢 too). Cuts each link made by the autolink extension where
/// its host name meets a character that cannot be in an ASCII host name, or at the first
/// IsUrlStop character, re-applies GFM's trailing punctuation rule, and links further
/// http(s)://, ftp://, www. URLs and e-mail addresses in the rest (a.gov.cn、b.gov.cn).
/// Leaves <angle> autolinks and [text](url) links alone. Also links www. right after CJK
/// text (网址：www.samr.gov.cn), which GFM does not.
void SplitAutolinks(cmark_node* root, std::string_view source);

}  // namespace nianbao::markdown

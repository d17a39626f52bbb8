#include "search/tokenize.h"

#include <algorithm>
#include <array>

#include "core/text.h"

namespace nianbao::search {

namespace {

// U+00C0…U+024F folded to an ASCII letter, or '.' to keep the letter (search.js holds the
// same string). Made from Unicode's compatibility decompositions (NFKD), base letter only.
constexpr std::string_view kLatinFold =
    "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeee"
    "eegggggggghh..iiiiiiiii.iijjkk.llllllll..nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuu"
    "wwyyyzzzzzzs................................oo.............uu...................dddlllnnnaa"
    "iioouuuuuuuuuu.aaaa....ggkkoooo..jdddgg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aae"
    "eooooooooyy............................";
static_assert(kLatinFold.size() == 0x250 - 0xC0);

// Words too common to narrow a search; they would be the largest lists in the index.
constexpr std::array<std::string_view, 24> kStopWords = {
    "a",  "an",  "and", "are", "as", "at",   "be",  "by",   "for", "from", "in",   "is",
    "it", "its", "of",  "on",  "or", "that", "the", "this", "to",  "was",  "were", "with"};

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
  return c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Plural to singular, only where English is regular enough not to need a dictionary; the
// same rule runs on the query, so a wrong singular still matches itself.
void Singular(std::string& w) {
  if (w.size() <= 3 || w.back() != 's') return;
  for (char c : w) {
    if (c < 'a' || c > 'z') return;
  }
  if (w.size() > 4 && EndsWith(w, "ies")) {
    w.replace(w.size() - 3, 3, "y");
  } else if (w.size() > 4 && (EndsWith(w, "sses") || EndsWith(w, "xes") || EndsWith(w, "ches") ||
                              EndsWith(w, "shes"))) {
    w.resize(w.size() - 2);
  } else if (!EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is")) {
    w.pop_back();
  }
}

void AddWord(std::string& word, std::vector<std::string>& out) {
  if (word.empty()) return;
  Singular(word);
  if (std::find(kStopWords.begin(), kStopWords.end(), word) == kStopWords.end()) {
    out.push_back(word);
  }
  word.clear();
}

void AddCjkRun(const std::vector<char32_t>& run, std::vector<std::string>& out) {
  if (run.size() == 1) {
    out.emplace_back();
    AppendUtf8(out.back(), run[0]);
    return;
  }
  for (size_t i = 0; i + 1 < run.size(); ++i) {
    out.emplace_back();
    AppendUtf8(out.back(), run[i]);
    AppendUtf8(out.back(), run[i + 1]);
  }
}

}  // namespace

char32_t Fold(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c < 0x80) return c;
  if (c >= 0xFF01 && c <= 0xFF5E) return Fold(c - 0xFEE0);
  if (c == 0x3000) return ' ';
  if (c >= 0xC0 && c < 0x250) {
    char f = kLatinFold[c - 0xC0];
    if (f != '.') return static_cast<char32_t>(f);
    if (c <= 0xDE && c != 0xD7) return c + 0x20;  // Æ Ð Ø Þ
  }
  return c;
}

std::string FoldText(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    int len = 1;
    char32_t c = DecodeUtf8At(utf8, i, &len);
    AppendUtf8(out, c == kInvalidCodePoint ? 0xFFFD : Fold(c));
    i += len;
  }
  return out;
}

bool IsCjk(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

std::vector<std::string> Tokenize(std::string_view utf8) {
  std::vector<std::string> out;
  std::string word;
  std::vector<char32_t> run;
  for (size_t i = 0; i < utf8.size();) {
    int len = 1;
    char32_t c = Fold(DecodeUtf8At(utf8, i, &len));
    i += len;
    if (IsCjk(c)) {
      AddWord(word, out);
      run.push_back(c);
      continue;
    }
    if (!run.empty()) {
      AddCjkRun(run, out);
      run.clear();
    }
    if (IsWordChar(c)) {
      AppendUtf8(word, c);
    } else {
      AddWord(word, out);
    }
  }
  AddWord(word, out);
  if (!run.empty()) AddCjkRun(run, out);
  return out;
}

uint32_t TokenHash(std::string_view token) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < token.size();) {
    int len = 1;
    char32_t c = DecodeUtf8At(token, i, &len);
    i += len;
    h = (h ^ static_cast<uint32_t>(c)) * 16777619u;
  }
  return h;
}

}  // namespace nianbao::search

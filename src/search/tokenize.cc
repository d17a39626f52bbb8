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

// Plural to singular, only where English is regular enough not to need a dictionary; the
// same rule runs on the query, so a wrong singular still matches itself. In place: the
// new length (a singular is never longer).
size_t Singular(char* w, size_t n) {
  if (n <= 3 || w[n - 1] != 's') return n;
  for (size_t i = 0; i < n; ++i) {
    if (w[i] < 'a' || w[i] > 'z') return n;
  }
  const std::string_view v(w, n);
  if (n > 4 && EndsWith(v, "ies")) {
    w[n - 3] = 'y';
    return n - 2;
  }
  if (n > 4 &&
      (EndsWith(v, "sses") || EndsWith(v, "xes") || EndsWith(v, "ches") || EndsWith(v, "shes"))) {
    return n - 2;
  }
  if (!EndsWith(v, "ss") && !EndsWith(v, "us") && !EndsWith(v, "is")) return n - 1;
  return n;
}

constexpr size_t kLongestStopWord = 4;
static_assert(std::all_of(kStopWords.begin(), kStopWords.end(),
                          [](std::string_view w) { return w.size() <= kLongestStopWord; }));

// Up to four letters as one number, to compare a word with the stop words at once.
constexpr uint32_t PackShort(std::string_view w) {
  uint32_t v = 0;
  for (size_t i = 0; i < w.size(); ++i) v |= uint32_t{static_cast<unsigned char>(w[i])} << (8 * i);
  return v;
}
constexpr auto kPackedStopWords = [] {
  std::array<uint32_t, kStopWords.size()> packed{};
  for (size_t i = 0; i < kStopWords.size(); ++i) packed[i] = PackShort(kStopWords[i]);
  return packed;
}();

bool IsStopWord(std::string_view w) {
  if (w.size() > kLongestStopWord) return false;  // most words: no comparisons
  const uint32_t packed = PackShort(w);
  return std::find(kPackedStopWords.begin(), kPackedStopWords.end(), packed) !=
         kPackedStopWords.end();
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

// The code point at text[i] and its length; the common cases (ASCII, a three-byte
// character such as a Han one) decoded inline, the rest by the full decoder.
inline char32_t NextCodePoint(std::string_view text, size_t i, int* len) {
  unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  if (b >= 0xE1 && b <= 0xEF && b != 0xED && i + 2 < text.size()) {
    unsigned char b1 = static_cast<unsigned char>(text[i + 1]);
    unsigned char b2 = static_cast<unsigned char>(text[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      *len = 3;
      return (static_cast<char32_t>(b & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) |
             (b2 & 0x3F);
    }
  }
  return DecodeUtf8At(text, i, len);
}

// An ASCII letter or digit lower-cased, 0 for any other byte.
constexpr auto kWordByte = [] {
  std::array<char, 256> t{};
  for (char c = '0'; c <= '9'; ++c) t[c] = c;
  for (char c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = c;
  return t;
}();

template <typename OnPair, typename OnWord>
void ScanTokens(std::string_view utf8, OnPair&& on_pair, OnWord&& on_word) {
  std::string word;   // a word with non-ASCII letters, as it is read
  char32_t prev = 0;  // the last CJK character of the run, if `run` > 0
  size_t run = 0;
  // A whole word, lower case: made singular and given unless it is a stop word.
  auto give = [&](char* w, size_t n) {
    const std::string_view v(w, Singular(w, n));
    if (!IsStopWord(v)) on_word(v);
  };
  auto end_word = [&] {
    if (word.empty()) return;
    give(word.data(), word.size());
    word.clear();
  };
  auto end_run = [&] {
    if (run == 1) on_pair(prev, 0);
    run = 0;
  };
  auto byte = [&](size_t at) { return static_cast<unsigned char>(utf8[at]); };
  for (size_t i = 0; i < utf8.size();) {
    if (byte(i) < 0x80) {  // ASCII: no decoding, a word at once
      if (run) end_run();
      if (!kWordByte[byte(i)]) {
        end_word();
        ++i;
        continue;
      }
      // Most words are ASCII from start to end: lowered into a buffer and given from
      // there. One that a non-ASCII letter may continue (or that one began) goes on in
      // `word`.
      char buf[64];
      size_t n = 0;
      char lower;
      while (i < utf8.size() && n < sizeof buf && (lower = kWordByte[byte(i)])) {
        buf[n++] = lower;
        ++i;
      }
      if (word.empty() && (i == utf8.size() || (byte(i) < 0x80 && !kWordByte[byte(i)]))) {
        give(buf, n);
      } else {
        word.append(buf, n);
      }
      continue;
    }
    // A run of CJK Unified Ideographs (U+4E00–U+9FFF: E4 B8 80 – E9 BF BF), most of a
    // Chinese page, pair by pair without the general case's tests.
    if (byte(i) >= 0xE4 && byte(i) <= 0xE9 && i + 2 < utf8.size()) {
      bool any = false;
      while (i + 2 < utf8.size()) {
        const unsigned b0 = byte(i), b1 = byte(i + 1), b2 = byte(i + 2);
        if (b0 < 0xE4 || b0 > 0xE9 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) break;
        const char32_t c = (char32_t{b0 & 0x0F} << 12) | (char32_t{b1 & 0x3F} << 6) | (b2 & 0x3F);
        if (c < 0x4E00) break;
        if (!any) {
          end_word();
          any = true;
        }
        if (run++ > 0) on_pair(prev, c);
        prev = c;
        i += 3;
      }
      if (any) continue;
    }
    int len = 1;
    char32_t c = NextCodePoint(utf8, i, &len);
    i += len;
    // The CJK Unified Ideographs (most Chinese) fold to themselves: no Fold, no range tests.
    const bool han = c >= 0x4E00 && c <= 0x9FFF;
    if (c >= 0x250 && c < 0x3040) {  // Chinese punctuation and the like: Fold keeps them apart
      end_run();
      end_word();
      continue;
    }
    if (!han) c = Fold(c);
    if (han || IsCjk(c)) {
      end_word();
      if (run++ > 0) on_pair(prev, c);
      prev = c;
      continue;
    }
    end_run();
    if (IsWordChar(c)) {
      AppendUtf8(word, c);
    } else {
      end_word();
    }
  }
  end_word();
  end_run();
}

std::vector<std::string> Tokenize(std::string_view utf8) {
  std::vector<std::string> out;
  ScanTokens(
      utf8,
      [&](char32_t a, char32_t b) {
        out.emplace_back();
        AppendUtf8(out.back(), a);
        if (b) AppendUtf8(out.back(), b);
      },
      [&](std::string_view w) { out.emplace_back(w); });
  return out;
}

namespace {

constexpr uint64_t kPairTag = uint64_t{1} << 63;
constexpr int kPackedLetters = 12;  // 37^12 < 2^63: a word of up to 12 [a-z0-9] packs

// A letter's digit in a packed word: a–z 1–26, 0–9 27–36, 0 for any other byte.
constexpr auto kPackDigit = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<uint8_t>(c - 'a' + 1);
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<uint8_t>(c - '0' + 27);
  return t;
}();

uint64_t PackWord(std::string_view w) {
  if (w.size() > kPackedLetters) return 0;
  uint64_t v = 0;
  for (size_t i = w.size(); i-- > 0;) {
    const uint64_t digit = kPackDigit[static_cast<unsigned char>(w[i])];
    if (!digit) return 0;
    v = v * 37 + digit;
  }
  return v;
}

}  // namespace

uint64_t OtherWords::KeyOf(std::string_view word) {
  auto [it, added] = keys_.try_emplace(std::string(word), kOtherTag | words_.size());
  if (added) words_.push_back(it->first);
  return it->second;
}

void TokenKeys(std::string_view utf8, std::vector<uint64_t>& keys, OtherWords& others) {
  ScanTokens(
      utf8,
      [&](char32_t a, char32_t b) {
        keys.push_back(kPairTag | static_cast<uint64_t>(a) << 21 | static_cast<uint64_t>(b));
      },
      [&](std::string_view w) {
        uint64_t packed = PackWord(w);
        keys.push_back(packed ? packed : others.KeyOf(w));
      });
}

std::string KeyText(uint64_t key) {
  std::string out;
  if (key & kPairTag) {
    AppendUtf8(out, static_cast<char32_t>((key >> 21) & 0x1FFFFF));
    if (char32_t b = key & 0x1FFFFF) AppendUtf8(out, b);
    return out;
  }
  for (; key; key /= 37) {
    uint64_t digit = key % 37;
    out += digit <= 26 ? static_cast<char>('a' + digit - 1) : static_cast<char>('0' + digit - 27);
  }
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

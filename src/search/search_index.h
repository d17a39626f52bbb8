// The search index of a site (docs/search.md): filled page by page while rendering, from
// many threads, then written as JavaScript files that search.js loads with <script>
// elements, so that searching works from disk (file://), where fetch() is refused.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "output/output_file.h"
#include "search/tokenize.h"

namespace nianbao::search {

/// What a page tells the index besides its text.
struct DocInfo {
  std::string lang;
  std::string path;    // output path, "zh/reports/x/2021/index.html"
  std::string kind;    // "report", "bureau", "indicator" or "page"
  std::string bureau;  // bureau id, "" if none
  std::string period;  // "2021年上半年", "" if none
  int year = 0;        // 0 if none
  std::string extra;   // words that find the page but are not in its prose (bureau name)
};

/// A bureau as the filter lists it.
struct BureauChoice {
  std::string id;
  std::string name;
};

/// Snippet text kept per page (code points): the opening of the text, where most matches
/// of a report fall; a match beyond it shows the opening, unmarked.
inline constexpr int kSnippetChars = 3000;
/// Pages per snippet file: results show at once, each snippet as its file arrives.
inline constexpr int kTextChunk = 16;

class SearchIndex {
 public:
  SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  /// Adds a page from its rendered HTML (only its text is kept, tokenised), in place of
  /// what an earlier call gave for the same language and path (serve re-renders pages).
  /// Thread-safe; the result does not depend on the order of the calls.
  void Add(DocInfo info, std::string_view html);

  /// For an index written once (a build): the output paths of every page of `lang` that
  /// will be added, so that each snippet file goes to `put` as soon as its pages have come
  /// instead of every page's text being held until Write. Call before any Add of `lang`.
  void StreamSnippets(const std::string& lang, std::vector<std::string> paths,
                      std::function<void(OutputFile&&)> put);

  /// The index files of `lang`: assets/search/<lang>.js (the pages, the bureau and year
  /// filters, the shard count), <lang>-<n>.js (the token shards) and <lang>-t<n>.js
  /// (snippet text). `bureaus` in list order; the years are those of the pages.
  OutputFiles Files(const std::string& lang, const std::vector<BureauChoice>& bureaus) const;
  /// The same files, each handed to `put` as soon as it is made (peak memory).
  void Write(const std::string& lang, const std::vector<BureauChoice>& bureaus,
             const std::function<void(OutputFile&&)>& put) const;

 private:
  struct Doc {
    DocInfo info;
    std::string title;
    std::string text;  // the first kSnippetChars code points of the body
    size_t first = 0;  // its postings: `count` varints from byte `first` of its part's
    uint32_t count = 0;
    bool replaced = false;  // a later Add gave this page again
  };
  // One part per concurrent writer, so that threads rarely wait for each other. Postings
  // are appended page by page and sorted once when the files are written (a map of lists
  // cost a node and a small list per token, and a lookup per page and token). Each token
  // is numbered by its part in the order first met (`ids`; an "other" key numbers the
  // part's `others`), and a page's postings are stored as varints of (number << 3 | flags)
  // (4: in the title; 0–3: count, capped): mostly two bytes, as common tokens are met
  // first, where a key and a page number took twelve (a 120k archive's peak memory).
  // A list that grows by blocks: nothing copied as it grows, and at most one block unused
  // (a doubling vector leaves up to half of millions of entries unused: peak memory).
  template <typename T>
  class Blocks {
   public:
    void push_back(T v) {
      if (size_ % kBlock == 0) blocks_.push_back(std::make_unique_for_overwrite<T[]>(kBlock));
      blocks_[size_ / kBlock][size_ % kBlock] = v;
      ++size_;
    }
    size_t size() const { return size_; }
    T operator[](size_t i) const { return blocks_[i / kBlock][i % kBlock]; }

   private:
    static constexpr size_t kBlock = 65536;
    std::vector<std::unique_ptr<T[]>> blocks_;
    size_t size_ = 0;
  };
  // Token keys numbered 0, 1, 2… in the order first met (open addressing; no key is 0).
  class DenseIds {
   public:
    DenseIds() : slots_(1024) {}
    uint32_t IdOf(uint64_t key);
    /// Asks for the slot where IdOf(key) starts to look, to be read soon.
    void Prefetch(uint64_t key) const { __builtin_prefetch(&slots_[SlotOf(key)]); }
    const std::vector<uint64_t>& keys() const { return keys_; }

   private:
    struct Slot {
      uint64_t key = 0;
      uint32_t id = 0;
    };
    size_t SlotOf(uint64_t key) const {
      return static_cast<size_t>((key * 0x9E3779B97F4A7C15u) >> 32) & (slots_.size() - 1);
    }
    std::vector<Slot> slots_;
    std::vector<uint64_t> keys_;
  };
  // A token of a page, with its flags.
  struct PageToken {
    uint64_t key;
    uint32_t flags;
  };
  struct Part {
    std::mutex mutex;
    std::vector<Doc> docs;
    Blocks<uint8_t> postings;  // the docs' varints, one after another
    DenseIds ids;
    OtherWords others;
    // The postings of docs[numbered…] as keys, numbered in batches: a page's thousand
    // lookups in `ids` each missed the cache (rendering between two pages evicts it);
    // tens of thousands in a row find it warm.
    std::vector<PageToken> pending;
    size_t numbered = 0;
    /// Numbers the pending postings into `postings`; mutex held.
    void Number();
  };
  std::vector<std::unique_ptr<Part>> parts_;
  // Snippet files written while pages come (StreamSnippets), by language.
  struct SnippetPlan {
    std::unordered_map<std::string, uint32_t> number;  // path → page number
    size_t pages = 0;
    std::function<void(OutputFile&&)> put;
    std::mutex mutex;
    std::vector<std::vector<std::string>> chunks;  // texts of a chunk not yet written
    std::vector<uint8_t> arrived;                  // pages of each chunk come so far
    std::vector<bool> written;
  };
  std::unordered_map<std::string, std::unique_ptr<SnippetPlan>> plans_;
  // Gives `text` (page `n` of the plan) to its chunk, writing the chunk once it is whole.
  void Deliver(const std::string& lang, SnippetPlan& plan, uint32_t n, std::string text);
  std::mutex where_mutex_;
  // Where each page is, by language + ' ' + path, to replace it: {part, doc}.
  std::unordered_map<std::string, std::pair<size_t, uint32_t>> where_;
};

}  // namespace nianbao::search

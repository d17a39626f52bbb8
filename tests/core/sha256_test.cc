// SHA-256 as the manifest and `nianbao verify` read it: FIPS 180-2's test vectors.
#include "core/sha256.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace nianbao {
namespace {

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");  // two blocks
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(HexOf(Sha256Of("abc")), Sha256Hex("abc"));
  Sha256 pieces;
  pieces.Update("ab");
  pieces.Update("c");
  EXPECT_EQ(pieces.Hex(), Sha256Hex("abc"));
}

// Each thread keeps a context of its own: digests made at once on several threads.
TEST(Sha256, ThreadsAtOnce) {
  std::vector<std::thread> threads;
  std::vector<std::string> got(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&got, t] {
      for (int i = 0; i < 200; ++i)
        got[t] = Sha256Hex(std::string(1000 + i, static_cast<char>('a' + t)));
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < 4; ++t) {
    EXPECT_EQ(got[t], Sha256Hex(std::string(1199, static_cast<char>('a' + t))));
  }
}

}  // namespace
}  // namespace nianbao

// SHA-256 by OpenSSL's libcrypto (the manifest of a build and `nianbao verify`).
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>

namespace nianbao {

/// The SHA-256 of `bytes` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

/// The SHA-256 of `bytes` as 32 bytes (to keep many of them), and those as hex digits.
using Sha256Digest = std::array<unsigned char, 32>;
Sha256Digest Sha256Of(std::string_view bytes);
std::string HexOf(const Sha256Digest& digest);

/// SHA-256 of data given in pieces. One thread at a time.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view bytes);
  /// The digest of everything given so far, in hex; the object is spent afterwards.
  std::string Hex();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace nianbao

#include "core/sha256.h"

#include <openssl/evp.h>

namespace nianbao {

namespace {
std::string ToHex(const unsigned char* digest, unsigned int n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * n, '0');
  for (unsigned int i = 0; i < n; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
  return out;
}

// One digest of a whole text. EVP_Digest looks SHA-256 up among the providers and makes
// a context for every call (4,000 instructions, for each of a build's files): here the
// algorithm is fetched once and each thread keeps its context.
void DigestOf(std::string_view bytes, unsigned char* digest) {
  static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  struct Context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
  };
  thread_local Context context;
  unsigned int n = 0;
  if (kSha256 && context.ctx && EVP_DigestInit_ex2(context.ctx, kSha256, nullptr) &&
      EVP_DigestUpdate(context.ctx, bytes.data(), bytes.size()) &&
      EVP_DigestFinal_ex(context.ctx, digest, &n)) {
    return;
  }
  EVP_Digest(bytes.data(), bytes.size(), digest, &n, EVP_sha256(), nullptr);
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[32];
  DigestOf(bytes, digest);
  return ToHex(digest, 32);
}

Sha256Digest Sha256Of(std::string_view bytes) {
  Sha256Digest digest;
  DigestOf(bytes, digest.data());
  return digest;
}

std::string HexOf(const Sha256Digest& digest) {
  return ToHex(digest.data(), static_cast<unsigned int>(digest.size()));
}

struct Sha256::State {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~State() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
  EVP_DigestInit_ex(state_->ctx, EVP_sha256(), nullptr);
}
Sha256::~Sha256() = default;

void Sha256::Update(std::string_view bytes) {
  EVP_DigestUpdate(state_->ctx, bytes.data(), bytes.size());
}

std::string Sha256::Hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(state_->ctx, digest, &n);
  return ToHex(digest, n);
}

}  // namespace nianbao

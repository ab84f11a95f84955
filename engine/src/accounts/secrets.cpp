#include "accounts/secrets.h"

#include <sodium.h>

#include <array>
#include <cstdlib>
#include <mutex>

namespace koop::accounts {
namespace {

void InitSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    // sodium_init fails only when no entropy source exists; nothing can be made safe then.
    if (sodium_init() < 0) std::abort();
  });
}

std::string Hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

}  // namespace

Result<std::string> HashPassword(const std::string& password) {
  InitSodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::Internal("cannot hash the password: out of memory");
  }
  return std::string(out.data());
}

bool VerifyPassword(const std::string& stored, const std::string& password) {
  InitSodium();
  if (stored.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

void VerifyAgainstDummy(const std::string& password) {
  static const std::string dummy = [] {
    Result<std::string> h = HashPassword("koop-dummy-password");
    return h.ok() ? *h : std::string();
  }();
  (void)VerifyPassword(dummy, password);
}

std::string RandomToken() {
  InitSodium();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return Hex(bytes.data(), bytes.size());
}

std::string TokenHash(const std::string& token) {
  InitSodium();
  std::array<unsigned char, 32> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return Hex(hash.data(), hash.size());
}

}  // namespace koop::accounts

#include "app/password.hpp"

#include <sodium.h>

#include <cstdlib>
#include <stdexcept>

namespace chibo::app {
namespace {

void EnsureSodium() {
    static const bool ready = [] { return sodium_init() >= 0; }();
    if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

std::string Hex(const unsigned char* data, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}

}  // namespace

std::string HashPassword(const std::string& password) {
    EnsureSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("out of memory while hashing a password");
    }
    return out;
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
    EnsureSodium();
    if (hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomToken() {
    EnsureSodium();
    unsigned char buf[32];
    randombytes_buf(buf, sizeof buf);
    return Hex(buf, sizeof buf);
}

std::string HashToken(const std::string& token) {
    EnsureSodium();
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
    return Hex(out, sizeof out);
}

}  // namespace chibo::app

#pragma once

#include <string>

namespace chibo::app {

// argon2id via libsodium at its INTERACTIVE limits (about 0.1 s per hash on a small machine).
std::string HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);

// 32 random bytes, hex-encoded: session tokens and CSRF tokens.
std::string RandomToken();
// A one-way hash of a session token, so a leaked database holds no usable session.
std::string HashToken(const std::string& token);

}  // namespace chibo::app

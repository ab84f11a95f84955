// Secrets: the only place that sees libsodium. Argon2id password strings, 256-bit random tokens
// (hex) and the BLAKE2b hash under which tokens are stored, so a copy of the database does not
// hold a usable session.
#pragma once

#include <string>

#include "koop/status.h"

namespace koop::accounts {

// An Argon2id string (crypto_pwhash_str, interactive limits); kInternal when out of memory.
Result<std::string> HashPassword(const std::string& password);
// Whether `password` matches the stored string (false for a malformed string).
bool VerifyPassword(const std::string& stored, const std::string& password);
// Spends the time of one verification, so an unknown login answers as slowly as a known one.
void VerifyAgainstDummy(const std::string& password);

std::string RandomToken();                        // 64 hex digits
std::string TokenHash(const std::string& token);  // BLAKE2b-256, 64 hex digits

}  // namespace koop::accounts

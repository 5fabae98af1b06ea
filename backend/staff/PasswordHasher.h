#pragma once

#include "Result.h"

#include <QString>

namespace tc::backend::staff {

// Staff passwords as Argon2id (RFC 9106) through the reference libargon2 (Debian's
// libargon2-1): OpenSSL 3.0 has no Argon2. The stored form is the PHC string
// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>", which carries its own parameters, so stronger
// parameters can be introduced later and old hashes still verify (needsRehash tells when).
namespace PasswordHasher {

// OWASP's password storage recommendation for Argon2id: 19 MiB, 2 passes, 1 lane.
struct Parameters
{
    quint32 memoryKiB = 19456;
    quint32 iterations = 2;
    quint32 parallelism = 1;
};

inline constexpr int SaltBytes = 16;
inline constexpr int HashBytes = 32;

// A new PHC string with a fresh 16-byte salt from OpenSSL's RAND_bytes. An Error only when
// libargon2 refuses (out of memory).
Result<QString> hash(const QString &password, const Parameters &parameters = {});

// Whether `password` matches the PHC string (argon2id_verify: the comparison takes constant
// time). A malformed string never matches.
bool verify(const QString &encoded, const QString &password);

// True when the string was made with other parameters (or is not an Argon2id string at all):
// the caller re-hashes the password it has just verified.
bool needsRehash(const QString &encoded, const Parameters &parameters = {});

// A valid hash of a random password, made once: sign-in verifies against it when the user name
// is unknown, so an unknown name costs the same time as a wrong password.
const QString &dummyHash();

} // namespace PasswordHasher
} // namespace tc::backend::staff

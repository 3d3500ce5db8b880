// A user's signature of a change they made, so that any workstation of the clinic may push it and the
// server still knows who made it. A shared desk is connected to the server by whoever enrolled it; the
// changes made there by others (a doctor's notes on a desk the front desk enrolled) are authorized as
// their authors, whose synced key (core/crypto/UserKey) verifies the signature. A change that carries no
// signature, or one that does not verify, is authorized as the account that pushes it, so a signature
// can only ever name its true author.
#pragma once

#include "core/crypto/SecretKey.h"
#include "core/sync/SyncChange.h"

#include <string>

namespace practica::core {

// The bytes a signature covers: the change's id, record, operation, stamps and fields (sorted by name,
// each value length-prefixed, a null told from an empty text). The device is left out: the same change
// may be pushed from elsewhere.
std::string changeSigningBytes(const SyncChange& change);

// The Ed25519 signature (base64) of a change by the seed from signingKeyFor.
std::string signChange(const SecretKey& signingKey, const SyncChange& change);

// Whether signature (base64) is the holder of signingPublicKey (base64) signing exactly this change.
bool verifyChange(const std::string& signingPublicKey, const SyncChange& change, const std::string& signature);

} // namespace practica::core

#include "ChangeSignature.h"

#include "core/crypto/UserKey.h"

#include <algorithm>
#include <cstring>
#include <sodium.h>
#include <vector>

namespace practica::core {

namespace {

void appendPart(std::string& out, const std::string& part)
{
    out.append(std::to_string(part.size())).append(":").append(part).append("\n");
}

} // namespace

std::string changeSigningBytes(const SyncChange& change)
{
    std::string out = "practica-change-v1\n";
    appendPart(out, change.id);
    appendPart(out, change.entity);
    appendPart(out, change.rowId);
    out.append(change.deleted ? "delete\n" : "upsert\n");
    appendPart(out, change.hlc);
    if (change.baseHlc)
        appendPart(out, *change.baseHlc);
    else
        out.append("-\n");
    std::vector<const SyncField*> fields;
    fields.reserve(change.fields.size());
    for (const SyncField& f : change.fields)
        fields.push_back(&f);
    std::sort(fields.begin(), fields.end(), [](const SyncField* a, const SyncField* b) { return a->name < b->name; });
    for (const SyncField* f : fields) {
        appendPart(out, f->name);
        if (f->value)
            appendPart(out, *f->value);
        else
            out.append("-\n");
    }
    return out;
}

std::string signChange(const SecretKey& signingKey, const SyncChange& change)
{
    unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
    unsigned char secret[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(publicKey, secret, signingKey.bytes().data());
    const std::string bytes = changeSigningBytes(change);
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                         secret);
    sodium_memzero(secret, sizeof secret);
    return toBase64(signature, sizeof signature);
}

bool verifyChange(const std::string& signingPublicKey, const SyncChange& change, const std::string& signature)
{
    std::vector<unsigned char> publicKey, sig;
    if (!fromBase64(signingPublicKey, publicKey, crypto_sign_PUBLICKEYBYTES) ||
        !fromBase64(signature, sig, crypto_sign_BYTES))
        return false;
    const std::string bytes = changeSigningBytes(change);
    return crypto_sign_verify_detached(sig.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                                       publicKey.data()) == 0;
}

} // namespace practica::core

// One-time passwords against the RFC 6238 and RFC 4226 test vectors, Base32 against RFC 4648, and the
// rules a second factor needs: one step of drift either way, each code good once, recovery codes
// stored only as hashes.
#include "core/crypto/SecretKey.h"
#include "core/crypto/Totp.h"

#include <QTest>

using namespace practica;

namespace {

std::vector<unsigned char> bytes(std::string_view text)
{
    return {text.begin(), text.end()};
}

} // namespace

class tst_Totp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { core::initCrypto(); }

    // RFC 4226 appendix D: the secret "12345678901234567890", counters 0 to 9.
    void hotpVectors()
    {
        const auto secret = bytes("12345678901234567890");
        const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                                  "254676", "287922", "162583", "399871", "520489"};
        for (std::uint64_t counter = 0; counter < 10; ++counter)
            QCOMPARE(core::hotpCode(secret, counter), std::string(expected[counter]));
    }

    // RFC 6238 appendix B, SHA-1 rows (8 digits).
    void totpVectors_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("code");
        QTest::newRow("59") << qint64(59) << "94287082";
        QTest::newRow("1111111109") << qint64(1111111109) << "07081804";
        QTest::newRow("1111111111") << qint64(1111111111) << "14050471";
        QTest::newRow("1234567890") << qint64(1234567890) << "89005924";
        QTest::newRow("2000000000") << qint64(2000000000) << "69279037";
        QTest::newRow("20000000000") << qint64(20000000000) << "65353130";
    }
    void totpVectors()
    {
        QFETCH(qint64, time);
        QFETCH(QString, code);
        QCOMPARE(QString::fromStdString(core::totpCode(bytes("12345678901234567890"), time, 8)), code);
    }

    void verifyAllowsOneStepOfDriftAndEachCodeOnce()
    {
        const auto secret = core::newTotpSecret();
        QCOMPARE(secret.size(), std::size_t(core::kTotpSecretBytes));
        const std::int64_t now = 1'765'000'000;
        const std::int64_t step = core::totpStep(now);
        const std::string code = core::totpCode(secret, now);
        QCOMPARE(core::totpVerify(secret, code, now, 0), std::optional(step));
        // Typed with a space, as apps show it.
        QCOMPARE(core::totpVerify(secret, code.substr(0, 3) + " " + code.substr(3), now, 0), std::optional(step));
        // The previous and next steps pass; two steps away does not.
        QVERIFY(core::totpVerify(secret, core::totpCode(secret, now - 30), now, 0));
        QVERIFY(core::totpVerify(secret, core::totpCode(secret, now + 30), now, 0));
        QVERIFY(!core::totpVerify(secret, core::totpCode(secret, now - 60), now, 0));
        QVERIFY(!core::totpVerify(secret, core::totpCode(secret, now + 60), now, 0));
        // Replay: the step already used, or an earlier one, is refused.
        QVERIFY(!core::totpVerify(secret, code, now, step));
        QVERIFY(!core::totpVerify(secret, core::totpCode(secret, now - 30), now, step));
        // Not six digits.
        QVERIFY(!core::totpVerify(secret, "12345", now, 0));
        QVERIFY(!core::totpVerify(secret, "12a456", now, 0));
        QVERIFY(!core::totpVerify(secret, "", now, 0));
    }

    // RFC 4648 section 10, and what authenticator apps are given.
    void base32()
    {
        const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                               {"f", "MY"},
                                                               {"fo", "MZXQ"},
                                                               {"foo", "MZXW6"},
                                                               {"foob", "MZXW6YQ"},
                                                               {"fooba", "MZXW6YTB"},
                                                               {"foobar", "MZXW6YTBOI"}};
        for (auto [plain, encoded] : vectors) {
            QCOMPARE(core::base32Encode(bytes(plain)), std::string(encoded));
            QCOMPARE(core::base32Decode(encoded), std::optional(bytes(plain)));
        }
        QCOMPARE(core::base32Decode("mzxw 6ytb oi"), std::optional(bytes("foobar")));
        QVERIFY(!core::base32Decode("MZXW1"));
        const auto secret = core::newTotpSecret();
        QCOMPARE(core::base32Decode(core::base32Encode(secret)), std::optional(secret));
        QCOMPARE(core::otpauthUri("Riverside Clinic", "ada", bytes("12345678901234567890")),
                 std::string("otpauth://totp/Riverside%20Clinic:ada?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                             "&issuer=Riverside%20Clinic&algorithm=SHA1&digits=6&period=30"));
    }

    void recoveryCodesAreStoredHashedAndMatchOnce()
    {
        const auto codes = core::newRecoveryCodes();
        QCOMPARE(codes.size(), std::size_t(10));
        std::vector<std::string> hashes;
        for (const auto& c : codes) {
            QCOMPARE(c.size(), std::size_t(11));
            QCOMPARE(c[5], '-');
            hashes.push_back(core::recoveryCodeHash(c));
            QVERIFY(!hashes.back().empty());
            QVERIFY(hashes.back().find(c) == std::string::npos);
        }
        // Typed in capitals without the dash, it still matches, and only its own hash.
        std::string typed = codes[3];
        typed.erase(5, 1);
        for (char& ch : typed)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        QCOMPARE(core::matchRecoveryCode(typed, hashes), std::optional<std::size_t>(3));
        hashes.erase(hashes.begin() + 3); // used: its hash goes
        QVERIFY(!core::matchRecoveryCode(codes[3], hashes));
        QVERIFY(!core::matchRecoveryCode("aaaaa-aaaaa", hashes));
        QVERIFY(!core::matchRecoveryCode("short", hashes));
    }
};

QTEST_GUILESS_MAIN(tst_Totp)
#include "tst_totp.moc"

// Shared test helpers: temporary clinics with a cheap key derivation, a manual clock, process helpers.
#pragma once

#include "core/auth/Session.h"
#include "core/auth/Vault.h"
#include "core/util/Clock.h"
#include "words/ErrorWords.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <string>

namespace practica::test {

constexpr const char* kAdminPassword = "admin-password-1";

core::Clinic sampleClinic();

// A temporary folder holding one test clinic; the folder goes away with the object.
class TempClinic
{
public:
    explicit TempClinic(core::KdfCost cost = core::KdfCost::minimal());
    std::string path() const { return m_path; }
    std::string dir() const;
    core::ManualClock& clock() { return m_clock; }
    core::Session& admin() { return *m_admin; }
    // Adds a user with the role and returns their own session.
    std::unique_ptr<core::Session> addAndLogin(const std::string& username, core::Role role,
                                               const std::string& password = "user-password-1");
    std::unique_ptr<core::Session> login(const std::string& username, const std::string& password);
    void closeAdmin() { m_admin.reset(); }

private:
    QTemporaryDir m_dir;
    std::string m_path;
    core::ManualClock m_clock{1'763'700'000'000}; // 2025-11-21
    core::KdfCost m_cost;
    std::unique_ptr<core::Session> m_admin;
};

// The value of a call that must succeed for the test to go on; a failure ends the run, saying what failed
// and why in words.
template <class T> T must(core::Result<T> r, const char* what)
{
    if (!r)
        qFatal("%s failed: %s", what, words::errorSentence(r.error()).c_str());
    return std::move(*r);
}

inline void must(const core::Status& s, const char* what)
{
    if (!s)
        qFatal("%s failed: %s", what, words::errorSentence(s.error()).c_str());
}

// The error of a call that must have failed. A success fails the test (reading error() of a success is
// undefined behaviour) and yields an Internal error, so the comparison that follows fails too.
template <class T> core::Error failureOf(const core::Result<T>& result)
{
    if (result) {
        QTest::qFail("the call succeeded where it should have failed", __FILE__, __LINE__);
        return core::Error::make(core::ErrorCode::Internal, "", "succeeded");
    }
    return result.error();
}

// Path of a built executable (practica-cli, helpers) from PRACTICA_BIN_DIR.
QString binaryPath(const QString& name);

// A TCP port on 127.0.0.1 nobody listens on right now. Another process may take it before a server binds
// it, so a server started on it is tried again with a new port when it fails to start.
int freeLoopbackPort();

} // namespace practica::test

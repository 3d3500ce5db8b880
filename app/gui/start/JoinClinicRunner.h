// A new workstation joining a clinic on its sync server: the user is verified online, the local database is
// created with their key slot, and the clinic is downloaded, all on a worker thread behind a progress dialog with
// Cancel. Cancelling (or losing the network) keeps what has arrived: each page is committed with its cursor, so
// the database is usable and the next sync continues from there.
#pragma once

#include "core/auth/Session.h"
#include "core/crypto/KeyFile.h"

#include <QCoreApplication>
#include <memory>
#include <optional>
#include <string>

class QWidget;

namespace practica::app {

class JoinClinicRunner
{
    Q_DECLARE_TR_FUNCTIONS(JoinClinicRunner)

public:
    struct Request
    {
        std::string databasePath;
        std::string serverUrl;
        std::string caFile;
        std::string clinicId;
        std::string username;
        std::string password;
        std::string deviceName;
        std::string secondFactor; // the authenticator app's code, when the user set up two-step sign-in
        core::KdfCost cost = core::KdfCost::standard();
    };

    struct Outcome
    {
        std::unique_ptr<core::Session> session; // set once the workstation has joined, even if the download stopped
        bool complete = false;                  // the first sync finished
        bool cancelled = false;
        std::optional<core::Error> error;
        std::int64_t received = 0; // how far the download got, in the server's change numbers
        std::int64_t total = 0;
    };

    // Joins and downloads; with `joined` (a workstation that joined before) only downloads the rest.
    static Outcome run(QWidget* parent, const Request& request, std::unique_ptr<core::Session> joined,
                       const core::Clock& clock);
};

} // namespace practica::app

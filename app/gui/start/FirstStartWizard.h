// First start on a machine with no database: create a clinic and its administrator, join a clinic that lives on a
// sync server, or open a demo clinic.
#pragma once

#include "JoinClinicRunner.h"
#include "core/auth/Session.h"
#include "core/auth/Vault.h"
#include "core/demo/DemoClinic.h"

#include <QWizard>
#include <memory>
#include <vector>

namespace practica::app {

class Workspace;

class FirstStartWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        WelcomePage,
        ClinicPage,
        AdminPage,
        DemoPage,
        JoinPage
    };

    explicit FirstStartWizard(Workspace& workspace, QWidget* parent = nullptr);
    ~FirstStartWizard() override;

    std::unique_ptr<core::Session> takeSession() { return std::move(m_session); }
    // Non-empty when the user chose the demo clinic.
    const std::vector<core::DemoLogin>& demoLogins() const { return m_demoLogins; }

    // Called by the pages when they finish their part.
    bool createDemo(QString* error);
    bool createClinic(const core::Clinic& clinic, const core::FirstAdmin& admin, core::Error* error);
    // Joins the clinic on its sync server and downloads it (or the rest of it, after a stop). True when the
    // download is complete; otherwise message says why, and hasJoined() whether the database exists already.
    bool joinClinic(JoinClinicRunner::Request request, QString* message);
    bool hasJoined() const { return m_joined; }
    bool joinWasCancelled() const { return m_joinCancelled; }
    Workspace& workspace() { return m_workspace; }

private:
    bool prepareFolder(QString* error);
    Workspace& m_workspace;
    std::unique_ptr<core::Session> m_session;
    std::vector<core::DemoLogin> m_demoLogins;
    bool m_joined = false;
    bool m_joinCancelled = false;
};

} // namespace practica::app

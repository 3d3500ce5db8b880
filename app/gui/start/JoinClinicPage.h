// The first-start wizard's page for a new workstation in a clinic that already syncs: the server, the clinic's ID
// and the user's own sign-in; Finish joins and downloads the clinic. When the download stops part-way, the page
// says how far it got and offers to continue.
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace practica::app {

class FirstStartWizard;

class JoinClinicPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit JoinClinicPage(FirstStartWizard& wizard);

    void initializePage() override;
    int nextId() const override { return -1; }
    bool validatePage() override;

private:
    void chooseCaFile();
    // After a join whose download stopped: the sign-in is done, only "Continue download" is left.
    void showJoined(const QString& message, bool error);

    FirstStartWizard& m_wizard;
    QLineEdit* m_url;
    QLineEdit* m_clinicId;
    QLineEdit* m_caFile;
    QPushButton* m_browse;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QLineEdit* m_code; // the authenticator app's code, for users who set up two-step sign-in
    QLineEdit* m_deviceName;
    QLabel* m_error;
    QLabel* m_info;
};

} // namespace practica::app

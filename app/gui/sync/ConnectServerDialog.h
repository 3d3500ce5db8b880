// "Connect to sync server…": an administrator gives the server's address (and the clinic's certificate file when
// the server uses its own), confirms their password, and the workstation enrols on the sync worker's thread.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace practica::app {

class Workspace;

class ConnectServerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectServerDialog(Workspace& workspace, QWidget* parent = nullptr);

private:
    void connectNow();
    void finished(const QString& error);
    void chooseCaFile();
    void setBusy(bool busy);
    void reject() override;

    Workspace& m_workspace;
    QLineEdit* m_url;
    QLineEdit* m_caFile;
    QLineEdit* m_deviceName;
    QLineEdit* m_password;
    QLineEdit* m_code = nullptr;
    QLabel* m_message;
    QLabel* m_working;
    QPushButton* m_connect;
    QPushButton* m_browse;
    bool m_busy = false;
};

} // namespace practica::app

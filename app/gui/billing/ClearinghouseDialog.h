// The clinic's clearinghouse settings, for a biller: who the clinic is to the clearinghouse (submitter and
// receiver ids, test or production), how claims reach it (CAQH CORE over HTTPS, files on its SFTP server,
// or files by hand) with that way's address, user and, for SFTP, the folders and the server's host key,
// and this workstation's own SFTP key file (kept on this workstation only). Saved through ClaimBatchStore;
// what is wrong is said under the form, and the field is focused.
#pragma once

#include "core/model/Billing.h"

#include <QDialog>
#include <optional>
#include <string>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace practica::core {
class Session;
}

namespace practica::app {

class ClearinghouseDialog : public QDialog
{
    Q_OBJECT

public:
    ClearinghouseDialog(core::Session& session, QWidget* parent = nullptr);

    void accept() override;

private:
    void showTransport();
    QLineEdit* edit(const char* name, const std::optional<std::string>& value, const QString& placeholder = {});
    QWidget* fieldWidget(const std::string& field) const;

    core::Session& m_session;
    core::Clearinghouse m_settings;
    QLineEdit* m_name;
    QLineEdit* m_submitter;
    QComboBox* m_senderQualifier;
    QLineEdit* m_receiver;
    QComboBox* m_receiverQualifier;
    QCheckBox* m_production;
    QLineEdit* m_contactName;
    QLineEdit* m_contactPhone;
    QSpinBox* m_timelyFiling;
    QComboBox* m_transport;
    QLineEdit* m_endpoint;
    QLineEdit* m_username;
    QLineEdit* m_uploadDir;
    QLineEdit* m_downloadDir;
    QLineEdit* m_hostKey;
    QLineEdit* m_keyFile;
    QFormLayout* m_how;
    QLabel* m_error;
};

} // namespace practica::app

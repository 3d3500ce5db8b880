#include "ClearinghouseDialog.h"

#include "app/gui/common/UiText.h"
#include "core/billing/ClaimBatchStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace practica::app {

namespace {

std::optional<std::string> optional(const QLineEdit* edit)
{
    const QString text = edit->text().trimmed();
    return text.isEmpty() ? std::optional<std::string>() : std::optional<std::string>(text.toStdString());
}

QComboBox* qualifiers(const std::string& current)
{
    auto* box = new QComboBox;
    for (const char* q : {"ZZ", "01", "14", "20", "27", "28", "29", "30", "33"})
        box->addItem(QString::fromLatin1(q));
    box->setCurrentText(qs(current));
    return box;
}

} // namespace

QLineEdit* ClearinghouseDialog::edit(const char* name, const std::optional<std::string>& value,
                                     const QString& placeholder)
{
    auto* e = new QLineEdit(qs(value.value_or("")));
    e->setObjectName(QString::fromLatin1(name));
    e->setPlaceholderText(placeholder);
    e->setMinimumWidth(360);
    return e;
}

ClearinghouseDialog::ClearinghouseDialog(core::Session& session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("clearinghouseDialog"));
    setWindowTitle(tr("Clearinghouse settings"));
    core::ClaimBatchStore store(session);
    if (auto current = store.clearinghouse())
        m_settings = *current;
    std::optional<std::string> keyFile;
    if (auto kept = store.keyFile())
        keyFile = *kept;

    m_name = edit("clearinghouseName", m_settings.name);
    m_submitter = edit("clearinghouseSubmitter", m_settings.submitterId, tr("the clinic's id at the clearinghouse"));
    m_senderQualifier = qualifiers(m_settings.senderQualifier);
    m_receiver = edit("clearinghouseReceiver", m_settings.receiverId, tr("the clearinghouse's own id"));
    m_receiverQualifier = qualifiers(m_settings.receiverQualifier);
    m_production = new QCheckBox(tr("Production: the claims are real (off: test files the payers do not pay)"));
    m_production->setObjectName(QStringLiteral("clearinghouseProduction"));
    m_production->setChecked(m_settings.production);
    m_contactName = edit("clearinghouseContactName", m_settings.contactName, tr("who the clearinghouse calls"));
    m_contactPhone = edit("clearinghouseContactPhone", m_settings.contactPhone);
    m_timelyFiling = new QSpinBox;
    m_timelyFiling->setObjectName(QStringLiteral("clearinghouseTimelyFiling"));
    m_timelyFiling->setRange(30, 3650);
    m_timelyFiling->setSuffix(tr(" days"));
    m_timelyFiling->setValue(m_settings.timelyFilingDays);

    m_transport = new QComboBox;
    m_transport->setObjectName(QStringLiteral("clearinghouseTransport"));
    m_transport->addItem(tr("CAQH CORE over HTTPS"), QStringLiteral("caqh"));
    m_transport->addItem(tr("SFTP: files on the clearinghouse's server"), QStringLiteral("sftp"));
    m_transport->addItem(tr("Files by hand (Export 837 file)"), QStringLiteral("file"));
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(qs(m_settings.transport))));
    m_endpoint = edit("clearinghouseEndpoint", m_settings.endpoint);
    m_username = edit("clearinghouseUsername", m_settings.username);
    m_uploadDir = edit("clearinghouseUploadDir", m_settings.uploadDir, tr("where claims are put, e.g. /inbound"));
    m_downloadDir =
        edit("clearinghouseDownloadDir", m_settings.downloadDir, tr("where the answers wait, e.g. /outbound"));
    m_hostKey = edit("clearinghouseHostKey", m_settings.hostKey, QStringLiteral("SHA256:…"));
    m_keyFile = edit("clearinghouseKeyFile", keyFile, tr("none: sign in with the password"));
    auto* browse = new QPushButton(tr("Choose…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("This workstation's SFTP private key"));
        if (!path.isEmpty())
            m_keyFile->setText(path);
    });
    auto* keyRow = new QHBoxLayout;
    keyRow->setContentsMargins(0, 0, 0, 0);
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(browse);

    auto* who = new QGroupBox(tr("The clinic at the clearinghouse"));
    auto* whoForm = new QFormLayout(who);
    whoForm->addRow(tr("Clearinghouse"), m_name);
    auto* submitterRow = new QHBoxLayout;
    submitterRow->addWidget(m_senderQualifier);
    submitterRow->addWidget(m_submitter, 1);
    whoForm->addRow(tr("Submitter id"), submitterRow);
    auto* receiverRow = new QHBoxLayout;
    receiverRow->addWidget(m_receiverQualifier);
    receiverRow->addWidget(m_receiver, 1);
    whoForm->addRow(tr("Receiver id"), receiverRow);
    whoForm->addRow(QString(), m_production);
    whoForm->addRow(tr("Billing contact"), m_contactName);
    whoForm->addRow(tr("Contact phone"), m_contactPhone);
    whoForm->addRow(tr("Timely filing"), m_timelyFiling);

    auto* how = new QGroupBox(tr("How claims reach it"));
    m_how = new QFormLayout(how);
    m_how->addRow(tr("Send by"), m_transport);
    m_how->addRow(tr("Address"), m_endpoint);
    m_how->addRow(tr("User name"), m_username);
    m_how->addRow(tr("Upload folder"), m_uploadDir);
    m_how->addRow(tr("Download folder"), m_downloadDir);
    m_how->addRow(tr("Host key"), m_hostKey);
    auto* hostKeyHint = new QLabel(tr("The fingerprint the clearinghouse gives you for its server.\nPractica sends "
                                      "nothing to a server that shows another key."));
    hostKeyHint->setProperty("role", QStringLiteral("subtle"));
    m_how->addRow(QString(), hostKeyHint);
    m_how->addRow(tr("This workstation's key"), keyRow);
    connect(m_transport, &QComboBox::currentIndexChanged, this, &ClearinghouseDialog::showTransport);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("clearinghouseError"));
    m_error->setProperty("role", QStringLiteral("banner"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ClearinghouseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(who);
    layout->addWidget(how);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    showTransport();
}

void ClearinghouseDialog::showTransport()
{
    const QString transport = m_transport->currentData().toString();
    const bool sftp = transport == QLatin1String("sftp");
    m_how->setRowVisible(1, transport != QLatin1String("file"));
    m_how->setRowVisible(2, transport != QLatin1String("file"));
    for (int row = 3; row < m_how->rowCount(); ++row)
        m_how->setRowVisible(row, sftp);
    m_endpoint->setPlaceholderText(transport == QLatin1String("sftp")
                                       ? QStringLiteral("sftp://sftp.clearinghouse.example:22")
                                       : QStringLiteral("https://api.clearinghouse.example/core"));
    adjustSize();
}

QWidget* ClearinghouseDialog::fieldWidget(const std::string& field) const
{
    const std::map<std::string, QWidget*> widgets = {{"name", m_name},
                                                     {"submitter_id", m_submitter},
                                                     {"receiver_id", m_receiver},
                                                     {"contact_name", m_contactName},
                                                     {"contact_phone", m_contactPhone},
                                                     {"endpoint", m_endpoint},
                                                     {"username", m_username},
                                                     {"upload_dir", m_uploadDir},
                                                     {"download_dir", m_downloadDir},
                                                     {"host_key", m_hostKey},
                                                     {"key_file", m_keyFile}};
    auto it = widgets.find(field);
    return it == widgets.end() ? nullptr : it->second;
}

void ClearinghouseDialog::accept()
{
    core::Clearinghouse c = m_settings;
    c.name = m_name->text().trimmed().toStdString();
    c.submitterId = m_submitter->text().trimmed().toStdString();
    c.senderQualifier = m_senderQualifier->currentText().toStdString();
    c.receiverId = m_receiver->text().trimmed().toStdString();
    c.receiverQualifier = m_receiverQualifier->currentText().toStdString();
    c.production = m_production->isChecked();
    c.contactName = m_contactName->text().trimmed().toStdString();
    c.contactPhone = m_contactPhone->text().trimmed().toStdString();
    c.timelyFilingDays = m_timelyFiling->value();
    c.transport = m_transport->currentData().toString().toStdString();
    c.endpoint = optional(m_endpoint);
    c.username = optional(m_username);
    c.uploadDir = optional(m_uploadDir);
    c.downloadDir = optional(m_downloadDir);
    c.hostKey = optional(m_hostKey);
    auto fail = [this](const core::Error& e) {
        m_error->setText(UiText::error(e));
        m_error->show();
        if (QWidget* w = fieldWidget(e.field))
            w->setFocus();
    };
    const std::optional<std::string> keyFile = optional(m_keyFile);
    if (keyFile && !QFileInfo(qs(*keyFile)).isFile()) {
        m_error->setText(tr("There is no key file at %1.").arg(qs(*keyFile)));
        m_error->show();
        m_keyFile->setFocus();
        return;
    }
    core::ClaimBatchStore store(m_session);
    auto saved = store.saveClearinghouse(c);
    if (!saved)
        return fail(saved.error());
    if (auto kept = store.setKeyFile(keyFile); !kept)
        return fail(kept.error());
    QDialog::accept();
}

} // namespace practica::app

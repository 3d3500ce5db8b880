#include "ConnectServerDialog.h"

#include "SyncController.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QUrl>
#include <QVBoxLayout>

namespace practica::app {

ConnectServerDialog::ConnectServerDialog(Workspace& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("connectServerDialog"));
    setWindowTitle(tr("Connect to sync server"));
    setMinimumWidth(620);

    auto* intro = new QLabel(
        tr("Connect this workstation to the clinic's sync server so that its records are shared with the other "
           "workstations. Your password is checked by the server; an administrator may have to approve this "
           "workstation there before it syncs."));
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("subtle"));

    m_url = FormRows::lineEdit(QStringLiteral("connectServerUrl"), tr("e.g. https://sync.example-clinic.org:8443"));
    m_caFile = FormRows::lineEdit(QStringLiteral("connectCaFile"), tr("only for a server with its own certificate"));
    m_browse = new QPushButton(tr("&Browse…"));
    m_browse->setObjectName(QStringLiteral("connectCaBrowseButton"));
    connect(m_browse, &QPushButton::clicked, this, &ConnectServerDialog::chooseCaFile);
    auto* caRow = new QHBoxLayout;
    caRow->setContentsMargins(0, 0, 0, 0);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    auto* caWidget = new QWidget;
    caWidget->setLayout(caRow);
    m_deviceName = FormRows::lineEdit(QStringLiteral("connectDeviceName"));
    m_deviceName->setText(QSysInfo::machineHostName());
    m_password = FormRows::lineEdit(QStringLiteral("connectPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    const core::Actor& actor = workspace.actor();
    auto* who = new QLabel(tr("%1 (%2)").arg(qs(actor.displayName), qs(actor.username)));

    auto* form = FormRows::newFormLayout();
    FormRows rows(form, nullptr);
    rows.add(tr("&Server address"), m_url);
    rows.add(tr("&Certificate file"), caWidget);
    rows.add(tr("&This computer's name"), m_deviceName);
    rows.add(tr("Signed in as"), who);
    rows.add(tr("Your &password"), m_password);
    m_code =
        FormRows::lineEdit(QStringLiteral("connectCode"), tr("Only if you use two-step sign-in: the 6-digit code"));
    m_code->setMaxLength(6);
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    rows.add(tr("Authenticator &code"), m_code);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("connectError"));
    m_message->setProperty("role", QStringLiteral("banner"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_working = new QLabel(tr("Connecting to the sync server…"));
    m_working->setObjectName(QStringLiteral("connectWorking"));
    m_working->setProperty("role", QStringLiteral("subtle"));
    m_working->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setProperty("role", QStringLiteral("primary"));
    m_connect->setDefault(true);
    connect(m_connect, &QPushButton::clicked, this, &ConnectServerDialog::connectNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectServerDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 14);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_working);
    layout->addWidget(buttons);

    connect(&workspace.sync(), &SyncController::enrollFinished, this, &ConnectServerDialog::finished);
    m_url->setFocus();
}

void ConnectServerDialog::chooseCaFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("The clinic's certificate file"), m_caFile->text(),
                                                      tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        m_caFile->setText(path);
}

void ConnectServerDialog::connectNow()
{
    const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    QString problem;
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        problem = tr("Enter the server's address, such as https://sync.example-clinic.org:8443.");
    else if (m_password->text().isEmpty())
        problem = tr("Enter your password.");
    else if (m_deviceName->text().trimmed().isEmpty())
        problem = tr("Give this computer a name, such as Front desk 1.");
    if (!problem.isEmpty()) {
        m_message->setText(problem);
        m_message->show();
        return;
    }
    m_message->hide();
    setBusy(true);
    m_workspace.sync().connectToServer(m_url->text().trimmed(), m_caFile->text().trimmed(), m_password->text(),
                                       m_deviceName->text().trimmed(), m_code->text().trimmed());
}

void ConnectServerDialog::finished(const QString& error)
{
    if (!m_busy)
        return;
    setBusy(false);
    if (error.isEmpty()) {
        m_password->clear();
        m_code->clear();
        accept();
        return;
    }
    m_message->setText(error);
    m_message->show();
    m_password->setFocus();
    m_password->selectAll();
}

void ConnectServerDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget* w : std::initializer_list<QWidget*>{m_url, m_caFile, m_browse, m_deviceName, m_password, m_connect})
        w->setEnabled(!busy);
    m_working->setVisible(busy);
}

void ConnectServerDialog::reject()
{
    if (m_busy) {
        // Stop the request in flight; the answer (cancelled) closes the dialog.
        m_workspace.sync().cancel();
        m_busy = false;
    }
    m_password->clear();
    m_code->clear();
    QDialog::reject();
}

} // namespace practica::app

#include "JoinClinicPage.h"

#include "FirstStartWizard.h"
#include "JoinClinicRunner.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QUrl>
#include <QVBoxLayout>

namespace practica::app {

namespace {

QLabel* banner(const QString& objectName, const char* role)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setProperty("role", QString::fromLatin1(role));
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

JoinClinicPage::JoinClinicPage(FirstStartWizard& wizard) : m_wizard(wizard)
{
    setObjectName(QStringLiteral("joinPage"));
    setTitle(FirstStartWizard::tr("Join a clinic"));
    setSubTitle(FirstStartWizard::tr("This computer becomes another workstation of a clinic that already syncs "
                                     "with a Practica server. The server checks your sign-in, then sends the "
                                     "clinic's records."));
    m_url = FormRows::lineEdit(QStringLiteral("joinServerUrl"),
                               FirstStartWizard::tr("e.g. https://sync.example-clinic.org:8443"));
    m_clinicId = FormRows::lineEdit(QStringLiteral("joinClinicId"), FirstStartWizard::tr("from your administrator"));
    m_caFile = FormRows::lineEdit(QStringLiteral("joinCaFile"),
                                  FirstStartWizard::tr("only for a server with its own certificate"));
    m_browse = new QPushButton(FirstStartWizard::tr("&Browse…"));
    m_browse->setObjectName(QStringLiteral("joinCaBrowseButton"));
    connect(m_browse, &QPushButton::clicked, this, &JoinClinicPage::chooseCaFile);
    auto* caRow = new QHBoxLayout;
    caRow->setContentsMargins(0, 0, 0, 0);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    auto* caWidget = new QWidget;
    caWidget->setLayout(caRow);
    m_username = FormRows::lineEdit(QStringLiteral("joinUsername"), FirstStartWizard::tr("e.g. jsmith"));
    m_password = FormRows::lineEdit(QStringLiteral("joinPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_code = FormRows::lineEdit(QStringLiteral("joinCode"),
                                FirstStartWizard::tr("Only if you use two-step sign-in: the 6-digit code"));
    m_code->setMaxLength(6);
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    m_deviceName = FormRows::lineEdit(QStringLiteral("joinDeviceName"), FirstStartWizard::tr("e.g. Front desk 2"));
    m_deviceName->setText(QSysInfo::machineHostName());

    auto* serverBox = new QGroupBox(FirstStartWizard::tr("Sync server"));
    FormRows serverRows(FormRows::newFormLayout(serverBox), nullptr);
    serverRows.add(FirstStartWizard::tr("&Server address"), m_url);
    serverRows.add(FirstStartWizard::tr("&Clinic ID"), m_clinicId);
    serverRows.add(FirstStartWizard::tr("C&ertificate file"), caWidget);
    auto* userBox = new QGroupBox(FirstStartWizard::tr("Your sign-in"));
    FormRows userRows(FormRows::newFormLayout(userBox), nullptr);
    userRows.add(FirstStartWizard::tr("&User name"), m_username);
    userRows.add(FirstStartWizard::tr("&Password"), m_password);
    userRows.add(FirstStartWizard::tr("Authenticator &code"), m_code);
    userRows.add(FirstStartWizard::tr("&This computer's name"), m_deviceName);
    auto* offline = new QLabel(FirstStartWizard::tr("After this first sign-in you can sign in on this computer "
                                                    "without the network."));
    offline->setProperty("role", QStringLiteral("subtle"));
    offline->setWordWrap(true);
    m_error = banner(QStringLiteral("joinError"), "banner");
    m_info = banner(QStringLiteral("joinInfo"), "info");

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(serverBox);
    layout->addWidget(userBox);
    layout->addWidget(offline);
    layout->addWidget(m_error);
    layout->addWidget(m_info);
    layout->addStretch();
}

void JoinClinicPage::initializePage()
{
    setButtonText(QWizard::FinishButton, FirstStartWizard::tr("&Join and download"));
    m_url->setFocus();
}

void JoinClinicPage::chooseCaFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, FirstStartWizard::tr("The clinic's certificate file"), m_caFile->text(),
                                     FirstStartWizard::tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        m_caFile->setText(path);
}

bool JoinClinicPage::validatePage()
{
    m_error->hide();
    m_info->hide();
    if (!m_wizard.hasJoined()) {
        const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
        QString problem;
        QLineEdit* at = nullptr;
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            std::tie(problem, at) = std::pair(
                FirstStartWizard::tr("Enter the server's address, such as https://sync.example-clinic.org:8443."),
                m_url);
        else if (m_clinicId->text().trimmed().isEmpty())
            std::tie(problem, at) =
                std::pair(FirstStartWizard::tr("Enter the clinic ID your administrator gave you."), m_clinicId);
        else if (m_username->text().trimmed().isEmpty())
            std::tie(problem, at) = std::pair(FirstStartWizard::tr("Enter your user name."), m_username);
        else if (m_password->text().isEmpty())
            std::tie(problem, at) = std::pair(FirstStartWizard::tr("Enter your password."), m_password);
        else if (m_deviceName->text().trimmed().isEmpty())
            std::tie(problem, at) =
                std::pair(FirstStartWizard::tr("Give this computer a name, such as Front desk 2."), m_deviceName);
        if (at) {
            m_error->setText(problem);
            m_error->show();
            at->setFocus();
            return false;
        }
    }
    JoinClinicRunner::Request request;
    request.serverUrl = m_url->text().trimmed().toStdString();
    request.clinicId = m_clinicId->text().trimmed().toStdString();
    request.caFile = m_caFile->text().trimmed().toStdString();
    request.username = m_username->text().trimmed().toLower().toStdString();
    request.password = m_password->text().toStdString();
    request.deviceName = m_deviceName->text().trimmed().toStdString();
    request.secondFactor = m_code->text().trimmed().toStdString();
    QString message;
    const bool done = m_wizard.joinClinic(request, &message);
    if (done) {
        m_password->clear();
        m_code->clear();
        return true;
    }
    if (m_wizard.hasJoined())
        showJoined(message, !message.isEmpty() && !m_wizard.joinWasCancelled());
    else {
        m_error->setText(message);
        m_error->setVisible(!message.isEmpty());
        m_password->setFocus();
        m_password->selectAll();
    }
    return false;
}

void JoinClinicPage::showJoined(const QString& message, bool error)
{
    for (QWidget* w : std::initializer_list<QWidget*>{m_url, m_clinicId, m_caFile, m_browse, m_username, m_password,
                                                      m_code, m_deviceName})
        w->setEnabled(false);
    m_password->clear();
    m_code->clear();
    QLabel* shown = error ? m_error : m_info;
    shown->setText(message);
    shown->show();
    setButtonText(QWizard::FinishButton, FirstStartWizard::tr("&Continue download"));
}

} // namespace practica::app

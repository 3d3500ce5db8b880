#include "LoginDialog.h"

#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "app/gui/start/SignInTask.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace practica::app {

LoginDialog::LoginDialog(Workspace& workspace, QWidget* parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in — Practica"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/practica.svg")));

    auto* logo = new QLabel;
    logo->setPixmap(QIcon(QStringLiteral(":/icons/practica.svg")).pixmap(QSize(48, 48)));
    auto* title = new QLabel(tr("Sign in to Practica"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    auto* where = new QLabel(tr("Clinic database: %1").arg(QFileInfo(workspace.config().databasePath).fileName()));
    where->setProperty("role", QStringLiteral("subtle"));
    where->setToolTip(workspace.config().databasePath);
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(title);
    titles->addWidget(where);
    auto* header = new QHBoxLayout;
    header->setSpacing(12);
    header->addWidget(logo);
    header->addLayout(titles, 1);

    m_username = FormRows::lineEdit(QStringLiteral("loginUsername"), tr("e.g. jsmith"));
    m_password = FormRows::lineEdit(QStringLiteral("loginPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    auto* form = FormRows::newFormLayout();
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* userLabel = new QLabel(tr("&User name"));
    userLabel->setBuddy(m_username);
    auto* passwordLabel = new QLabel(tr("&Password"));
    passwordLabel->setBuddy(m_password);
    form->addRow(userLabel, m_username);
    form->addRow(passwordLabel, m_password);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setProperty("role", QStringLiteral("banner"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_busy = signInBusyIndicator(QStringLiteral("loginBusy"), tr("Signing in…"));
    m_task = new SignInTask(this);
    connect(m_task, &SignInTask::finished, this, &LoginDialog::signInFinished);

    auto* buttons = new QDialogButtonBox;
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("loginButton"));
    m_signIn->setDefault(true);
    m_signIn->setProperty("role", QStringLiteral("primary"));
    m_quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    m_quit->setObjectName(QStringLiteral("loginQuitButton"));
    m_quit->setAutoDefault(false);
    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(m_quit, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(14);
    layout->addLayout(header);
    layout->addLayout(form);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    m_username->setFocus();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setUsername(const QString& username)
{
    m_username->setText(username);
    if (!username.isEmpty())
        m_password->setFocus();
}

void LoginDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    adjustSize();
}

void LoginDialog::signIn()
{
    const std::string username = ss(m_username->text().toLower());
    if (username.empty()) {
        showError(tr("Enter your user name."));
        m_username->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        showError(tr("Enter your password."));
        m_password->setFocus();
        return;
    }
    if (m_task->running())
        return;
    showError({});
    setBusy(true);
    m_task->start(m_workspace.databasePath(), username, m_password->text(), m_workspace.clock());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    for (QWidget* w : std::initializer_list<QWidget*>{m_username, m_password, m_signIn, m_quit})
        w->setEnabled(!busy);
}

void LoginDialog::reject()
{
    if (!m_task->running())
        QDialog::reject();
}

void LoginDialog::signInFinished()
{
    setBusy(false);
    auto session = m_task->take();
    if (!session) {
        showError(UiText::error(session.error()));
        wipePasswordField(m_password);
        m_password->setFocus();
        return;
    }
    wipePasswordField(m_password);
    showError({});
    m_session = std::move(*session);
    accept();
}

} // namespace practica::app

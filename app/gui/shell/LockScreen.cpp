#include "LockScreen.h"

#include "Workspace.h"
#include "app/gui/common/UiText.h"
#include "app/gui/start/SecondFactorDialog.h"
#include "app/gui/start/SignInTask.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace practica::app {

LockScreen::LockScreen(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("lockScreen"));
    auto* card = new QWidget;
    card->setObjectName(QStringLiteral("lockCard"));
    card->setFixedWidth(420);

    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/lock.svg")).pixmap(QSize(48, 48)));
    icon->setAlignment(Qt::AlignCenter);
    auto* title = new QLabel(tr("Practica is locked"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    title->setAlignment(Qt::AlignCenter);
    m_who = new QLabel;
    m_who->setObjectName(QStringLiteral("lockUserLabel"));
    m_who->setAlignment(Qt::AlignCenter);
    m_who->setWordWrap(true);
    m_who->setProperty("role", QStringLiteral("subtle"));

    m_reason = new QLabel(tr("The clinic's users changed on another workstation (someone was deactivated or given "
                             "another role), so Practica locked. Sign in again to continue."));
    m_reason->setObjectName(QStringLiteral("lockReason"));
    m_reason->setProperty("role", QStringLiteral("banner"));
    m_reason->setWordWrap(true);
    m_reason->hide();
    // The card's width is fixed and centred, so its layout sizes labels by their hint: give the wrapped
    // text the height it needs at the card's inner width.
    m_reason->ensurePolished();
    m_reason->setMinimumHeight(m_reason->heightForWidth(420 - 2 * 32));

    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("lockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    m_password->setAccessibleName(tr("Password"));
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("lockError"));
    m_error->setProperty("role", QStringLiteral("banner"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_busy = signInBusyIndicator(QStringLiteral("lockBusy"), tr("Unlocking…"));
    m_task = new SignInTask(this);
    connect(m_task, &SignInTask::finished, this, &LockScreen::unlockFinished);

    m_unlock = new QPushButton(tr("&Unlock"));
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setProperty("role", QStringLiteral("primary"));
    auto* switchUser = new QPushButton(tr("S&witch user…"));
    switchUser->setObjectName(QStringLiteral("switchUserButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(switchUser);
    buttons->addStretch();
    buttons->addWidget(m_unlock);

    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(32, 28, 32, 24);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(icon);
    cardLayout->addWidget(title);
    cardLayout->addWidget(m_who);
    cardLayout->addWidget(m_reason);
    cardLayout->addSpacing(6);
    cardLayout->addWidget(m_password);
    cardLayout->addWidget(m_busy);
    cardLayout->addWidget(m_error);
    cardLayout->addLayout(buttons);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(2);
    outer->addWidget(card, 0, Qt::AlignHCenter);
    outer->addStretch(3);

    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::unlock);
    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::unlock);
    connect(switchUser, &QPushButton::clicked, this, &LockScreen::switchUserRequested);
    setTabOrder(m_password, m_unlock);
    setTabOrder(m_unlock, switchUser);
}

void LockScreen::prepare()
{
    const core::Actor& actor = m_workspace.actor();
    m_who->setText(tr("%1 (%2) is signed in. Enter the password to continue.")
                       .arg(qs(actor.displayName), UiText::role(actor.role)));
    m_reason->setVisible(m_workspace.lockedByUsersChange());
    m_password->clear();
    m_error->hide();
    m_password->setFocus();
}

void LockScreen::unlock()
{
    if (m_password->text().isEmpty()) {
        m_error->setText(tr("Enter your password."));
        m_error->show();
        return;
    }
    if (m_task->running())
        return;
    m_error->hide();
    setBusy(true);
    m_task->start(m_workspace.databasePath(), m_workspace.actor().username, m_password->text(), m_workspace.clock());
    wipePasswordField(m_password);
}

void LockScreen::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_password->setEnabled(!busy);
    m_unlock->setEnabled(!busy);
}

void LockScreen::unlockFinished()
{
    setBusy(false);
    auto session = m_task->take();
    if (!session) {
        m_error->setText(UiText::error(session.error()));
        m_error->show();
        m_password->setFocus();
        return;
    }
    if (!SecondFactorDialog::complete(**session, this)) {
        m_error->setText(tr("Unlocking needs the code from your authenticator app."));
        m_error->show();
        m_password->setFocus();
        return;
    }
    m_workspace.open(std::move(*session));
    Q_EMIT unlocked();
}

} // namespace practica::app

#include "PasswordDialog.h"

#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "app/gui/start/SignInTask.h"
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace practica::app {

PasswordDialog::PasswordDialog(Workspace& workspace, const QString& username, const QString& displayName,
                               QWidget* parent)
    : PasswordDialog(workspace, username, displayName, parent, false)
{
}

PasswordDialog::PasswordDialog(Workspace& workspace, const QString& username, const QString& displayName,
                               QWidget* parent, bool own)
    : QDialog(parent), m_workspace(workspace), m_username(username)
{
    setObjectName(own ? QStringLiteral("changePasswordDialog") : QStringLiteral("passwordDialog"));
    setWindowTitle(own ? tr("Change my password") : tr("Reset password"));
    auto* intro = new QLabel(own ? tr("Enter your current password, then your new password twice. The new password "
                                      "opens this workstation from now on.")
                                 : tr("A temporary password for %1 (%2). They choose their own at their next "
                                      "sign-in.")
                                       .arg(displayName, username));
    intro->setObjectName(QStringLiteral("passwordIntro"));
    intro->setWordWrap(true);
    if (own) {
        m_current = FormRows::lineEdit(QStringLiteral("currentPassword"));
        m_current->setEchoMode(QLineEdit::Password);
    }
    m_password = FormRows::lineEdit(QStringLiteral("resetPassword"), tr("at least 8 characters"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm = FormRows::lineEdit(QStringLiteral("resetPasswordConfirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    auto* form = FormRows::newFormLayout();
    FormRows rows(form, nullptr);
    if (m_current)
        rows.add(tr("&Current password"), m_current);
    rows.add(tr("&New password"), m_password);
    rows.add(tr("&Repeat"), m_confirm);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("resetPasswordError"));
    m_error->setProperty("role", QStringLiteral("banner"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* ok = buttons->addButton(tr("&Set password"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("saveResetPasswordButton"));
    ok->setDefault(true);
    ok->setProperty("role", QStringLiteral("primary"));
    connect(ok, &QPushButton::clicked, this, &PasswordDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 14);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

PasswordDialog* PasswordDialog::forOwnPassword(Workspace& workspace, QWidget* parent, bool afterReset)
{
    const core::Actor& me = workspace.actor();
    auto* dialog = new PasswordDialog(workspace, qs(me.username), qs(me.displayName), parent, true);
    if (afterReset) {
        dialog->setWindowTitle(tr("Choose a new password"));
        if (auto* intro = dialog->findChild<QLabel*>(QStringLiteral("passwordIntro")))
            intro->setText(tr("An administrator reset your password. Enter the temporary password you were "
                              "given, then choose your own password twice."));
    }
    dialog->m_current->setFocus();
    return dialog;
}

void PasswordDialog::save()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    QString problem;
    if (auto v = core::Vault::checkPassword(m_password->text().toStdString()); !v)
        problem = UiText::validation(v.error());
    else if (m_password->text() != m_confirm->text())
        problem = tr("The two passwords are not the same.");
    if (problem.isEmpty()) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const core::Status s =
            m_current
                ? core::UserStore(*session).changeOwnPassword(
                      m_current->text().toStdString(), m_password->text().toStdString(), m_workspace.config().kdfCost)
                : core::UserStore(*session).resetPassword(m_username.toStdString(), m_password->text().toStdString(),
                                                          m_workspace.config().kdfCost);
        QApplication::restoreOverrideCursor();
        if (!s && s.error().code == core::ErrorCode::WrongPassword)
            problem = tr("Your current password is not correct.");
        else if (!s)
            problem = UiText::error(s.error());
        if (!s && m_current)
            wipePasswordField(m_current);
    }
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        adjustSize(); // room for the sentence, not squeezed out of the fields
        (m_current && m_current->text().isEmpty() ? m_current : m_password)->setFocus();
        return;
    }
    for (QLineEdit* field : {m_current, m_password, m_confirm})
        if (field)
            wipePasswordField(field);
    accept();
}

} // namespace practica::app

#include "UserDialog.h"

#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/auth/UserStore.h"
#include "core/auth/Vault.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace practica::app {

UserDialog::UserDialog(Workspace& workspace, QWidget* parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("userDialog"));
    setWindowTitle(tr("Add user"));
    m_username = FormRows::lineEdit(QStringLiteral("newUsername"), tr("e.g. jsmith"));
    m_displayName = FormRows::lineEdit(QStringLiteral("newDisplayName"), tr("e.g. Jane Smith"));
    m_role = FormRows::combo(QStringLiteral("newRole"));
    for (core::Role role : core::allRoles())
        m_role->addItem(UiText::role(role), QString::fromLatin1(core::roleName(role).data(),
                                                                static_cast<qsizetype>(core::roleName(role).size())));
    m_role->setCurrentIndex(std::max(0, m_role->findData(QStringLiteral("front_desk"))));
    m_password = FormRows::lineEdit(QStringLiteral("newPassword"), tr("at least 8 characters"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm = FormRows::lineEdit(QStringLiteral("newPasswordConfirm"));
    m_confirm->setEchoMode(QLineEdit::Password);
    auto* form = FormRows::newFormLayout();
    FormRows rows(form, &m_messages);
    rows.add(tr("&User name"), m_username, QStringLiteral("username"));
    rows.add(tr("&Full name"), m_displayName, QStringLiteral("display_name"));
    rows.add(tr("&Role"), m_role, QStringLiteral("role"));
    rows.add(tr("&Password"), m_password, QStringLiteral("password"));
    rows.add(tr("R&epeat password"), m_confirm, QStringLiteral("password_confirm"));
    auto* help = new QLabel(tr("Give the password to the user in person; they can change it after signing in."));
    help->setWordWrap(true);
    help->setProperty("role", QStringLiteral("subtle"));
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("userDialogError"));
    m_error->setProperty("role", QStringLiteral("banner"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* add = buttons->addButton(tr("&Add user"), QDialogButtonBox::AcceptRole);
    add->setObjectName(QStringLiteral("saveUserButton"));
    add->setDefault(true);
    add->setProperty("role", QStringLiteral("primary"));
    connect(add, &QPushButton::clicked, this, &UserDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 14);
    layout->setSpacing(10);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

void UserDialog::save()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    const std::string username = ss(m_username->text().toLower());
    const std::string displayName = ss(m_displayName->text());
    std::vector<core::Error> problems;
    if (auto v = core::UserStore::validateUsername(username); !v)
        problems.push_back(v.error());
    if (displayName.empty())
        problems.push_back(core::Error::make(core::ErrorCode::Validation, "display_name", core::Rule::Required));
    if (auto v = core::Vault::checkPassword(m_password->text().toStdString()); !v)
        problems.push_back(v.error());
    else if (m_password->text() != m_confirm->text())
        problems.push_back(core::Error::make(core::ErrorCode::Validation, "password_confirm", core::Rule::Mismatch));
    m_messages.show(problems);
    if (!problems.empty()) {
        if (QWidget* w = m_messages.firstInvalidInput())
            w->setFocus();
        return;
    }
    const auto role =
        core::roleFromName(m_role->currentData().toString().toStdString()).value_or(core::Role::FrontDesk);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto added = core::UserStore(*session).add(username, displayName, role, m_password->text().toStdString(),
                                               m_workspace.config().kdfCost);
    QApplication::restoreOverrideCursor();
    if (!added) {
        m_messages.show({added.error()});
        m_error->setText(UiText::error(added.error()));
        m_error->show();
        return;
    }
    accept();
}

} // namespace practica::app

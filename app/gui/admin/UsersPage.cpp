#include "UsersPage.h"

#include "PasswordDialog.h"
#include "UserDialog.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/auth/SecondFactor.h"
#include "core/auth/UserStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace practica::app {

UsersPage::UsersPage(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("usersPage"));
    auto* title = new QLabel(tr("Users"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    auto* subtitle =
        new QLabel(tr("Everyone of the clinic, and what their role lets them do. A new user, a password, a role or a "
                      "deactivation reaches each other workstation at its next sync; until then a workstation that is "
                      "offline keeps what it last knew."));
    subtitle->setObjectName(QStringLiteral("usersSubtitle"));
    subtitle->setWordWrap(true);
    subtitle->setProperty("role", QStringLiteral("subtle"));
    m_add = new QPushButton(QIcon(QStringLiteral(":/icons/add-light.svg")), tr("&Add user…"));
    m_add->setObjectName(QStringLiteral("addUserButton"));
    m_add->setProperty("role", QStringLiteral("primary"));
    m_reset = new QPushButton(QIcon(QStringLiteral(":/icons/key.svg")), tr("&Reset password…"));
    m_reset->setObjectName(QStringLiteral("resetPasswordButton"));
    m_role = new QPushButton(tr("Change r&ole…"));
    m_role->setObjectName(QStringLiteral("changeRoleButton"));
    m_deactivate = new QPushButton(QIcon(QStringLiteral(":/icons/deactivate.svg")), tr("&Deactivate"));
    m_deactivate->setObjectName(QStringLiteral("deactivateUserButton"));
    m_removeSecondFactor = new QPushButton(tr("Remove two-step sign-&in…"));
    m_removeSecondFactor->setObjectName(QStringLiteral("removeSecondFactorButton"));
    m_removeSecondFactor->setToolTip(tr("For a user who lost their phone: they sign in with their password and set "
                                        "it up again"));
    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(title);
    titles->addWidget(subtitle);
    header->addLayout(titles, 1);
    header->addWidget(m_add, 0, Qt::AlignBottom);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_reset);
    actions->addWidget(m_role);
    actions->addWidget(m_deactivate);
    actions->addWidget(m_removeSecondFactor);
    actions->addStretch();

    m_table = new QTableWidget(0, 5);
    m_table->setObjectName(QStringLiteral("userTable"));
    m_table->setHorizontalHeaderLabels({tr("User name"), tr("Name"), tr("Role"), tr("Status"), tr("May unlock")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(30);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("usersMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addLayout(actions);
    layout->addWidget(m_table, 1);

    connect(m_add, &QPushButton::clicked, this, &UsersPage::addUser);
    connect(m_reset, &QPushButton::clicked, this, &UsersPage::resetPassword);
    connect(m_role, &QPushButton::clicked, this, &UsersPage::changeRole);
    connect(m_deactivate, &QPushButton::clicked, this, &UsersPage::deactivate);
    connect(m_removeSecondFactor, &QPushButton::clicked, this, &UsersPage::removeSecondFactor);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UsersPage::updateButtons);
    updateButtons();
}

void UsersPage::refresh()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    auto users = core::UserStore(*session).list();
    if (!users) {
        showResult(UiText::error(users.error()), true);
        return;
    }
    const QString keep = selected() ? qs(selected()->username) : QString();
    m_users = std::move(*users);
    m_table->setRowCount(static_cast<int>(m_users.size()));
    int selectRow = 0;
    for (int row = 0; row < static_cast<int>(m_users.size()); ++row) {
        const core::User& u = m_users[static_cast<std::size_t>(row)];
        const QStringList cells = {qs(u.username), qs(u.displayName), UiText::role(u.role),
                                   u.active ? tr("Active") : tr("Deactivated"), u.hasKeySlot ? tr("Yes") : tr("No")};
        for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            if (!u.active)
                item->setForeground(QColor(0x94a3b8));
            m_table->setItem(row, col, item);
        }
        if (qs(u.username) == keep)
            selectRow = row;
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    if (!m_users.empty())
        m_table->selectRow(selectRow);
    updateButtons();
}

const core::User* UsersPage::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_users.size()))
        return nullptr;
    return &m_users[static_cast<std::size_t>(row)];
}

void UsersPage::updateButtons()
{
    const core::User* u = selected();
    const bool self = u && u->username == m_workspace.actor().username;
    m_reset->setEnabled(u && u->active);
    m_role->setEnabled(u && u->active && !self);
    m_deactivate->setEnabled(u && u->active && !self);
    m_removeSecondFactor->setEnabled(u != nullptr);
}

void UsersPage::showResult(const QString& text, bool error)
{
    m_message->setProperty("role", error ? QStringLiteral("banner") : QStringLiteral("info"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void UsersPage::addUser()
{
    UserDialog dialog(m_workspace, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    showResult(tr("The user was added and may now sign in on this workstation."), false);
    refresh();
}

void UsersPage::resetPassword()
{
    const core::User* u = selected();
    if (!u)
        return;
    PasswordDialog dialog(m_workspace, qs(u->username), qs(u->displayName), this);
    if (dialog.exec() == QDialog::Accepted)
        showResult(tr("The password of %1 was changed.").arg(qs(u->displayName)), false);
}

void UsersPage::changeRole()
{
    const core::User* u = selected();
    core::Session* session = m_workspace.session();
    if (!u || !session)
        return;
    QStringList names;
    int current = 0;
    for (core::Role role : core::allRoles()) {
        if (role == u->role)
            current = static_cast<int>(names.size());
        names << UiText::role(role);
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Change role"), tr("Role of %1:").arg(qs(u->displayName)),
                                                 names, current, false, &ok);
    if (!ok)
        return;
    const auto index = names.indexOf(chosen);
    const core::Role role = core::allRoles()[static_cast<std::size_t>(std::max<qsizetype>(0, index))];
    if (core::Status s = core::UserStore(*session).setRole(u->username, role); !s) {
        showResult(UiText::error(s.error()), true);
        return;
    }
    showResult(tr("%1 is now %2.").arg(qs(u->displayName), UiText::role(role)), false);
    refresh();
}

void UsersPage::deactivate()
{
    const core::User* u = selected();
    core::Session* session = m_workspace.session();
    if (!u || !session)
        return;
    const QString name = qs(u->displayName);
    const auto answer = QMessageBox::question(
        this, tr("Deactivate user"),
        tr("Deactivate %1? They will no longer be able to unlock this workstation. Their past work stays on record.")
            .arg(name));
    if (answer != QMessageBox::Yes)
        return;
    if (core::Status s = core::UserStore(*session).deactivate(u->username); !s) {
        showResult(UiText::error(s.error()), true);
        return;
    }
    showResult(tr("%1 was deactivated.").arg(name), false);
    refresh();
}

void UsersPage::removeSecondFactor()
{
    const core::User* u = selected();
    core::Session* session = m_workspace.session();
    if (!u || !session)
        return;
    const QString name = qs(u->displayName);
    const auto answer = QMessageBox::question(
        this, tr("Remove two-step sign-in"),
        tr("Remove two-step sign-in from %1? They will sign in with their password alone until they set it up "
           "again (at once, if the clinic requires it). Do this when they lost their phone.")
            .arg(name));
    if (answer != QMessageBox::Yes)
        return;
    if (core::Status s = core::SecondFactor(*session).remove(u->id); !s) {
        if (s.error().code == core::ErrorCode::NotFound)
            showResult(tr("%1 does not use two-step sign-in.").arg(name), false);
        else
            showResult(UiText::error(s.error()), true);
        return;
    }
    showResult(tr("Two-step sign-in was removed from %1.").arg(name), false);
}

} // namespace practica::app

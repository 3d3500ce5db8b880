#include "DemoLoginsDialog.h"

#include "app/gui/common/UiText.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace practica::app {

DemoLoginsDialog::DemoLoginsDialog(const std::vector<core::DemoLogin>& logins, QWidget* parent)
    : QDialog(parent), m_logins(logins)
{
    setObjectName(QStringLiteral("demoLoginsDialog"));
    setWindowTitle(tr("Demo clinic ready"));
    auto* title = new QLabel(tr("The demo clinic is ready"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    auto* intro = new QLabel(tr("All patients are synthetic. Sign in as each role to see what it may do; "
                                "you are now signed in as the administrator."));
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("subtle"));

    auto* table = new QTableWidget(static_cast<int>(logins.size()), 4);
    table->setObjectName(QStringLiteral("demoLoginsTable"));
    table->setHorizontalHeaderLabels({tr("User name"), tr("Password"), tr("Role"), tr("Name")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    for (int row = 0; row < static_cast<int>(logins.size()); ++row) {
        const auto& l = logins[static_cast<std::size_t>(row)];
        table->setItem(row, 0, new QTableWidgetItem(qs(l.username)));
        table->setItem(row, 1, new QTableWidgetItem(qs(l.password)));
        table->setItem(row, 2, new QTableWidgetItem(UiText::role(l.role)));
        table->setItem(row, 3, new QTableWidgetItem(qs(l.displayName)));
    }
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnsToContents();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("demoLoginsOkButton"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start using the demo"));
    buttons->button(QDialogButtonBox::Ok)->setProperty("role", QStringLiteral("primary"));
    QPushButton* copy = buttons->addButton(tr("&Copy sign-ins"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyDemoLoginsButton"));
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(asText()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(620, 320);
}

QString DemoLoginsDialog::asText() const
{
    QString text;
    for (const auto& l : m_logins)
        text += QStringLiteral("%1\t%2\t%3\n").arg(qs(l.username), qs(l.password), UiText::role(l.role));
    return text;
}

} // namespace practica::app

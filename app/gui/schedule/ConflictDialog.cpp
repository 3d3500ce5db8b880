#include "ConflictDialog.h"

#include "ScheduleText.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace practica::app {

ConflictDialog::ConflictDialog(const core::BookingCheck& check, const QString& providerName, const QString& roomName,
                               const std::string& proposedDate, const QString& verb, QWidget* parent)
    : QDialog(parent)
{
    const bool conflicts = !check.conflicts.empty();
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(conflicts ? tr("The time is taken") : tr("Please confirm the time"));
    setMinimumWidth(480);

    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/warning.svg")).pixmap(32, 32));
    auto* heading = new QLabel(conflicts ? tr("This appointment collides with:") : tr("Before you go on:"));
    heading->setProperty("role", QStringLiteral("pageTitle"));
    auto* top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(heading, 1);

    auto* list = new QListWidget;
    list->setObjectName(QStringLiteral("conflictList"));
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setFocusPolicy(Qt::NoFocus);
    list->setWordWrap(true);
    for (const auto& c : check.conflicts)
        list->addItem(ScheduleText::conflict(c, providerName, roomName, proposedDate));
    for (const auto& w : check.warnings) {
        auto* item = new QListWidgetItem(ScheduleText::warning(w, providerName), list);
        item->setForeground(QColor(0x9a3412));
    }
    list->setMaximumHeight(40 + 28 * list->count());

    auto* explain = new QLabel;
    explain->setObjectName(QStringLiteral("conflictExplanation"));
    explain->setWordWrap(true);
    explain->setProperty("role", QStringLiteral("subtle"));
    if (conflicts && check.overbookPossible)
        explain->setText(tr("This type of visit may be overbooked: both appointments will keep the time."));
    else if (conflicts && std::any_of(check.conflicts.begin(), check.conflicts.end(),
                                      [](const core::ScheduleConflict& c) { return c.kind == "patient"; }))
        explain->setText(tr("The patient cannot be in two places at once: choose another time."));
    else if (conflicts)
        explain->setText(tr("This type of visit cannot be overbooked: choose another time, provider or room."));
    else
        explain->setText(tr("The time is still free; book it only if the provider has agreed."));

    auto* buttons = new QDialogButtonBox;
    QPushButton* cancel =
        buttons->addButton(conflicts ? tr("Choose another time") : tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("conflictCancelButton"));
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    if (conflicts && check.overbookPossible) {
        QPushButton* overbook = buttons->addButton(tr("&Overbook"), QDialogButtonBox::AcceptRole);
        overbook->setObjectName(QStringLiteral("overbookButton"));
        overbook->setProperty("role", QStringLiteral("primary"));
        connect(overbook, &QPushButton::clicked, this, [this] {
            m_choice = Overbook;
            accept();
        });
    } else if (!conflicts) {
        QPushButton* proceed = buttons->addButton(tr("%1 &anyway").arg(verb), QDialogButtonBox::AcceptRole);
        proceed->setObjectName(QStringLiteral("proceedButton"));
        proceed->setProperty("role", QStringLiteral("primary"));
        connect(proceed, &QPushButton::clicked, this, [this] {
            m_choice = Proceed;
            accept();
        });
    }
    cancel->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(10);
    layout->addLayout(top);
    layout->addWidget(list);
    layout->addWidget(explain);
    layout->addWidget(buttons);
}

} // namespace practica::app

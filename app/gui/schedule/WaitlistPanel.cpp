#include "WaitlistPanel.h"

#include "BookingDialog.h"
#include "ScheduleText.h"
#include "WaitlistEntryDialog.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/schedule/WaitlistStore.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace practica::app {

WaitlistPanel::WaitlistPanel(Workspace& workspace, const ScheduleSetup& setup, QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_setup(setup)
{
    setObjectName(QStringLiteral("waitlistPanel"));
    auto* title = new QLabel(tr("Waitlist"));
    title->setStyleSheet(QStringLiteral("font-weight: 600; color: #0f766e;"));
    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/waitlist.svg")).pixmap(18, 18));
    auto* add = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("&Add…"));
    add->setObjectName(QStringLiteral("addWaitlistButton"));
    add->setToolTip(tr("Put a patient on the waitlist"));
    auto* head = new QHBoxLayout;
    head->addWidget(icon);
    head->addWidget(title, 1);
    head->addWidget(add);

    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("waitlistList"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_empty = new QLabel(tr("Nobody is waiting. Add patients who want an earlier or a particular time."));
    m_empty->setProperty("role", QStringLiteral("subtle"));
    m_empty->setWordWrap(true);
    m_book = new QPushButton(tr("&Book…"));
    m_book->setObjectName(QStringLiteral("bookWaitlistButton"));
    m_remove = new QPushButton(tr("Re&move"));
    m_remove->setObjectName(QStringLiteral("removeWaitlistButton"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_book);
    actions->addWidget(m_remove);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(head);
    layout->addWidget(m_empty, 1, Qt::AlignTop);
    layout->addWidget(m_list, 1);
    layout->addLayout(actions);

    const bool write = workspace.can(core::Permission::ScheduleWrite);
    add->setVisible(write);
    m_book->setVisible(write);
    m_remove->setVisible(write);
    connect(add, &QPushButton::clicked, this, &WaitlistPanel::addEntry);
    connect(m_book, &QPushButton::clicked, this, &WaitlistPanel::bookSelected);
    connect(m_remove, &QPushButton::clicked, this, &WaitlistPanel::removeSelected);
    connect(m_list, &QListWidget::itemActivated, this, &WaitlistPanel::bookSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        m_book->setEnabled(selected());
        m_remove->setEnabled(selected());
    });
}

QString WaitlistPanel::describe(const core::WaitlistEntry& e) const
{
    QStringList parts;
    parts << (e.providerId ? m_setup.providerName(e.providerId) : tr("any provider"));
    if (e.typeId)
        if (const core::AppointmentType* t = m_setup.type(*e.typeId))
            parts << qs(t->name);
    if (!e.weekdays.empty()) {
        QStringList days;
        for (int d : e.weekdays)
            days << ScheduleText::weekday(d).left(3);
        parts << days.join(QLatin1Char('/'));
    }
    if (e.earliestMinute > 0 || e.latestMinute < 24 * 60)
        parts << tr("%1–%2").arg(ScheduleText::time(e.earliestMinute), ScheduleText::time(e.latestMinute));
    parts << tr("until %1").arg(UiText::usDate(e.untilDate));
    QString text = qs(e.patientName) + QLatin1Char('\n') + parts.join(QStringLiteral(" · "));
    if (e.note)
        text += QLatin1Char('\n') + qs(e.note);
    return text;
}

void WaitlistPanel::refresh()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    auto waiting = core::WaitlistStore(*session).waiting();
    m_list->clear();
    m_entries.clear();
    if (waiting)
        m_entries = std::move(*waiting);
    for (const auto& e : m_entries)
        m_list->addItem(describe(e));
    m_empty->setVisible(m_entries.empty());
    m_list->setVisible(!m_entries.empty());
    m_book->setEnabled(false);
    m_remove->setEnabled(false);
}

const core::WaitlistEntry* WaitlistPanel::selected() const
{
    const int row = m_list->currentRow();
    return row < 0 || row >= static_cast<int>(m_entries.size()) ? nullptr : &m_entries[static_cast<std::size_t>(row)];
}

void WaitlistPanel::addEntry()
{
    WaitlistEntryDialog dialog(m_workspace, m_setup, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

void WaitlistPanel::bookSelected()
{
    const core::WaitlistEntry* e = selected();
    if (!e || !m_workspace.can(core::Permission::ScheduleWrite))
        return;
    BookingRequest request;
    request.patientId = e->patientId;
    request.patientName = qs(e->patientName);
    request.providerId = e->providerId;
    request.typeId = e->typeId;
    request.date = m_workspace.todayIso();
    request.minuteOfDay = std::max(e->earliestMinute, 8 * 60);
    request.waitlistEntryId = e->id;
    Q_EMIT bookRequested(request);
}

void WaitlistPanel::removeSelected()
{
    const core::WaitlistEntry* e = selected();
    core::Session* session = m_workspace.session();
    if (!e || !session)
        return;
    if (QMessageBox::question(this, tr("Remove from waitlist"),
                              tr("Take %1 off the waitlist?").arg(qs(e->patientName))) != QMessageBox::Yes)
        return;
    if (auto s = core::WaitlistStore(*session).setStatus(e->id, "removed"); !s)
        QMessageBox::warning(this, tr("Waitlist"), ScheduleText::error(s.error()));
    refresh();
}

void WaitlistPanel::markBooked(const std::string& entryId)
{
    if (core::Session* session = m_workspace.session())
        (void)core::WaitlistStore(*session).setStatus(entryId, "booked");
    refresh();
}

} // namespace practica::app

#include "FindSlotDialog.h"

#include "ScheduleText.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace practica::app {

FindSlotDialog::FindSlotDialog(Workspace& workspace, const ScheduleSetup& setup, const std::string& fromDate,
                               QWidget* parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("findSlotDialog"));
    setWindowTitle(tr("Find a slot"));
    setMinimumSize(620, 520);
    m_type = FormRows::combo(QStringLiteral("findSlotType"));
    for (const auto& t : setup.types)
        if (t.active)
            m_type->addItem(tr("%1 (%n min)", nullptr, t.defaultMinutes).arg(qs(t.name)), qs(t.id));
    m_provider = FormRows::combo(QStringLiteral("findSlotProvider"));
    m_provider->addItem(tr("Any provider"), QString());
    for (const auto& p : setup.providers)
        if (p.active)
            m_provider->addItem(qs(p.name), qs(p.id));
    auto* days = new QHBoxLayout;
    days->setContentsMargins(0, 0, 0, 0);
    for (int d = 1; d <= 7; ++d) {
        m_days[d - 1] = new QCheckBox(ScheduleText::weekday(d).left(3));
        days->addWidget(m_days[d - 1]);
    }
    auto* daysWidget = new QWidget;
    daysWidget->setLayout(days);
    m_earliest = new QTimeEdit(QTime(7, 0));
    m_latest = new QTimeEdit(QTime(19, 0));
    for (QTimeEdit* t : {m_earliest, m_latest})
        t->setDisplayFormat(QStringLiteral("h:mm AP"));
    auto* window = new QHBoxLayout;
    window->setContentsMargins(0, 0, 0, 0);
    window->addWidget(m_earliest);
    window->addWidget(new QLabel(tr("to")));
    window->addWidget(m_latest);
    window->addStretch();
    auto* windowWidget = new QWidget;
    windowWidget->setLayout(window);
    m_from = new QDateEdit(QDate::fromString(qs(fromDate), Qt::ISODate));
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("MM/dd/yyyy"));
    auto* form = FormRows::newFormLayout();
    FormRows rows(form, nullptr);
    rows.add(tr("&Type"), m_type);
    rows.add(tr("&Provider"), m_provider);
    rows.add(tr("Days (none: any)"), daysWidget);
    rows.add(tr("Starting between"), windowWidget);
    rows.add(tr("&From"), m_from);
    auto* searchButton = new QPushButton(QIcon(QStringLiteral(":/icons/search.svg")), tr("&Search"));
    searchButton->setObjectName(QStringLiteral("findSlotSearchButton"));
    searchButton->setProperty("role", QStringLiteral("primary"));

    m_results = new QTableWidget(0, 3);
    m_results->setObjectName(QStringLiteral("findSlotResults"));
    m_results->setHorizontalHeaderLabels({tr("When"), tr("Provider"), tr("Length")});
    m_results->verticalHeader()->hide();
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setShowGrid(false);
    m_results->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_results->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("findSlotMessage"));
    m_message->setProperty("role", QStringLiteral("subtle"));
    m_message->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* book = buttons->addButton(tr("&Book this time…"), QDialogButtonBox::AcceptRole);
    book->setObjectName(QStringLiteral("findSlotBookButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(book, &QPushButton::clicked, this, &FindSlotDialog::choose);
    connect(m_results, &QTableWidget::cellDoubleClicked, this, &FindSlotDialog::choose);
    connect(searchButton, &QPushButton::clicked, this, &FindSlotDialog::search);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(searchButton, 0, Qt::AlignRight);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

void FindSlotDialog::search()
{
    core::Session* session = m_workspace.session();
    if (!session || m_type->currentIndex() < 0)
        return;
    core::SlotQuery query;
    query.typeId = ss(m_type->currentData().toString());
    if (!m_provider->currentData().toString().isEmpty())
        query.providerIds.push_back(ss(m_provider->currentData().toString()));
    for (int d = 1; d <= 7; ++d)
        if (m_days[d - 1]->isChecked())
            query.weekdays.push_back(d);
    query.earliestMinute = m_earliest->time().hour() * 60 + m_earliest->time().minute();
    query.latestMinute = m_latest->time().hour() * 60 + m_latest->time().minute();
    query.fromDate = m_from->date().toString(Qt::ISODate).toStdString();
    query.limit = 20;
    auto found = core::SlotFinder(*session).find(query);
    m_results->setRowCount(0);
    if (!found) {
        m_message->setText(ScheduleText::error(found.error()));
        return;
    }
    m_slots = std::move(*found);
    m_results->setRowCount(static_cast<int>(m_slots.size()));
    for (int row = 0; row < static_cast<int>(m_slots.size()); ++row) {
        const core::FreeSlot& s = m_slots[static_cast<std::size_t>(row)];
        m_results->setItem(row, 0, new QTableWidgetItem(ScheduleText::localTime(s.startLocal, true)));
        m_results->setItem(row, 1, new QTableWidgetItem(qs(s.providerName)));
        m_results->setItem(row, 2, new QTableWidgetItem(tr("%n min", nullptr, s.minutes)));
    }
    m_message->setText(m_slots.empty() ? tr("No free time in the next 30 days fits. Widen the days or hours.")
                                       : tr("The first %n opening(s). Double-click one to book it.", nullptr,
                                            static_cast<int>(m_slots.size())));
    if (!m_slots.empty())
        m_results->selectRow(0);
}

void FindSlotDialog::choose()
{
    const int row = m_results->currentRow();
    if (row < 0 || row >= static_cast<int>(m_slots.size()))
        return;
    const core::FreeSlot& s = m_slots[static_cast<std::size_t>(row)];
    BookingRequest request;
    request.providerId = s.providerId;
    request.typeId = ss(m_type->currentData().toString());
    request.date = ScheduleText::dateOf(s.startLocal);
    request.minuteOfDay = ScheduleText::minuteOf(s.startLocal);
    m_request = request;
    accept();
}

} // namespace practica::app

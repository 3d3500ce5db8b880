#include "ArrivalsPage.h"

#include "ScheduleText.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ScheduleSetupStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <deque>
#include <map>

namespace practica::app {

namespace {

enum Column
{
    Time,
    Patient,
    Age,
    Provider,
    Type,
    Reason,
    Status,
    Waiting,
    ColumnCount
};

// The shortest chain of steps core allows from one status to another (empty when there is none).
std::vector<core::AppointmentStatus> stepsTo(core::AppointmentStatus from, core::AppointmentStatus to)
{
    using S = core::AppointmentStatus;
    const S all[] = {S::Confirmed, S::Arrived, S::InRoom, S::WithProvider, S::CheckedOut};
    std::map<S, S> previous;
    std::deque<S> queue{from};
    while (!queue.empty()) {
        const S at = queue.front();
        queue.pop_front();
        if (at == to)
            break;
        for (S next : all)
            if (next != from && !previous.contains(next) && core::canTransition(at, next)) {
                previous[next] = at;
                queue.push_back(next);
            }
    }
    if (!previous.contains(to))
        return {};
    std::vector<S> path;
    for (S at = to; at != from; at = previous[at])
        path.insert(path.begin(), at);
    return path;
}

} // namespace

ArrivalsPage::ArrivalsPage(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("arrivalsPage"));
    auto* title = new QLabel(tr("Arrivals"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    m_date = new QLabel;
    m_date->setObjectName(QStringLiteral("arrivalsDate"));
    m_date->setProperty("role", QStringLiteral("subtle"));
    m_counts = new QLabel;
    m_counts->setObjectName(QStringLiteral("arrivalsCounts"));
    m_counts->setProperty("role", QStringLiteral("badge"));
    m_provider = new QComboBox;
    m_provider->setObjectName(QStringLiteral("arrivalsProvider"));
    m_provider->setMinimumWidth(180);
    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(title);
    titles->addWidget(m_date);
    header->addLayout(titles, 1);
    header->addWidget(m_counts, 0, Qt::AlignBottom);
    header->addWidget(m_provider, 0, Qt::AlignBottom);

    m_checkIn = new QPushButton(QIcon(QStringLiteral(":/icons/check-in.svg")), tr("Check in   [I]"));
    m_checkIn->setObjectName(QStringLiteral("checkInButton"));
    m_checkIn->setProperty("role", QStringLiteral("primary"));
    m_room = new QPushButton(tr("In room   [R]"));
    m_room->setObjectName(QStringLiteral("inRoomButton"));
    m_checkOut = new QPushButton(QIcon(QStringLiteral(":/icons/check-out.svg")), tr("Check out   [O]"));
    m_checkOut->setObjectName(QStringLiteral("checkOutButton"));
    auto* hint = new QLabel(tr("Select a row and press I to check the patient in, R when they are roomed, O to check "
                               "them out."));
    hint->setProperty("role", QStringLiteral("subtle"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_checkIn);
    actions->addWidget(m_room);
    actions->addWidget(m_checkOut);
    actions->addSpacing(12);
    actions->addWidget(hint, 1);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("arrivalsTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Time"), tr("Patient"), tr("Age"), tr("Provider"), tr("Type"), tr("Reason"), tr("Status"), tr("Waiting")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(32);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(Patient, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Reason, QHeaderView::Stretch);
    m_table->installEventFilter(this);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("arrivalsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addLayout(actions);
    layout->addWidget(m_table, 1);

    const bool write = workspace.can(core::Permission::ScheduleWrite);
    for (QPushButton* b : {m_checkIn, m_room, m_checkOut})
        b->setVisible(write);
    hint->setVisible(write);
    connect(m_checkIn, &QPushButton::clicked, this, [this] { advanceSelected(core::AppointmentStatus::Arrived); });
    connect(m_room, &QPushButton::clicked, this, [this] { advanceSelected(core::AppointmentStatus::InRoom); });
    connect(m_checkOut, &QPushButton::clicked, this, [this] { advanceSelected(core::AppointmentStatus::CheckedOut); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ArrivalsPage::updateButtons);
    connect(m_provider, &QComboBox::activated, this, [this] { refresh(); });
    m_timer = new QTimer(this);
    m_timer->setInterval(30 * 1000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh(true);
    });
    m_timer->start();
    updateButtons();
}

void ArrivalsPage::refresh(bool periodic)
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    const std::string today = m_workspace.todayIso();
    m_date->setText(tr("Today, %1").arg(ScheduleText::longDate(today)));
    const QString keepProvider = m_provider->currentData().toString();
    if (auto providers = core::ScheduleSetupStore(*session).providers()) {
        m_provider->clear();
        m_provider->addItem(tr("All providers"), QString());
        for (const auto& p : *providers)
            m_provider->addItem(qs(p.name), qs(p.id));
        m_provider->setCurrentIndex(std::max(0, m_provider->findData(keepProvider)));
    }
    std::vector<std::string> filter;
    if (!m_provider->currentData().toString().isEmpty())
        filter.push_back(ss(m_provider->currentData().toString()));
    core::AppointmentStore store(*session);
    auto day = periodic ? store.day(today, filter) : store.dayView(today, filter);
    if (!day) {
        showResult(ScheduleText::error(day.error()), true);
        return;
    }
    const QString keep = selected() ? qs(selected()->appointment.id) : QString();
    m_rows = std::move(*day);
    const std::int64_t now = m_workspace.clock().nowMs();
    int arrived = 0, waiting = 0, done = 0;
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    int selectRow = -1;
    for (int row = 0; row < static_cast<int>(m_rows.size()); ++row) {
        const core::AppointmentView& v = m_rows[static_cast<std::size_t>(row)];
        const core::Appointment& a = v.appointment;
        QString wait;
        if (a.status == core::AppointmentStatus::Arrived && a.arrivedAtMs) {
            wait = tr("%n min", nullptr, static_cast<int>((now - *a.arrivedAtMs) / 60'000));
            ++waiting;
        }
        if (a.arrivedAtMs)
            ++arrived;
        if (a.status == core::AppointmentStatus::CheckedOut)
            ++done;
        const QStringList cells = {ScheduleText::localTime(a.startLocal),
                                   qs(v.patientName),
                                   UiText::age(v.patientBirthDate, today),
                                   qs(v.providerName),
                                   qs(v.typeName),
                                   qs(a.reason),
                                   ScheduleText::status(a.status),
                                   wait};
        for (int col = 0; col < ColumnCount; ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            if (!core::occupiesSlot(a.status) || a.status == core::AppointmentStatus::CheckedOut)
                item->setForeground(QColor(0x94a3b8));
            if (col == Status && core::occupiesSlot(a.status) && a.status != core::AppointmentStatus::Scheduled) {
                item->setForeground(ScheduleText::statusColor(a.status));
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_table->setItem(row, col, item);
        }
        if (qs(a.id) == keep)
            selectRow = row;
    }
    m_counts->setText(
        tr("%1 booked · %2 arrived · %3 waiting · %4 done").arg(m_rows.size()).arg(arrived).arg(waiting).arg(done));
    m_table->resizeColumnToContents(Time);
    for (int col : {Status, Provider, Type, Age, Waiting})
        m_table->resizeColumnToContents(col);
    if (selectRow < 0 && !m_rows.empty()) {
        // Start on the first patient still expected.
        selectRow = 0;
        for (int row = 0; row < static_cast<int>(m_rows.size()); ++row)
            if (m_rows[static_cast<std::size_t>(row)].appointment.status <= core::AppointmentStatus::Confirmed) {
                selectRow = row;
                break;
            }
    }
    if (selectRow >= 0)
        m_table->selectRow(selectRow);
    updateButtons();
}

const core::AppointmentView* ArrivalsPage::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

void ArrivalsPage::updateButtons()
{
    const core::AppointmentView* v = selected();
    using S = core::AppointmentStatus;
    const S status = v ? v->appointment.status : S::Cancelled;
    m_checkIn->setEnabled(v && !stepsTo(status, S::Arrived).empty());
    m_room->setEnabled(v && !stepsTo(status, S::InRoom).empty());
    m_checkOut->setEnabled(v && !stepsTo(status, S::CheckedOut).empty());
}

void ArrivalsPage::showResult(const QString& text, bool error)
{
    m_message->setProperty("role", error ? QStringLiteral("banner") : QStringLiteral("info"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ArrivalsPage::advanceSelected(core::AppointmentStatus status)
{
    core::Session* session = m_workspace.session();
    const core::AppointmentView* v = selected();
    if (!session || !v || !m_workspace.can(core::Permission::ScheduleWrite))
        return;
    const QString name = qs(v->patientName);
    const auto steps = stepsTo(v->appointment.status, status);
    if (steps.empty()) {
        showResult(tr("%1 is %2; that step is not possible from here.")
                       .arg(name, ScheduleText::status(v->appointment.status).toLower()),
                   true);
        return;
    }
    core::AppointmentStore store(*session);
    const std::string id = v->appointment.id;
    for (core::AppointmentStatus step : steps)
        if (auto r = store.setStatus(id, step); !r) {
            showResult(ScheduleText::error(r.error()), true);
            refresh();
            return;
        }
    const QString text = tr("%1: %2.").arg(name, ScheduleText::status(status));
    showResult(text, false);
    Q_EMIT statusMessage(text);
    refresh();
    // Keep the desk moving: after a check-in, go to the next patient still expected.
    if (status == core::AppointmentStatus::Arrived)
        for (int row = m_table->currentRow() + 1; row < static_cast<int>(m_rows.size()); ++row)
            if (m_rows[static_cast<std::size_t>(row)].appointment.status <= core::AppointmentStatus::Confirmed) {
                m_table->selectRow(row);
                break;
            }
}

bool ArrivalsPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & ~Qt::KeypadModifier & ~Qt::ShiftModifier)
            return QWidget::eventFilter(watched, event);
        switch (key->key()) {
        case Qt::Key_I:
            advanceSelected(core::AppointmentStatus::Arrived);
            return true;
        case Qt::Key_R:
            advanceSelected(core::AppointmentStatus::InRoom);
            return true;
        case Qt::Key_O:
            advanceSelected(core::AppointmentStatus::CheckedOut);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace practica::app

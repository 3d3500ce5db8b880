#include "ScheduleSetupPage.h"

#include "ScheduleText.h"
#include "SetupDialogs.h"
#include "WorkingHoursEditor.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/schedule/ClinicTime.h"
#include "core/schedule/ScheduleSetupStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace practica::app {

namespace {

QTableWidget* newTable(const QString& objectName, const QStringList& headers)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()));
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(30);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    return table;
}

void fillRow(QTableWidget* table, int row, const QStringList& cells, bool active = true,
             const QString& color = QString())
{
    for (int col = 0; col < cells.size(); ++col) {
        auto* item = new QTableWidgetItem(cells[col]);
        if (!active)
            item->setForeground(QColor(0x94a3b8));
        if (!color.isEmpty() && cells[col] == color)
            item->setBackground(QColor(color));
        table->setItem(row, col, item);
    }
}

template <class T> core::Status asStatus(const core::Result<T>& result)
{
    if (!result)
        return std::unexpected(result.error());
    return {};
}

} // namespace

ScheduleSetupPage::ScheduleSetupPage(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("scheduleSetupPage"));
    auto* title = new QLabel(tr("Schedule setup"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    auto* subtitle = new QLabel(tr("Who can be booked, where, for what, and when the clinic is open."));
    subtitle->setProperty("role", QStringLiteral("subtle"));
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("scheduleSetupMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_providers = newTable(QStringLiteral("providerTable"),
                           {tr("Name"), tr("Credentials"), tr("Specialty"), tr("NPI"), tr("Colour"), tr("Status")});
    m_rooms = newTable(QStringLiteral("roomTable"), {tr("Room"), tr("Status")});
    m_types = newTable(QStringLiteral("typeTable"),
                       {tr("Type"), tr("Length"), tr("Colour"), tr("Overbook"), tr("Default room"), tr("Status")});
    m_blockTable = newTable(QStringLiteral("blockTable"), {tr("Reason"), tr("For"), tr("From"), tr("To"), tr("Kind")});
    m_holidayTable = newTable(QStringLiteral("holidayTable"), {tr("Holiday"), tr("Date")});
    m_hours = new WorkingHoursEditor(workspace);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("scheduleSetupTabs"));
    m_tabs->addTab(buildTab(
                       m_providers, tr("&Add provider…"), [this] { editProvider(true); }, tr("&Edit…"),
                       [this] { editProvider(false); }),
                   tr("Providers"));
    m_tabs->addTab(
        buildTab(
            m_rooms, tr("&Add room…"), [this] { editRoom(true); }, tr("&Edit…"), [this] { editRoom(false); }),
        tr("Rooms"));
    m_tabs->addTab(
        buildTab(
            m_types, tr("&Add type…"), [this] { editType(true); }, tr("&Edit…"), [this] { editType(false); }),
        tr("Appointment types"));
    m_tabs->addTab(m_hours, tr("Working hours"));
    auto* closed = new QWidget;
    auto* closedLayout = new QHBoxLayout(closed);
    closedLayout->addWidget(
        buildTab(
            m_blockTable, tr("&Block time…"), [this] { addBlock(); }, tr("&Remove"), [this] { removeBlock(); }),
        3);
    closedLayout->addWidget(
        buildTab(
            m_holidayTable, tr("Add &holiday…"), [this] { addHoliday(); }, tr("Re&move"), [this] { removeHoliday(); }),
        2);
    m_tabs->addTab(closed, tr("Blocks and holidays"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    connect(m_hours, &WorkingHoursEditor::saved, this, [this](const QString& t) { showResult(t, false); });
    connect(m_hours, &WorkingHoursEditor::failed, this, [this](const QString& t) { showResult(t, true); });
}

QWidget* ScheduleSetupPage::buildTab(QTableWidget* table, const QString& addText, const std::function<void()>& add,
                                     const QString& editText, const std::function<void()>& edit)
{
    auto* tab = new QWidget;
    auto* addButton = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), addText);
    addButton->setObjectName(table->objectName() + QStringLiteral("Add"));
    auto* editButton = new QPushButton(editText);
    editButton->setObjectName(table->objectName() + QStringLiteral("Edit"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(editButton);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(table, 1);
    connect(addButton, &QPushButton::clicked, this, add);
    connect(editButton, &QPushButton::clicked, this, edit);
    connect(table, &QTableWidget::cellDoubleClicked, this, [edit, table] {
        if (table->objectName() != QStringLiteral("blockTable") &&
            table->objectName() != QStringLiteral("holidayTable"))
            edit();
    });
    return tab;
}

void ScheduleSetupPage::refresh()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    auto setup = ScheduleLoader::loadSetup(*session);
    if (!setup) {
        showResult(ScheduleText::error(setup.error()), true);
        return;
    }
    m_setup = std::move(*setup);
    const QString active = tr("Active"), inactive = tr("Inactive");
    m_providers->setRowCount(static_cast<int>(m_setup.providers.size()));
    for (int row = 0; row < m_providers->rowCount(); ++row) {
        const auto& p = m_setup.providers[static_cast<std::size_t>(row)];
        fillRow(m_providers, row,
                {qs(p.name), qs(p.credentials), qs(p.specialty), qs(p.npi), qs(p.color), p.active ? active : inactive},
                p.active, qs(p.color));
    }
    m_rooms->setRowCount(static_cast<int>(m_setup.rooms.size()));
    for (int row = 0; row < m_rooms->rowCount(); ++row) {
        const auto& r = m_setup.rooms[static_cast<std::size_t>(row)];
        fillRow(m_rooms, row, {qs(r.name), r.active ? active : inactive}, r.active);
    }
    m_types->setRowCount(static_cast<int>(m_setup.types.size()));
    for (int row = 0; row < m_types->rowCount(); ++row) {
        const auto& t = m_setup.types[static_cast<std::size_t>(row)];
        fillRow(m_types, row,
                {qs(t.name), tr("%n min", nullptr, t.defaultMinutes), qs(t.color),
                 t.allowOverbook ? tr("Allowed") : tr("No"), m_setup.roomName(t.defaultRoomId),
                 t.active ? active : inactive},
                t.active, qs(t.color));
    }
    const std::string today = m_workspace.todayIso();
    auto store = core::ScheduleSetupStore(*session);
    if (auto blocks = store.blocks(today, core::ClinicTime::addDays(today, 366)))
        m_blocks = std::move(*blocks);
    m_blockTable->setRowCount(static_cast<int>(m_blocks.size()));
    for (int row = 0; row < m_blockTable->rowCount(); ++row) {
        const auto& b = m_blocks[static_cast<std::size_t>(row)];
        fillRow(m_blockTable, row,
                {qs(b.reason), b.providerId ? m_setup.providerName(b.providerId) : tr("Whole clinic"),
                 ScheduleText::localTime(b.startLocal, true), ScheduleText::localTime(b.endLocal, true),
                 b.kind == "vacation" ? tr("Vacation") : tr("Blocked")});
    }
    if (auto holidays = store.holidays(today, core::ClinicTime::addDays(today, 366)))
        m_holidays = std::move(*holidays);
    m_holidayTable->setRowCount(static_cast<int>(m_holidays.size()));
    for (int row = 0; row < m_holidayTable->rowCount(); ++row) {
        const auto& h = m_holidays[static_cast<std::size_t>(row)];
        fillRow(m_holidayTable, row, {qs(h.name), ScheduleText::longDate(h.date)});
    }
    m_hours->setProviders(m_setup.providers);
}

void ScheduleSetupPage::showResult(const QString& text, bool error)
{
    m_message->setProperty("role", error ? QStringLiteral("banner") : QStringLiteral("info"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ScheduleSetupPage::done(const core::Status& status, const QString& message)
{
    if (!status) {
        showResult(ScheduleText::error(status.error()), true);
        return;
    }
    showResult(message, false);
    refresh();
}

void ScheduleSetupPage::editProvider(bool add)
{
    core::Session* session = m_workspace.session();
    const int row = m_providers->currentRow();
    if (!session || (!add && (row < 0 || row >= static_cast<int>(m_setup.providers.size()))))
        return;
    core::Provider p = add ? core::Provider{} : m_setup.providers[static_cast<std::size_t>(row)];
    if (!SetupDialogs::editProvider(this, p))
        return;
    core::ScheduleSetupStore store(*session);
    core::Status s = add ? asStatus(store.addProvider(p)) : store.updateProvider(p);
    done(s, tr("%1 was saved.").arg(qs(p.name)));
}

void ScheduleSetupPage::editRoom(bool add)
{
    core::Session* session = m_workspace.session();
    const int row = m_rooms->currentRow();
    if (!session || (!add && (row < 0 || row >= static_cast<int>(m_setup.rooms.size()))))
        return;
    core::Room r = add ? core::Room{} : m_setup.rooms[static_cast<std::size_t>(row)];
    if (!SetupDialogs::editRoom(this, r))
        return;
    core::ScheduleSetupStore store(*session);
    core::Status s = add ? asStatus(store.addRoom(r)) : store.updateRoom(r);
    done(s, tr("%1 was saved.").arg(qs(r.name)));
}

void ScheduleSetupPage::editType(bool add)
{
    core::Session* session = m_workspace.session();
    const int row = m_types->currentRow();
    if (!session || (!add && (row < 0 || row >= static_cast<int>(m_setup.types.size()))))
        return;
    core::AppointmentType t = add ? core::AppointmentType{} : m_setup.types[static_cast<std::size_t>(row)];
    if (!SetupDialogs::editType(this, t, m_setup.rooms))
        return;
    core::ScheduleSetupStore store(*session);
    core::Status s = add ? asStatus(store.addType(t)) : store.updateType(t);
    done(s, tr("%1 was saved.").arg(qs(t.name)));
}

void ScheduleSetupPage::addBlock()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    core::ScheduleBlock b;
    const std::string today = m_workspace.todayIso();
    b.startLocal = today + "T12:00";
    b.endLocal = today + "T13:00";
    if (!SetupDialogs::editBlock(this, b, m_setup.providers))
        return;
    done(asStatus(core::ScheduleSetupStore(*session).addBlock(b)), tr("The time was blocked."));
}

void ScheduleSetupPage::removeBlock()
{
    core::Session* session = m_workspace.session();
    const int row = m_blockTable->currentRow();
    if (!session || row < 0 || row >= static_cast<int>(m_blocks.size()))
        return;
    done(core::ScheduleSetupStore(*session).removeBlock(m_blocks[static_cast<std::size_t>(row)].id),
         tr("The block was removed."));
}

void ScheduleSetupPage::addHoliday()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    core::ClinicHoliday h;
    h.date = m_workspace.todayIso();
    if (!SetupDialogs::editHoliday(this, h))
        return;
    done(asStatus(core::ScheduleSetupStore(*session).addHoliday(h)), tr("%1 was added.").arg(qs(h.name)));
}

void ScheduleSetupPage::removeHoliday()
{
    core::Session* session = m_workspace.session();
    const int row = m_holidayTable->currentRow();
    if (!session || row < 0 || row >= static_cast<int>(m_holidays.size()))
        return;
    done(core::ScheduleSetupStore(*session).removeHoliday(m_holidays[static_cast<std::size_t>(row)].id),
         tr("The holiday was removed."));
}

} // namespace practica::app

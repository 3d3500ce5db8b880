#include "SchedulePage.h"

#include "AppointmentActions.h"
#include "BookingDialog.h"
#include "BookingFlow.h"
#include "DayView.h"
#include "FindSlotDialog.h"
#include "ScheduleExports.h"
#include "ScheduleText.h"
#include "WaitlistPanel.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/schedule/AppointmentStore.h"

#include <QAction>
#include <QCalendarWidget>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace practica::app {

namespace {

QPushButton* toolButton(const QString& objectName, const QString& icon, const QString& text, const QString& tip)
{
    auto* b = new QPushButton(icon.isEmpty() ? QIcon() : QIcon(icon), text);
    b->setObjectName(objectName);
    b->setToolTip(tip);
    return b;
}

} // namespace

SchedulePage::SchedulePage(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("schedulePage"));
    m_view = new DayView;
    m_view->setEditable(workspace.can(core::Permission::ScheduleWrite));
    m_actions = new AppointmentActions(workspace, m_setup, this);
    m_waitlist = new WaitlistPanel(workspace, m_setup);
    m_calendar = new QCalendarWidget;
    m_calendar->setObjectName(QStringLiteral("scheduleCalendar"));
    m_calendar->setGridVisible(false);
    m_calendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    m_calendar->setFirstDayOfWeek(Qt::Monday);
    m_calendar->setMaximumHeight(230);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("scheduleMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto* hint = new QLabel(workspace.can(core::Permission::ScheduleWrite)
                                ? tr("Double-click a free slot or press Enter to book · drag a block to move it, its "
                                     "lower edge to change the length · right-click for status, cancel, no-show · "
                                     "Ctrl+Z undoes the last move")
                                : tr("Your role can look at the schedule but not change it."));
    hint->setObjectName(QStringLiteral("scheduleHint"));
    hint->setProperty("role", QStringLiteral("subtle"));
    hint->setWordWrap(true);

    auto* side = new QVBoxLayout;
    side->setSpacing(10);
    side->addWidget(m_calendar);
    side->addWidget(m_waitlist, 1);
    auto* sideWidget = new QWidget;
    sideWidget->setLayout(side);
    sideWidget->setFixedWidth(280);
    side->setContentsMargins(0, 0, 0, 0);

    auto* body = new QHBoxLayout;
    body->setSpacing(12);
    body->addWidget(m_view, 1);
    body->addWidget(sideWidget);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(10);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_message);
    layout->addLayout(body, 1);
    layout->addWidget(hint);

    auto* undo = new QAction(this);
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    connect(undo, &QAction::triggered, this, &SchedulePage::undoLastMove);

    m_nowTimer = new QTimer(this);
    m_nowTimer->setInterval(60 * 1000);
    connect(m_nowTimer, &QTimer::timeout, this, &SchedulePage::updateNow);
    m_nowTimer->start();

    // Queued: the dialogs these open must not run inside the view's mouse handlers.
    connect(m_view, &DayView::bookRequested, this, &SchedulePage::bookAt, Qt::QueuedConnection);
    connect(m_view, &DayView::moveRequested, this, &SchedulePage::moveAppointment, Qt::QueuedConnection);
    connect(m_view, &DayView::resizeRequested, this, &SchedulePage::resizeAppointment, Qt::QueuedConnection);
    connect(
        m_view, &DayView::openRequested, this, [this](const QString& id) { m_actions->openDetails(id); },
        Qt::QueuedConnection);
    connect(m_view, &DayView::actionsRequested, this, &SchedulePage::showActions);
    connect(m_actions, &AppointmentActions::changed, this, &SchedulePage::changed);
    connect(m_actions, &AppointmentActions::failed, this, [this](const QString& text) { showResult(text, true); });
    connect(m_actions, &AppointmentActions::bookRequested, this, &SchedulePage::book);
    connect(m_waitlist, &WaitlistPanel::bookRequested, this, &SchedulePage::book);
    connect(m_calendar, &QCalendarWidget::clicked, this,
            [this](QDate d) { setDate(d.toString(Qt::ISODate).toStdString()); });
}

SchedulePage::~SchedulePage() = default;

QWidget* SchedulePage::buildToolbar()
{
    auto* title = new QLabel(tr("Schedule"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("scheduleDate"));
    m_title->setStyleSheet(QStringLiteral("font-size: 12pt; font-weight: 600; color: #12293b;"));
    auto* prev = toolButton(QStringLiteral("schedulePrevButton"), QStringLiteral(":/icons/prev.svg"), {},
                            tr("Previous day (Alt+Left)"));
    prev->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    auto* today = toolButton(QStringLiteral("scheduleTodayButton"), {}, tr("&Today"), tr("Go to today"));
    auto* next = toolButton(QStringLiteral("scheduleNextButton"), QStringLiteral(":/icons/next.svg"), {},
                            tr("Next day (Alt+Right)"));
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_modeBox = new QComboBox;
    m_modeBox->setObjectName(QStringLiteral("scheduleMode"));
    m_modeBox->addItem(tr("Day by provider"));
    m_modeBox->addItem(tr("Day by room"));
    m_modeBox->addItem(tr("Week of one provider"));
    m_weekProvider = new QComboBox;
    m_weekProvider->setObjectName(QStringLiteral("scheduleWeekProvider"));
    m_weekProvider->setMinimumWidth(160);
    m_grid = new QComboBox;
    m_grid->setObjectName(QStringLiteral("scheduleGrid"));
    m_grid->setToolTip(tr("Grid"));
    for (int m : {5, 10, 15})
        m_grid->addItem(tr("%1-minute grid").arg(m), m);
    m_grid->setCurrentIndex(2);
    m_undoButton = toolButton(QStringLiteral("undoMoveButton"), QStringLiteral(":/icons/undo.svg"), tr("&Undo move"),
                              tr("Undo the last move or length change (Ctrl+Z)"));
    auto* find = toolButton(QStringLiteral("findSlotButton"), QStringLiteral(":/icons/find-slot.svg"),
                            tr("&Find a slot…"), tr("Find the next free times for a visit"));
    auto* print = toolButton(QStringLiteral("printDaySheetButton"), QStringLiteral(":/icons/print.svg"),
                             tr("Day &sheet…"), tr("Print each provider's day sheet to PDF"));
    auto* reminders = toolButton(QStringLiteral("exportRemindersButton"), QStringLiteral(":/icons/export.svg"),
                                 tr("&Reminders…"), tr("Export a CSV reminder list for a range of dates"));
    find->setVisible(m_workspace.can(core::Permission::ScheduleWrite));
    m_undoButton->setVisible(m_workspace.can(core::Permission::ScheduleWrite));

    auto* top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(title);
    top->addSpacing(14);
    top->addWidget(m_title, 1);
    top->addWidget(m_undoButton);
    top->addWidget(find);
    top->addWidget(print);
    top->addWidget(reminders);
    auto* second = new QHBoxLayout;
    second->setSpacing(6);
    second->addWidget(prev);
    second->addWidget(today);
    second->addWidget(next);
    second->addSpacing(12);
    second->addWidget(m_modeBox);
    second->addWidget(m_weekProvider);
    second->addWidget(m_grid);
    second->addStretch(1);
    auto* bar = new QWidget;
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(8);
    rows->addLayout(top);
    rows->addLayout(second);

    auto step = [this](int sign) {
        const int days = m_mode == ScheduleMode::ProviderWeek ? 7 : 1;
        setDate(core::ClinicTime::addDays(m_date, sign * days));
    };
    connect(prev, &QPushButton::clicked, this, [step] { step(-1); });
    connect(next, &QPushButton::clicked, this, [step] { step(1); });
    connect(today, &QPushButton::clicked, this, [this] { setDate(m_workspace.todayIso()); });
    connect(m_modeBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setMode(static_cast<ScheduleMode>(index)); });
    connect(m_weekProvider, &QComboBox::activated, this, [this] { refresh(); });
    connect(m_grid, &QComboBox::currentIndexChanged, this,
            [this] { m_view->setGridMinutes(m_grid->currentData().toInt()); });
    connect(m_undoButton, &QPushButton::clicked, this, &SchedulePage::undoLastMove);
    connect(find, &QPushButton::clicked, this, &SchedulePage::findSlot);
    connect(print, &QPushButton::clicked, this, &SchedulePage::printDaySheet);
    connect(reminders, &QPushButton::clicked, this, &SchedulePage::exportReminderList);
    return bar;
}

void SchedulePage::setDate(const std::string& isoDate)
{
    m_date = isoDate;
    refresh();
}

void SchedulePage::setMode(ScheduleMode mode)
{
    m_mode = mode;
    if (m_modeBox->currentIndex() != static_cast<int>(mode))
        m_modeBox->setCurrentIndex(static_cast<int>(mode));
    refresh();
}

void SchedulePage::refresh()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    if (m_date.empty())
        m_date = m_workspace.todayIso();
    auto setup = ScheduleLoader::loadSetup(*session);
    if (!setup) {
        showResult(ScheduleText::error(setup.error()), true);
        return;
    }
    m_setup = std::move(*setup);
    const QString keepProvider = m_weekProvider->currentData().toString();
    m_weekProvider->clear();
    for (const auto& p : m_setup.providers)
        if (p.active)
            m_weekProvider->addItem(qs(p.name), qs(p.id));
    m_weekProvider->setCurrentIndex(std::max(0, m_weekProvider->findData(keepProvider)));
    auto day = ScheduleLoader::load(*session, m_setup, m_mode, m_date, ss(m_weekProvider->currentData().toString()),
                                    m_workspace.todayIso());
    if (!day) {
        showResult(ScheduleText::error(day.error()), true);
        return;
    }
    const bool firstLoad = m_view->day().columns.empty();
    m_view->setDay(std::move(*day));
    if (firstLoad)
        m_view->scrollToMinute(std::max(m_view->day().firstMinute, 8 * 60));
    m_calendar->setSelectedDate(QDate::fromString(qs(m_date), Qt::ISODate));
    if (m_mode == ScheduleMode::ProviderWeek) {
        const std::string from = ScheduleLoader::weekStart(m_date);
        m_title->setText(tr("Week of %1").arg(ScheduleText::longDate(from)));
    } else {
        m_title->setText(ScheduleText::longDate(m_date));
    }
    m_waitlist->refresh();
    updateNow();
    updateControls();
}

void SchedulePage::updateNow()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    const core::LocalDateTime now = core::AppointmentStore(*session).clinicTime().toLocal(m_workspace.clock().nowMs());
    m_view->setNow(now.date, now.minuteOfDay);
}

void SchedulePage::updateControls()
{
    m_weekProvider->setVisible(m_mode == ScheduleMode::ProviderWeek);
    m_undoButton->setEnabled(m_undo.has_value());
    m_undoButton->setToolTip(m_undo ? tr("Undo: %1 (Ctrl+Z)").arg(m_undo->what) : tr("Nothing to undo"));
}

void SchedulePage::showResult(const QString& text, bool error)
{
    m_message->setProperty("role", error ? QStringLiteral("banner") : QStringLiteral("info"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void SchedulePage::changed(const QString& message)
{
    showResult(message, false);
    Q_EMIT statusMessage(message);
    Q_EMIT scheduleChanged();
    refresh();
}

const ScheduleItem* SchedulePage::item(const QString& id) const
{
    for (const auto& i : m_view->day().items)
        if (qs(i.view.appointment.id) == id)
            return &i;
    return nullptr;
}

void SchedulePage::bookAt(int column, int minuteOfDay)
{
    const auto& columns = m_view->day().columns;
    if (column < 0 || column >= static_cast<int>(columns.size()))
        return;
    const ScheduleColumn& c = columns[static_cast<std::size_t>(column)];
    BookingRequest request;
    request.providerId = c.providerId;
    request.roomId = c.roomId;
    request.date = c.date;
    request.minuteOfDay = minuteOfDay;
    request.gridMinutes = m_view->gridMinutes();
    book(request);
}

void SchedulePage::book(const BookingRequest& request)
{
    if (!m_workspace.session() || !m_workspace.can(core::Permission::ScheduleWrite))
        return;
    BookingDialog dialog(m_workspace, m_setup, request, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.booked())
        return;
    const core::Appointment& a = *dialog.booked();
    if (request.waitlistEntryId)
        m_waitlist->markBooked(*request.waitlistEntryId);
    m_date = ScheduleText::dateOf(a.startLocal);
    changed(
        tr("Booked %1 with %2.").arg(ScheduleText::localTime(a.startLocal, true), m_setup.providerName(a.providerId)));
    m_view->selectAppointment(qs(a.id));
}

void SchedulePage::moveAppointment(const QString& id, int column, int minuteOfDay)
{
    core::Session* session = m_workspace.session();
    const ScheduleItem* current = item(id);
    const auto& columns = m_view->day().columns;
    if (!session || !current || column < 0 || column >= static_cast<int>(columns.size()))
        return;
    const ScheduleColumn& target = columns[static_cast<std::size_t>(column)];
    const core::Appointment before = current->view.appointment;
    core::AppointmentStore store(*session);
    BookingFlow flow(m_setup, this);
    const auto start = flow.startFor(store.clinicTime(), target.date, minuteOfDay);
    if (!start) {
        showResult(flow.error(), !flow.error().isEmpty());
        return;
    }
    core::Appointment proposed = before;
    proposed.startUtcMs = *start;
    if (target.providerId)
        proposed.providerId = *target.providerId;
    if (target.roomColumn)
        proposed.roomId = target.roomId;
    const std::optional<std::string> provider =
        proposed.providerId != before.providerId ? std::optional(proposed.providerId) : std::nullopt;
    const std::optional<std::string> room = target.roomColumn ? proposed.roomId : before.roomId;
    auto moved = flow.run(
        store, proposed, before.id,
        [&](const core::BookingOptions& o) { return store.move(before.id, *start, provider, room, o); }, tr("Move"));
    if (!moved) {
        showResult(flow.error(), !flow.error().isEmpty());
        return;
    }
    m_undo = UndoStep{id,
                      before.startUtcMs,
                      before.providerId,
                      before.roomId,
                      before.minutes,
                      false,
                      tr("move of %1").arg(qs(current->view.patientName))};
    const QString who = qs(current->view.patientName);
    changed(tr("Moved %1 to %2 with %3. Ctrl+Z puts it back.")
                .arg(who, ScheduleText::localTime(moved->startLocal, true), m_setup.providerName(moved->providerId)));
    m_view->selectAppointment(id);
}

void SchedulePage::resizeAppointment(const QString& id, int minutes)
{
    core::Session* session = m_workspace.session();
    const ScheduleItem* current = item(id);
    if (!session || !current)
        return;
    const core::Appointment before = current->view.appointment;
    core::AppointmentStore store(*session);
    BookingFlow flow(m_setup, this);
    core::Appointment proposed = before;
    proposed.minutes = minutes;
    auto resized = flow.run(
        store, proposed, before.id, [&](const core::BookingOptions& o) { return store.resize(before.id, minutes, o); },
        tr("Change"));
    if (!resized) {
        showResult(flow.error(), !flow.error().isEmpty());
        return;
    }
    const QString who = qs(current->view.patientName);
    m_undo = UndoStep{id,   before.startUtcMs,          before.providerId, before.roomId, before.minutes,
                      true, tr("length of %1").arg(who)};
    changed(tr("%1's appointment is now %n minute(s). Ctrl+Z puts it back.", nullptr, minutes).arg(who));
    m_view->selectAppointment(id);
}

void SchedulePage::undoLastMove()
{
    core::Session* session = m_workspace.session();
    if (!session || !m_undo)
        return;
    const UndoStep step = *m_undo;
    core::AppointmentStore store(*session);
    auto current = store.get(ss(step.id));
    if (!current) {
        showResult(ScheduleText::error(current.error()), true);
        m_undo.reset();
        updateControls();
        return;
    }
    BookingFlow flow(m_setup, this);
    core::Appointment proposed = *current;
    proposed.startUtcMs = step.startUtcMs;
    proposed.providerId = step.providerId;
    proposed.roomId = step.roomId;
    proposed.minutes = step.minutes;
    auto undone = flow.run(
        store, proposed, current->id,
        [&](const core::BookingOptions& o) {
            return step.resize ? store.resize(current->id, step.minutes, o)
                               : store.move(current->id, step.startUtcMs, step.providerId, step.roomId, o);
        },
        tr("Undo"));
    if (!undone) {
        showResult(flow.error(), !flow.error().isEmpty());
        return;
    }
    m_undo.reset();
    m_date = ScheduleText::dateOf(undone->startLocal);
    changed(tr("Undone: %1.").arg(step.what));
    m_view->selectAppointment(step.id);
}

void SchedulePage::showActions(const QString& id, int column, int minuteOfDay, const QPoint& globalPos)
{
    if (!id.isEmpty()) {
        if (const ScheduleItem* i = item(id))
            m_actions->showMenu(i->view, globalPos);
        return;
    }
    if (!m_workspace.can(core::Permission::ScheduleWrite))
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("slotMenu"));
    QAction* bookHere = menu.addAction(QIcon(QStringLiteral(":/icons/add.svg")),
                                       tr("&Book at %1…").arg(ScheduleText::time(minuteOfDay)));
    if (menu.exec(globalPos) == bookHere)
        bookAt(column, minuteOfDay);
}

void SchedulePage::findSlot()
{
    FindSlotDialog dialog(m_workspace, m_setup, m_date, this);
    if (dialog.exec() == QDialog::Accepted && dialog.request())
        book(*dialog.request());
}

void SchedulePage::printDaySheet()
{
    const ExportResult result = ScheduleExports::printDaySheets(m_workspace, m_setup, m_date, this);
    if (!result.message.isEmpty())
        showResult(result.message, result.error);
}

void SchedulePage::exportReminderList()
{
    const ExportResult result = ScheduleExports::exportReminderList(m_workspace, m_date, this);
    if (!result.message.isEmpty())
        showResult(result.message, result.error);
}

} // namespace practica::app

#include "MyDayPage.h"

#include "ChartText.h"
#include "ChartWindow.h"
#include "LabInboxDialog.h"
#include "NoteTemplatesDialog.h"
#include "app/gui/common/UiText.h"
#include "app/gui/schedule/ScheduleText.h"
#include "app/gui/shell/Workspace.h"
#include "core/chart/ChartReader.h"
#include "core/schedule/ScheduleSetupStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace practica::app {

namespace {

QTableWidget* table(const QString& name, const QStringList& headers)
{
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()));
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(32);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setAlternatingRowColors(true);
    t->setShowGrid(false);
    t->setTabKeyNavigation(false);
    t->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QString settingsKey(const QString& user)
{
    return QStringLiteral("myDay/provider/") + user;
}

} // namespace

MyDayPage::MyDayPage(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("myDayPage"));
    auto* title = new QLabel(tr("My day"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    m_date = new QLabel;
    m_date->setProperty("role", QStringLiteral("subtle"));
    m_provider = new QComboBox;
    m_provider->setObjectName(QStringLiteral("myDayProvider"));
    m_provider->setMinimumWidth(200);
    m_provider->setAccessibleName(tr("Provider"));
    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(title);
    titles->addWidget(m_date);
    header->addLayout(titles, 1);
    header->addWidget(new QLabel(tr("Schedule of")), 0, Qt::AlignBottom);
    header->addWidget(m_provider, 0, Qt::AlignBottom);

    m_open = new QPushButton(tr("Open chart   Enter"));
    m_open->setObjectName(QStringLiteral("myDayOpenChart"));
    m_open->setProperty("role", QStringLiteral("primary"));
    m_start = new QPushButton(tr("Start visit   S"));
    m_start->setObjectName(QStringLiteral("myDayStartVisit"));
    m_start->setVisible(workspace.can(core::Permission::ClinicalWrite));
    auto* labs = new QPushButton(tr("Lab results…"));
    labs->setObjectName(QStringLiteral("myDayLabs"));
    connect(labs, &QPushButton::clicked, this, [this] {
        LabInboxDialog dialog(m_workspace, this);
        dialog.exec();
        refresh();
    });
    auto* templates = new QPushButton(tr("Note templates…"));
    templates->setObjectName(QStringLiteral("myDayTemplates"));
    connect(templates, &QPushButton::clicked, this, [this] { NoteTemplatesDialog(m_workspace, this).exec(); });
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_open);
    actions->addWidget(m_start);
    actions->addStretch(1);
    actions->addWidget(templates);
    actions->addWidget(labs);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("myDayMessage"));
    m_message->setProperty("role", QStringLiteral("banner"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_patients = table(QStringLiteral("myDayPatients"),
                       {tr("Time"), tr("Patient"), tr("MRN"), tr("Status"), tr("Reason"), tr("Visit"), tr("Notes")});
    m_patients->installEventFilter(this);
    auto* queueTitle = new QLabel(tr("My unsigned notes"));
    queueTitle->setProperty("role", QStringLiteral("sectionTitle"));
    m_unsigned = table(QStringLiteral("myDayUnsigned"), {tr("Written"), tr("Patient"), tr("Kind")});
    m_unsigned->setMaximumHeight(220);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addLayout(actions);
    layout->addWidget(m_patients, 1);
    layout->addWidget(queueTitle);
    layout->addWidget(m_unsigned);

    connect(m_provider, &QComboBox::activated, this, [this] {
        QSettings().setValue(settingsKey(qs(m_workspace.actor().username)), m_provider->currentData());
        refresh();
    });
    connect(m_open, &QPushButton::clicked, this, [this] { openSelectedChart(); });
    connect(m_start, &QPushButton::clicked, this, [this] { startSelectedVisit(); });
    connect(m_patients, &QTableWidget::cellActivated, this, [this] { openSelectedChart(); });
    connect(m_unsigned, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (row >= 0 && row < static_cast<int>(m_queue.size()))
            if (ChartWindow* chart = openChart(m_queue[static_cast<std::size_t>(row)].patientId))
                chart->openNote(m_queue[static_cast<std::size_t>(row)].id);
    });
}

bool MyDayPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_patients && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            openSelectedChart();
            return true;
        }
        if (key->key() == Qt::Key_S && key->modifiers() == Qt::NoModifier) {
            startSelectedVisit();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MyDayPage::showError(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void MyDayPage::refresh()
{
    core::Session* s = m_workspace.session();
    if (!s)
        return;
    const std::string today = m_workspace.todayIso();
    m_date->setText(tr("Today, %1").arg(ScheduleText::longDate(today)));
    if (m_provider->count() == 0) {
        if (auto providers = core::ScheduleSetupStore(*s).providers()) {
            for (const auto& p : *providers)
                if (p.active)
                    m_provider->addItem(qs(p.name), qs(p.id));
            // The provider this user chose here before, else the one named like them.
            const QVariant saved = QSettings().value(settingsKey(qs(m_workspace.actor().username)));
            int index = saved.isValid() ? m_provider->findData(saved) : -1;
            if (index < 0)
                index = m_provider->findText(qs(m_workspace.actor().displayName), Qt::MatchContains);
            m_provider->setCurrentIndex(std::max(0, index));
        }
    }
    if (m_provider->count() == 0) {
        showError(tr("No providers yet: an administrator adds them in Schedule setup."));
        return;
    }
    auto day = core::EncounterStore(*s).providerDay(ss(m_provider->currentData().toString()), today);
    if (!day) {
        showError(UiText::error(day.error()));
        return;
    }
    showError({});
    m_day = std::move(*day);
    m_patients->setRowCount(static_cast<int>(m_day.size()));
    for (int r = 0; r < static_cast<int>(m_day.size()); ++r) {
        const core::DayPatient& d = m_day[static_cast<std::size_t>(r)];
        QString visit = d.encounter ? ChartText::status(d.encounter->status) : QString();
        QString notes = d.unsignedNotes > 0 ? tr("%n unsigned", nullptr, d.unsignedNotes) : QString();
        const QStringList cells = {ScheduleText::localTime(d.appointment.startLocal),
                                   qs(d.patientName),
                                   qs(d.mrn),
                                   ScheduleText::status(d.appointment.status),
                                   qs(d.appointment.reason),
                                   visit,
                                   notes};
        for (int c = 0; c < static_cast<int>(cells.size()); ++c)
            m_patients->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    m_patients->resizeColumnsToContents();
    if (m_patients->currentRow() < 0 && !m_day.empty())
        m_patients->selectRow(0);

    auto queue = core::NoteStore(*s).unsignedBy(s->actor().userId);
    if (!queue) {
        showError(UiText::error(queue.error()));
        return;
    }
    m_queue = std::move(*queue);
    std::map<std::string, QString> names;
    for (const auto& d : m_day)
        names[d.appointment.patientId] = qs(d.patientName);
    m_unsigned->setRowCount(static_cast<int>(m_queue.size()));
    for (int r = 0; r < static_cast<int>(m_queue.size()); ++r) {
        const core::ClinicalNote& n = m_queue[static_cast<std::size_t>(r)];
        QString patient = names.count(n.patientId) ? names[n.patientId] : QString();
        if (patient.isEmpty())
            if (auto header = core::ChartReader(*s).header(n.patientId))
                patient = qs(header->patient.familyName + ", " + header->patient.givenName);
        m_unsigned->setItem(r, 0, new QTableWidgetItem(ChartText::dateTime(n.createdAtMs, m_workspace.timeZone())));
        m_unsigned->setItem(r, 1, new QTableWidgetItem(patient));
        m_unsigned->setItem(r, 2, new QTableWidgetItem(ChartText::noteKind(n)));
    }
    m_unsigned->resizeColumnsToContents();
}

ChartWindow* MyDayPage::openChart(const std::string& patientId)
{
    auto* chart = new ChartWindow(m_workspace, patientId);
    connect(chart, &ChartWindow::statusMessage, this, &MyDayPage::statusMessage);
    connect(chart, &QObject::destroyed, this, [this] { refresh(); });
    chart->show();
    return chart;
}

ChartWindow* MyDayPage::openSelectedChart()
{
    const int row = m_patients->currentRow();
    if (row < 0 || row >= static_cast<int>(m_day.size()))
        return nullptr;
    return openChart(m_day[static_cast<std::size_t>(row)].appointment.patientId);
}

ChartWindow* MyDayPage::startSelectedVisit()
{
    core::Session* s = m_workspace.session();
    const int row = m_patients->currentRow();
    if (!s || row < 0 || row >= static_cast<int>(m_day.size()))
        return nullptr;
    const core::DayPatient& d = m_day[static_cast<std::size_t>(row)];
    auto visit = core::EncounterStore(*s).startFromAppointment(d.appointment.id);
    if (!visit) {
        showError(UiText::error(visit.error()));
        return nullptr;
    }
    refresh();
    return openChart(visit->patientId);
}

} // namespace practica::app

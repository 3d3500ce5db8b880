#include "WorkingHoursEditor.h"

#include "ScheduleText.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/schedule/ScheduleSetupStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>
#include <algorithm>

namespace practica::app {

WorkingHoursEditor::WorkingHoursEditor(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("workingHoursEditor"));
    m_provider = new QComboBox;
    m_provider->setObjectName(QStringLiteral("hoursProvider"));
    m_provider->setMinimumWidth(220);
    auto* weekdays = new QPushButton(tr("Mon–Fri 8:00–5:00, lunch 12–1"));
    weekdays->setObjectName(QStringLiteral("hoursTemplateButton"));
    weekdays->setToolTip(tr("Replace the rows below with a usual office week"));
    auto* addWork = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add &hours"));
    auto* addBreak = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add &break"));
    auto* remove = new QPushButton(tr("&Remove row"));
    auto* save = new QPushButton(QIcon(QStringLiteral(":/icons/save.svg")), tr("&Save hours"));
    save->setObjectName(QStringLiteral("saveHoursButton"));
    save->setProperty("role", QStringLiteral("primary"));
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Provider:")));
    top->addWidget(m_provider);
    top->addStretch();
    top->addWidget(weekdays);
    m_table = new QTableWidget(0, 4);
    m_table->setObjectName(QStringLiteral("hoursTable"));
    m_table->setHorizontalHeaderLabels({tr("Day"), tr("From"), tr("To"), tr("Break")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(36);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(addWork);
    bottom->addWidget(addBreak);
    bottom->addWidget(remove);
    bottom->addStretch();
    bottom->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(m_provider, &QComboBox::currentIndexChanged, this, &WorkingHoursEditor::load);
    connect(weekdays, &QPushButton::clicked, this, &WorkingHoursEditor::fillWeekdays);
    connect(addWork, &QPushButton::clicked, this, [this] { addRow({}); });
    connect(addBreak, &QPushButton::clicked, this, [this] {
        core::WorkingHours h;
        h.startMinute = 12 * 60;
        h.endMinute = 13 * 60;
        h.isBreak = true;
        addRow(h);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    connect(save, &QPushButton::clicked, this, &WorkingHoursEditor::save);
}

void WorkingHoursEditor::setProviders(const std::vector<core::Provider>& providers)
{
    const QString keep = m_provider->currentData().toString();
    const QSignalBlocker block(m_provider);
    m_provider->clear();
    for (const auto& p : providers)
        if (p.active)
            m_provider->addItem(qs(p.name), qs(p.id));
    m_provider->setCurrentIndex(std::max(0, m_provider->findData(keep)));
    load();
}

void WorkingHoursEditor::addRow(const core::WorkingHours& h)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* day = new QComboBox;
    for (int d = 1; d <= 7; ++d)
        day->addItem(ScheduleText::weekday(d), d);
    day->setCurrentIndex(std::clamp(h.weekday, 1, 7) - 1);
    auto* from = new QTimeEdit(QTime(h.startMinute / 60, h.startMinute % 60));
    auto* to = new QTimeEdit(h.endMinute >= 24 * 60 ? QTime(23, 59) : QTime(h.endMinute / 60, h.endMinute % 60));
    for (QTimeEdit* t : {from, to}) {
        t->setDisplayFormat(QStringLiteral("h:mm AP"));
        t->setTime(QTime(t->time().hour(), t->time().minute() / 5 * 5));
    }
    auto* isBreak = new QCheckBox;
    isBreak->setChecked(h.isBreak);
    m_table->setCellWidget(row, 0, day);
    m_table->setCellWidget(row, 1, from);
    m_table->setCellWidget(row, 2, to);
    m_table->setCellWidget(row, 3, isBreak);
}

void WorkingHoursEditor::fillWeekdays()
{
    m_table->setRowCount(0);
    for (int d = 1; d <= 5; ++d) {
        addRow({{}, {}, d, 8 * 60, 17 * 60, false});
        addRow({{}, {}, d, 12 * 60, 13 * 60, true});
    }
}

void WorkingHoursEditor::load()
{
    core::Session* session = m_workspace.session();
    m_table->setRowCount(0);
    if (!session || m_provider->currentIndex() < 0)
        return;
    auto hours = core::ScheduleSetupStore(*session).workingHours(ss(m_provider->currentData().toString()));
    if (!hours) {
        Q_EMIT failed(ScheduleText::error(hours.error()));
        return;
    }
    std::sort(hours->begin(), hours->end(), [](const core::WorkingHours& a, const core::WorkingHours& b) {
        return std::tie(a.weekday, a.startMinute) < std::tie(b.weekday, b.startMinute);
    });
    for (const auto& h : *hours)
        addRow(h);
}

void WorkingHoursEditor::save()
{
    core::Session* session = m_workspace.session();
    if (!session || m_provider->currentIndex() < 0)
        return;
    const std::string providerId = ss(m_provider->currentData().toString());
    std::vector<core::WorkingHours> hours;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        core::WorkingHours h;
        h.providerId = providerId;
        h.weekday = qobject_cast<QComboBox*>(m_table->cellWidget(row, 0))->currentData().toInt();
        const QTime from = qobject_cast<QTimeEdit*>(m_table->cellWidget(row, 1))->time();
        const QTime to = qobject_cast<QTimeEdit*>(m_table->cellWidget(row, 2))->time();
        h.startMinute = from.hour() * 60 + from.minute();
        h.endMinute = to.hour() * 60 + to.minute();
        h.isBreak = qobject_cast<QCheckBox*>(m_table->cellWidget(row, 3))->isChecked();
        if (h.endMinute <= h.startMinute) {
            Q_EMIT failed(tr("Row %1 ends before it starts.").arg(row + 1));
            return;
        }
        hours.push_back(h);
    }
    if (auto s = core::ScheduleSetupStore(*session).setWorkingHours(providerId, hours); !s) {
        Q_EMIT failed(ScheduleText::error(s.error()));
        return;
    }
    Q_EMIT saved(tr("The working hours of %1 were saved.").arg(m_provider->currentText()));
}

} // namespace practica::app

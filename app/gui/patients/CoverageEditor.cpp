#include "CoverageEditor.h"

#include "CoverageDialog.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/patients/CoverageStore.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace practica::app {

CoverageEditor::CoverageEditor(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("coverageEditor"));
    m_add = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("&Add policy…"));
    m_add->setObjectName(QStringLiteral("addCoverageButton"));
    m_edit = new QPushButton(QIcon(QStringLiteral(":/icons/edit.svg")), tr("&Edit…"));
    m_edit->setObjectName(QStringLiteral("editCoverageButton"));
    m_deactivate = new QPushButton(QIcon(QStringLiteral(":/icons/deactivate.svg")), tr("Dea&ctivate"));
    m_deactivate->setObjectName(QStringLiteral("deactivateCoverageButton"));
    m_showInactive = new QCheckBox(tr("Show &inactive policies"));
    m_showInactive->setObjectName(QStringLiteral("showInactiveCoverage"));
    const bool canWrite = workspace.can(core::Permission::CoverageWrite);
    m_add->setVisible(canWrite);
    m_edit->setVisible(canWrite);
    m_deactivate->setVisible(canWrite);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_add);
    bar->addWidget(m_edit);
    bar->addWidget(m_deactivate);
    bar->addStretch();
    bar->addWidget(m_showInactive);

    m_table = new QTableWidget(0, 8);
    m_table->setObjectName(QStringLiteral("coverageTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Rank"), tr("Payer"), tr("Member ID"), tr("Group"), tr("Plan"), tr("Effective"), tr("Ends"), tr("Status")});
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

    m_empty = new QLabel(tr("No insurance on file: the patient is self-pay until a policy is added."));
    m_empty->setObjectName(QStringLiteral("coverageEmptyLabel"));
    m_empty->setProperty("role", QStringLiteral("subtle"));
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("coverageError"));
    m_error->setProperty("role", QStringLiteral("banner"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);

    connect(m_add, &QPushButton::clicked, this, &CoverageEditor::addCoverage);
    connect(m_edit, &QPushButton::clicked, this, &CoverageEditor::editCoverage);
    connect(m_deactivate, &QPushButton::clicked, this, &CoverageEditor::deactivateCoverage);
    connect(m_showInactive, &QCheckBox::toggled, this, &CoverageEditor::reload);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &CoverageEditor::updateButtons);
    connect(m_table, &QTableWidget::activated, this, [this] {
        if (m_workspace.can(core::Permission::CoverageWrite))
            editCoverage();
    });
    updateButtons();
}

void CoverageEditor::setPatient(const QString& patientId, const QString& displayName)
{
    m_patientId = patientId;
    m_patientName = displayName;
    reload();
}

void CoverageEditor::reload()
{
    m_rows.clear();
    m_table->setRowCount(0);
    m_error->hide();
    core::Session* session = m_workspace.session();
    if (!session || m_patientId.isEmpty() || !m_workspace.can(core::Permission::CoverageRead)) {
        updateButtons();
        return;
    }
    auto policies = core::CoverageStore(*session).forPatient(m_patientId.toStdString(), m_showInactive->isChecked());
    if (!policies) {
        m_error->setText(UiText::error(policies.error()));
        m_error->show();
        updateButtons();
        return;
    }
    m_rows = std::move(*policies);
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    for (int row = 0; row < static_cast<int>(m_rows.size()); ++row) {
        const core::Coverage& c = m_rows[static_cast<std::size_t>(row)];
        const QStringList cells = {UiText::coverageRank(c.rank),
                                   qs(c.payerName),
                                   qs(c.memberId),
                                   qs(c.groupNumber),
                                   qs(c.planName),
                                   UiText::usDate(c.effectiveDate),
                                   c.endDate ? UiText::usDate(*c.endDate) : QString(),
                                   c.active ? tr("Active") : tr("Inactive")};
        for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            if (!c.active)
                item->setForeground(QColor(0x94a3b8));
            m_table->setItem(row, col, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    if (!m_rows.empty())
        m_table->selectRow(0);
    updateButtons();
}

const core::Coverage* CoverageEditor::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_rows.size()) || m_table->selectedItems().isEmpty())
        return nullptr;
    return &m_rows[static_cast<std::size_t>(row)];
}

void CoverageEditor::updateButtons()
{
    const core::Coverage* c = selected();
    m_add->setEnabled(!m_patientId.isEmpty());
    m_edit->setEnabled(c != nullptr);
    m_deactivate->setEnabled(c != nullptr && c->active);
    m_empty->setVisible(m_rows.empty() && !m_patientId.isEmpty());
    m_table->setVisible(!m_rows.empty());
}

void CoverageEditor::addCoverage()
{
    core::Coverage coverage;
    coverage.patientId = m_patientId.toStdString();
    coverage.rank = "primary";
    for (const core::Coverage& c : m_rows)
        if (c.active && c.rank == "primary")
            coverage.rank = "secondary";
    CoverageDialog dialog(m_workspace, coverage, m_patientName, this);
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

void CoverageEditor::editCoverage()
{
    const core::Coverage* c = selected();
    if (!c)
        return;
    CoverageDialog dialog(m_workspace, *c, m_patientName, this);
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

void CoverageEditor::deactivateCoverage()
{
    const core::Coverage* c = selected();
    core::Session* session = m_workspace.session();
    if (!c || !session)
        return;
    const auto answer =
        QMessageBox::question(this, tr("Deactivate policy"),
                              tr("Deactivate the %1 policy with %2 (member ID %3)? It stays on file as inactive.")
                                  .arg(UiText::coverageRank(c->rank).toLower(), qs(c->payerName), qs(c->memberId)));
    if (answer != QMessageBox::Yes)
        return;
    if (core::Status s = core::CoverageStore(*session).deactivate(c->id); !s) {
        m_error->setText(UiText::error(s.error()));
        m_error->show();
        return;
    }
    reload();
}

} // namespace practica::app

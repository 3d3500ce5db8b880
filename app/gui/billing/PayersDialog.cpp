#include "PayersDialog.h"

#include "BillingText.h"
#include "app/gui/common/UiText.h"
#include "app/gui/patients/PayerDialog.h"
#include "app/gui/shell/Workspace.h"
#include "core/patients/CoverageStore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace practica::app {

PayersDialog::PayersDialog(Workspace& workspace, QWidget* parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("payersDialog"));
    setWindowTitle(tr("Payers"));
    m_table = new QTableWidget(0, 4);
    m_table->setObjectName(QStringLiteral("payersTable"));
    m_table->setHorizontalHeaderLabels({tr("Payer"), tr("Payer ID"), tr("Claims go as"), tr("Timely filing")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) { editRow(row); });
    auto* hint = new QLabel(tr("What a payer's claims say it is, and how long after the visit it takes them. "
                               "Double-click a payer to change it."));
    hint->setProperty("role", QStringLiteral("subtle"));
    hint->setWordWrap(true);
    auto* add = new QPushButton(tr("New payer…"));
    add->setObjectName(QStringLiteral("payersNew"));
    connect(add, &QPushButton::clicked, this, [this] {
        PayerDialog dialog(m_workspace, this);
        if (dialog.exec() == QDialog::Accepted)
            refresh();
    });
    auto* change = new QPushButton(tr("Edit…"));
    change->setObjectName(QStringLiteral("payersEdit"));
    connect(change, &QPushButton::clicked, this, [this] { editRow(m_table->currentRow()); });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(add, QDialogButtonBox::ActionRole);
    buttons->addButton(change, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(760, 420);
    refresh();
}

void PayersDialog::refresh()
{
    auto payers = core::PayerStore(*m_workspace.session()).list(true);
    if (!payers)
        return;
    m_payers = std::move(*payers);
    m_table->setRowCount(static_cast<int>(m_payers.size()));
    for (int i = 0; i < static_cast<int>(m_payers.size()); ++i) {
        const core::Payer& p = m_payers[static_cast<std::size_t>(i)];
        const QString name = p.active ? qs(p.name) : tr("%1 (inactive)").arg(qs(p.name));
        m_table->setItem(i, 0, new QTableWidgetItem(name));
        m_table->setItem(i, 1, new QTableWidgetItem(qs(p.payerCode)));
        m_table->setItem(i, 2, new QTableWidgetItem(BillingText::filingIndicator(p.filingIndicator)));
        m_table->setItem(i, 3,
                         new QTableWidgetItem(p.timelyFilingDays ? tr("%n day(s)", nullptr, *p.timelyFilingDays)
                                                                 : tr("as the clearinghouse settings say")));
    }
    m_table->resizeColumnsToContents();
}

void PayersDialog::editRow(int row)
{
    if (row < 0 || row >= static_cast<int>(m_payers.size()))
        return;
    PayerDialog dialog(m_workspace, this, m_payers[static_cast<std::size_t>(row)]);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

} // namespace practica::app

#include "ChartTables.h"

#include <QColor>
#include <QHeaderView>
#include <QTableWidget>

namespace practica::app {

QTableWidget* chartTable(const QString& objectName, const QStringList& headers)
{
    auto* t = new QTableWidget(0, static_cast<int>(headers.size()));
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(30);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setAlternatingRowColors(true);
    t->setShowGrid(false);
    t->setWordWrap(false);
    t->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void fillTable(QTableWidget* table, const std::vector<QStringList>& rows, const std::vector<bool>& flags)
{
    table->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r)
        for (int c = 0; c < static_cast<int>(rows[r].size()); ++c) {
            auto* item = new QTableWidgetItem(rows[r][c]);
            if (r < static_cast<int>(flags.size()) && flags[r])
                item->setForeground(QColor(QStringLiteral("#b42318")));
            table->setItem(r, c, item);
        }
    table->resizeColumnsToContents();
}

} // namespace practica::app

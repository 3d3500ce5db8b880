// The chart's read-only tables: one look for every list of records (whole rows selected, no grid, left
// headers), and rows filled in one go with out-of-range ones in the warning colour.
#pragma once

#include <QStringList>
#include <vector>

class QTableWidget;

namespace practica::app {

QTableWidget* chartTable(const QString& objectName, const QStringList& headers);
// Fills a table; a row whose `flag` is set is shown in the warning colour.
void fillTable(QTableWidget* table, const std::vector<QStringList>& rows, const std::vector<bool>& flags = {});

} // namespace practica::app

// The billing workbench's tables and cells, made alike on the page and in its dialogs.
#pragma once

#include "app/gui/chart/ChartTables.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QStringList>
#include <QTableWidget>

namespace practica::app {

// The chart's table look (ChartTables), for lists of claims and visits alike.
inline QTableWidget* table(const QString& name, const QStringList& headers)
{
    return chartTable(name, headers);
}

inline QTableWidgetItem* cell(const QString& text)
{
    return new QTableWidgetItem(text);
}

} // namespace practica::app

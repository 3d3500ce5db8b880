// One provider's weekly template: work intervals and breaks per weekday, saved as a whole.
#pragma once

#include "core/model/Schedule.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;

namespace practica::app {

class Workspace;

class WorkingHoursEditor : public QWidget
{
    Q_OBJECT

public:
    explicit WorkingHoursEditor(Workspace& workspace, QWidget* parent = nullptr);
    void setProviders(const std::vector<core::Provider>& providers);

Q_SIGNALS:
    void saved(const QString& message);
    void failed(const QString& message);

private:
    void load();
    void save();
    void addRow(const core::WorkingHours& hours);
    void fillWeekdays();

    Workspace& m_workspace;
    QComboBox* m_provider;
    QTableWidget* m_table;
};

} // namespace practica::app

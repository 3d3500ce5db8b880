// The open patient's insurance policies: list them, add, edit and deactivate through CoverageDialog.
#pragma once

#include "core/model/Coverage.h"

#include <QWidget>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace practica::app {

class Workspace;

class CoverageEditor : public QWidget
{
    Q_OBJECT

public:
    explicit CoverageEditor(Workspace& workspace, QWidget* parent = nullptr);

    void setPatient(const QString& patientId, const QString& displayName);
    void reload();

private:
    void addCoverage();
    void editCoverage();
    void deactivateCoverage();
    void updateButtons();
    const core::Coverage* selected() const;

    Workspace& m_workspace;
    QString m_patientId;
    QString m_patientName;
    std::vector<core::Coverage> m_rows;
    QTableWidget* m_table;
    QLabel* m_empty;
    QLabel* m_error;
    QCheckBox* m_showInactive;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_deactivate;
};

} // namespace practica::app

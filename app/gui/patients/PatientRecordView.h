// One open patient: a header with who they are, and tabs for demographics and coverage.
#pragma once

#include "core/model/Patient.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace practica::app {

class ChartWindow;
class CoverageEditor;
class PatientForm;
class Workspace;

class PatientRecordView : public QWidget
{
    Q_OBJECT

public:
    explicit PatientRecordView(Workspace& workspace, QWidget* parent = nullptr);

    void showPatient(const core::Patient& patient);
    void startRegistration();
    PatientForm* form() const { return m_form; }
    // Asks before throwing away unsaved edits; true when it is fine to leave.
    bool confirmLeave();
    // The patient's chart in its own window (clinicians).
    ChartWindow* openChart(const std::string& patientId);

Q_SIGNALS:
    void backRequested();
    void patientSaved(const core::Patient& patient, bool registered);
    void openExistingRequested(const QString& patientId);

private:
    void updateHeader(const core::Patient& patient);

    Workspace& m_workspace;
    QLabel* m_name;
    QLabel* m_details;
    QLabel* m_status;
    QTabWidget* m_tabs;
    PatientForm* m_form;
    CoverageEditor* m_coverage;
    QPushButton* m_openChart;
    QString m_patientId;
};

} // namespace practica::app

// The Patients screen: the search list, and the open patient's record in its place.
#pragma once

#include <QWidget>

class QStackedWidget;

namespace practica::app {

class PatientListView;
class PatientRecordView;
class Workspace;

class PatientsPage : public QWidget
{
    Q_OBJECT

public:
    explicit PatientsPage(Workspace& workspace, QWidget* parent = nullptr);

    void newPatient();
    void focusSearch();
    void openPatient(const QString& patientId);
    // Runs the list's search again when the list is showing (new records arrived); an open record is left alone.
    void refreshList();
    PatientRecordView* recordView() const { return m_record; }

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    void showList();

    Workspace& m_workspace;
    QStackedWidget* m_stack;
    PatientListView* m_list;
    PatientRecordView* m_record;
};

} // namespace practica::app

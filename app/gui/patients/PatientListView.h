// Finding a patient: search as you type (names like "smi jo", a date of birth, an MRN or a phone number).
#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace practica::app {

class PatientSearchModel;
class Workspace;

class PatientListView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDebounceMs = 150;

    explicit PatientListView(Workspace& workspace, QWidget* parent = nullptr);

    void focusSearch();
    // Runs the current search again (after a save, or when the workstation unlocks).
    void refresh();
    void clearResults();

Q_SIGNALS:
    void openRequested(const QString& patientId);
    void newPatientRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    static QString idleHint();
    void runSearch();
    void openCurrent();

    Workspace& m_workspace;
    QLineEdit* m_search;
    QTableView* m_table;
    PatientSearchModel* m_model;
    QLabel* m_hint;
    QPushButton* m_newPatient;
    QTimer m_debounce;
};

} // namespace practica::app

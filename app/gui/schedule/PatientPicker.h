// Finds a patient inline as the desk types (name, date of birth, MRN or phone) and shows who was picked.
#pragma once

#include <QWidget>
#include <optional>
#include <string>

class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;

namespace practica::app {

class Workspace;

class PatientPicker : public QWidget
{
    Q_OBJECT

public:
    // objectNamePrefix: "booking" gives bookingPatientSearch, bookingPatientResults, bookingPatientChosen.
    PatientPicker(Workspace& workspace, const QString& objectNamePrefix, QWidget* parent = nullptr);

    void setPatient(const std::string& id, const QString& name);
    const std::optional<std::string>& patientId() const { return m_patientId; }
    QString patientName() const { return m_name; }
    void focusSearch();

Q_SIGNALS:
    void patientChosen();
    void failed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search();
    void choose();

    Workspace& m_workspace;
    std::optional<std::string> m_patientId;
    QString m_name;
    QLineEdit* m_search;
    QListWidget* m_results;
    QLabel* m_chosen;
    QTimer* m_timer;
};

} // namespace practica::app

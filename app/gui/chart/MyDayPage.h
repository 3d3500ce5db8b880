// A clinician's home screen: their day. Today's patients from the schedule (the provider chosen here is
// remembered on this workstation), what is done of each visit, and their own unsigned notes; Enter opens
// the chart, S starts the visit of an arrived patient.
#pragma once

#include "core/chart/EncounterStore.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace practica::app {

class ChartWindow;
class Workspace;

class MyDayPage : public QWidget
{
    Q_OBJECT

public:
    explicit MyDayPage(Workspace& workspace, QWidget* parent = nullptr);
    void refresh();
    // Opens the chart of the selected patient (or of a patient by id).
    ChartWindow* openChart(const std::string& patientId);
    ChartWindow* openSelectedChart();
    // Starts the selected arrived patient's visit and opens the chart on it.
    ChartWindow* startSelectedVisit();
    QTableWidget* patients() const { return m_patients; }
    QTableWidget* unsignedNotes() const { return m_unsigned; }

Q_SIGNALS:
    void statusMessage(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showError(const QString& text);

    Workspace& m_workspace;
    std::vector<core::DayPatient> m_day;
    std::vector<core::ClinicalNote> m_queue;
    QComboBox* m_provider;
    QLabel* m_date;
    QLabel* m_message;
    QTableWidget* m_patients;
    QTableWidget* m_unsigned;
    QPushButton* m_open;
    QPushButton* m_start;
};

} // namespace practica::app

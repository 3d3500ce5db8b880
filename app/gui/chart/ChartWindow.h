// A patient's chart, in its own window: a header that always shows who the patient is and their allergy
// banner ("No known allergies" and "Allergies not recorded" look different from a list of allergies),
// and tabs for the summary, visits and notes, problems, medications, allergies, vital signs (with a trend
// chart), labs, immunizations and the timeline. Opening it is an audited read of the chart.
#pragma once

#include "ChartPrint.h"
#include "core/chart/ChartReader.h"

#include <QWidget>
#include <functional>
#include <string>
#include <vector>

class QChartView;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace practica::app {

class NoteEditor;
class VitalsTab;
class Workspace;

class ChartWindow : public QWidget
{
    Q_OBJECT

public:
    ChartWindow(Workspace& workspace, std::string patientId, QWidget* parent = nullptr);
    const std::string& patientId() const { return m_patientId; }
    // Reads the chart again (after a save here or a sync).
    void refresh();
    QString bannerText() const;
    QTabWidget* tabs() const { return m_tabs; }

    // The actions behind the buttons, for the keyboard and for tests: each opens its form or editor.
    NoteEditor* openNote(const std::string& noteId);
    NoteEditor* newNote(const std::string& encounterId);
    NoteEditor* newAddendum(const std::string& noteId);
    // The visit a new note or vital signs belong to: the selected one, else today's open one.
    std::string currentEncounterId() const;
    // Writes the patient summary, or the selected visit's summary, as a PDF.
    bool printPatientSummary(const QString& path);
    bool printVisitSummary(const std::string& encounterId, const QString& path);
    // What the printouts are made of: the records this window has loaded.
    ChartPrintout printout() const;

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    QWidget* buildHeader();
    QWidget* buildSummaryTab();
    QWidget* buildVisitsTab();
    QWidget* buildListTab(QTableWidget*& table, const QStringList& headers, const QString& addText,
                          const std::function<void()>& add, const std::function<void(int)>& edit,
                          QWidget* extra = nullptr);
    void fillHeader();
    void fillSummary();
    void fillVisits();
    void fillLists();
    void fillTimeline();
    void startWalkIn();
    void addVitals();
    void showError(const QString& text);
    NoteEditor* showEditor(core::ClinicalNote note);

    Workspace& m_workspace;
    std::string m_patientId;
    core::ChartSummary m_summary;
    std::map<std::string, std::string> m_staff;
    std::vector<core::Encounter> m_encounters;
    std::vector<core::ClinicalNote> m_notes;
    std::vector<core::Problem> m_problems;
    std::vector<core::Medication> m_medications;
    std::vector<core::Allergy> m_allergies;
    std::vector<core::VitalSigns> m_vitals;
    std::vector<core::LabResult> m_labs;
    std::vector<core::Immunization> m_immunizations;

    QLabel* m_name;
    QLabel* m_details;
    QLabel* m_banner;
    QLabel* m_message;
    QTabWidget* m_tabs;
    QLabel* m_summaryText;
    QTreeWidget* m_visits;
    QTableWidget* m_problemTable = nullptr;
    QTableWidget* m_medicationTable = nullptr;
    QTableWidget* m_allergyTable = nullptr;
    QTableWidget* m_labTable = nullptr;
    QTableWidget* m_immunizationTable = nullptr;
    QTableWidget* m_timelineTable = nullptr;
    VitalsTab* m_vitalsTab = nullptr;
    QPushButton* m_noKnownAllergies = nullptr;
};

} // namespace practica::app

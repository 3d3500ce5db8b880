// The biller's workbench: visits ready to bill (signed, no claim yet) with "Build claim…", the claims by
// state, and the selected claim: its diagnoses and lines (editable until it is sent), what the scrubber
// finds (double-click a finding to go to its field), its history with the clearinghouse's and payers'
// answers in words, and the actions: mark ready, queue, send the queued claims to the clearinghouse (with a
// progress bar) and export an 837 file.
#pragma once

#include "core/billing/ClaimStore.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTimer;

namespace practica::app {

class Workspace;

class BillingPage : public QWidget
{
    Q_OBJECT

public:
    explicit BillingPage(Workspace& workspace, QWidget* parent = nullptr);
    void refresh();

    // For tests and shortcuts: the parts a person works with.
    QTableWidget* visits() const { return m_visits; }
    QTableWidget* claims() const { return m_claims; }
    QTableWidget* lines() const { return m_lines; }
    QListWidget* findings() const { return m_findings; }
    QListWidget* history() const { return m_history; }
    QLineEdit* diagnoses() const { return m_diagnoses; }
    // Selects a claim by its patient control number.
    bool selectClaim(const std::string& patientControlNumber);
    void buildClaimForSelectedVisit();
    void saveClaim();
    void markReady();
    void queue();
    // A replacement of the selected claim that was sent, as a new draft to fix and send.
    void replace();
    void sendQueued();
    void editClearinghouse();
    // What the schedule runs (every few minutes while the workstation is unlocked, with the remembered
    // password): queued claims out and the clearinghouse's answers in, without asking anything.
    void sendOnSchedule();
    // Goes to the field of the finding at row: a line's cell, the diagnoses, or says where to fix it.
    void jumpToFinding(int row);

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    void showClaim();
    // Sends and fetches with the password given; interactive shows a progress bar and the outcome.
    void transmit(const std::string& password, bool interactive);
    void showError(const QString& text);
    const core::ClaimSummary* selected() const;

    Workspace& m_workspace;
    std::vector<std::string> m_visitIds;
    std::vector<core::ClaimSummary> m_rows;
    std::vector<core::ClaimLine> m_lineRows;
    std::vector<core::ScrubFinding> m_findingRows;
    QComboBox* m_state;
    QLabel* m_message;
    QLabel* m_claimTitle;
    QTableWidget* m_visits;
    QTableWidget* m_claims;
    QTableWidget* m_lines;
    QLineEdit* m_diagnoses;
    QLineEdit* m_payerNumber;
    QListWidget* m_findings;
    QListWidget* m_history;
    QPushButton* m_build;
    QPushButton* m_save;
    QPushButton* m_ready;
    QPushButton* m_queue;
    QPushButton* m_replace;
    QPushButton* m_send;
    QTimer* m_schedule;
};

} // namespace practica::app

// Lab results that arrive as HL7 files: import a file (each message filed under its patient, or set aside
// with its reason), and work the messages set aside: file one under a patient the clinician chooses, or
// discard it.
#pragma once

#include "core/chart/LabImport.h"

#include <QDialog>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace practica::app {

class Workspace;

class LabInboxDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LabInboxDialog(Workspace& workspace, QWidget* parent = nullptr);
    // Imports a file and says what happened; false when nothing could be read or written.
    bool importFile(const QString& path);
    void reload();
    QTableWidget* heldTable() const { return m_table; }
    QString reportText() const;
    // Why a message was set aside, in a sentence.
    static QString reason(const std::string& code, const core::ErrorParams& params);

private:
    void fileSelected();
    void discardSelected();
    const core::HeldLabMessage* selected() const;

    Workspace& m_workspace;
    std::vector<core::HeldLabMessage> m_held;
    QLabel* m_report;
    QTableWidget* m_table;
    QPushButton* m_file;
    QPushButton* m_discard;
};

} // namespace practica::app

// The clinic's note templates, one per visit type, edited by clinicians: what a new note of that visit
// type starts with. The fields in double braces ({{age}}, {{sex}}, {{vitals}}, {{problems}},
// {{allergies}}, {{medications}}) are filled in when a note is started.
#pragma once

#include "core/model/Chart.h"

#include <QDialog>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace practica::app {

class Workspace;

class NoteTemplatesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NoteTemplatesDialog(Workspace& workspace, QWidget* parent = nullptr);
    // Shows the template of a visit type (a key of ChartText::visitTypeKeys).
    void showVisitType(const QString& key);
    bool save();

private:
    void load();

    Workspace& m_workspace;
    std::vector<core::NoteTemplate> m_templates;
    QComboBox* m_visitType;
    QLineEdit* m_name;
    QPlainTextEdit* m_subjective;
    QPlainTextEdit* m_objective;
    QPlainTextEdit* m_assessment;
    QPlainTextEdit* m_plan;
    QLabel* m_message;
};

} // namespace practica::app

// Writing a note: the four SOAP sections (or an addendum's text) as plain text, keyboard first. Ctrl+S
// saves the draft, Ctrl+Return signs it after a confirmation (a signed note never changes; corrections
// are addenda). A signed note opens read-only with its signature and "Add addendum".
#pragma once

#include "core/model/Chart.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace practica::app {

class Workspace;

class NoteEditor : public QDialog
{
    Q_OBJECT

public:
    NoteEditor(Workspace& workspace, core::ClinicalNote note, const QString& title, QWidget* parent = nullptr);
    const core::ClinicalNote& note() const { return m_note; }
    bool save();
    // Signs after asking; `confirm` false signs without the question (tests answer it themselves).
    bool sign(bool confirm = true);

Q_SIGNALS:
    void noteChanged();
    void addendumRequested(const QString& noteId);

protected:
    void reject() override;

private:
    void showNote();
    void showError(const QString& text);
    core::ClinicalNote edited() const;
    bool dirty() const;
    // Fills the draft again from the template chosen in the list, after asking when text would be lost.
    void chooseTemplate(int index);

    Workspace& m_workspace;
    core::ClinicalNote m_note;
    QLabel* m_state;
    QLabel* m_message;
    QComboBox* m_template;
    QPlainTextEdit* m_subjective;
    QPlainTextEdit* m_objective;
    QPlainTextEdit* m_assessment;
    QPlainTextEdit* m_plan;
    QPlainTextEdit* m_body;
    QPushButton* m_save;
    QPushButton* m_sign;
    QPushButton* m_addendum;
};

} // namespace practica::app

#include "NoteEditor.h"

#include "ChartText.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/chart/ChartReader.h"
#include "core/chart/EncounterStore.h"
#include "core/chart/NoteTemplates.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace practica::app {

namespace {

QPlainTextEdit* section(const QString& objectName, const QString& accessibleName)
{
    auto* edit = new QPlainTextEdit;
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setTabChangesFocus(true); // Tab moves to the next section; the keyboard never leaves the form
    edit->setMinimumHeight(90);
    return edit;
}

std::optional<std::string> textOf(const QPlainTextEdit* edit)
{
    const QString t = edit->toPlainText();
    if (t.trimmed().isEmpty())
        return std::nullopt;
    return t.toStdString();
}

} // namespace

NoteEditor::NoteEditor(Workspace& workspace, core::ClinicalNote note, const QString& title, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_note(std::move(note))
{
    setObjectName(QStringLiteral("noteEditor"));
    setWindowTitle(title);
    resize(760, 720);
    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("noteState"));
    m_state->setProperty("role", QStringLiteral("subtle"));
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("noteMessage"));
    m_message->setProperty("role", QStringLiteral("banner"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_subjective = section(QStringLiteral("noteSubjective"), tr("Subjective"));
    m_objective = section(QStringLiteral("noteObjective"), tr("Objective"));
    m_assessment = section(QStringLiteral("noteAssessment"), tr("Assessment"));
    m_plan = section(QStringLiteral("notePlan"), tr("Plan"));
    m_body = section(QStringLiteral("noteBody"), tr("Addendum"));

    m_template = new QComboBox;
    m_template->setObjectName(QStringLiteral("noteTemplate"));
    m_template->setAccessibleName(tr("Note template"));
    if (core::Session* s = m_workspace.session())
        if (auto templates = core::NoteTemplateStore(*s).effective())
            for (const core::NoteTemplate& t : *templates)
                m_template->addItem(qs(t.name), qs(t.visitType));
    m_template->setCurrentIndex(m_template->findData(qs(m_note.templateKey.value_or(""))));

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    const bool addendum = m_note.kind == "addendum";
    if (addendum) {
        form->addRow(tr("&Addendum"), m_body);
    } else {
        form->addRow(tr("&Template"), m_template);
        form->addRow(tr("&Subjective"), m_subjective);
        form->addRow(tr("&Objective"), m_objective);
        form->addRow(tr("&Assessment"), m_assessment);
        form->addRow(tr("&Plan"), m_plan);
    }
    m_save = new QPushButton(tr("Save draft   Ctrl+S"));
    m_save->setObjectName(QStringLiteral("noteSave"));
    m_sign = new QPushButton(tr("Sign…   Ctrl+Enter"));
    m_sign->setObjectName(QStringLiteral("noteSign"));
    m_sign->setProperty("role", QStringLiteral("primary"));
    m_addendum = new QPushButton(tr("Add addendum…"));
    m_addendum->setObjectName(QStringLiteral("noteAddendum"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_addendum, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    buttons->addButton(m_sign, QDialogButtonBox::ActionRole);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_message);
    layout->addLayout(form, 1);
    layout->addWidget(buttons);

    // The sections this kind of note does not use stay hidden children (a note has no body, an addendum
    // no SOAP sections).
    for (QWidget* e :
         std::initializer_list<QWidget*>{m_template, m_subjective, m_objective, m_assessment, m_plan, m_body})
        if (!e->parent()) {
            e->setParent(this);
            e->hide();
        }
    connect(m_template, &QComboBox::activated, this, &NoteEditor::chooseTemplate);
    connect(buttons, &QDialogButtonBox::rejected, this, &NoteEditor::reject);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_sign, &QPushButton::clicked, this, [this] { sign(); });
    connect(m_addendum, &QPushButton::clicked, this, [this] {
        Q_EMIT addendumRequested(qs(m_note.kind == "addendum" && m_note.addendumTo ? *m_note.addendumTo : m_note.id));
    });
    auto* saveKey = new QShortcut(QKeySequence::Save, this);
    connect(saveKey, &QShortcut::activated, this, [this] { save(); });
    for (const QKeySequence& key : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* signKey = new QShortcut(key, this);
        connect(signKey, &QShortcut::activated, this, [this] { sign(); });
    }
    showNote();
}

void NoteEditor::showNote()
{
    m_subjective->setPlainText(qs(m_note.subjective));
    m_objective->setPlainText(qs(m_note.objective));
    m_assessment->setPlainText(qs(m_note.assessment));
    m_plan->setPlainText(qs(m_note.plan));
    m_body->setPlainText(qs(m_note.body));
    const bool isSigned = m_note.isSigned();
    const bool mine = m_workspace.session() && m_note.authorId == m_workspace.session()->actor().userId;
    for (QPlainTextEdit* e : {m_subjective, m_objective, m_assessment, m_plan, m_body})
        e->setReadOnly(isSigned || !mine);
    m_template->setEnabled(!isSigned && mine);
    m_template->setCurrentIndex(m_template->findData(qs(m_note.templateKey.value_or(""))));
    m_save->setVisible(!isSigned && mine);
    m_sign->setVisible(!isSigned && mine);
    m_addendum->setVisible(isSigned && m_workspace.can(core::Permission::ClinicalWrite));
    QString signer = tr("its author");
    if (core::Session* s = m_workspace.session(); s && m_note.signedBy)
        if (auto names = core::ChartReader(*s).staffNames(); names && names->contains(*m_note.signedBy))
            signer = qs(names->at(*m_note.signedBy));
    QString state = ChartText::signature(m_note, signer, m_workspace.timeZone());
    if (isSigned && !core::NoteStore::contentIntact(m_note))
        state += QStringLiteral("  ") + tr("WARNING: the text no longer matches its signature.");
    else if (!isSigned && !mine)
        state += QStringLiteral("  ") + tr("Only its author can edit or sign it.");
    m_state->setText(state);
    (m_note.kind == "addendum" ? m_body : m_subjective)->setFocus();
}

core::ClinicalNote NoteEditor::edited() const
{
    core::ClinicalNote n = m_note;
    n.subjective = textOf(m_subjective);
    n.objective = textOf(m_objective);
    n.assessment = textOf(m_assessment);
    n.plan = textOf(m_plan);
    n.body = textOf(m_body);
    return n;
}

bool NoteEditor::dirty() const
{
    const core::ClinicalNote n = edited();
    return !m_note.isSigned() && (n.subjective != m_note.subjective || n.objective != m_note.objective ||
                                  n.assessment != m_note.assessment || n.plan != m_note.plan || n.body != m_note.body);
}

void NoteEditor::chooseTemplate(int index)
{
    core::Session* s = m_workspace.session();
    const QString key = m_template->itemData(index).toString();
    if (!s || m_note.isSigned() || key.toStdString() == m_note.templateKey.value_or(""))
        return;
    const core::ClinicalNote n = edited();
    const bool written = n.subjective || n.objective || n.assessment || n.plan;
    if (written &&
        QMessageBox::question(this, tr("Change template"),
                              tr("Fill this note from the %1 template? What its four sections hold now "
                                 "is replaced.")
                                  .arg(m_template->itemText(index)),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
        m_template->setCurrentIndex(m_template->findData(qs(m_note.templateKey.value_or(""))));
        return;
    }
    auto filled = core::NoteStore(*s).applyTemplate(m_note.id, key.toStdString());
    if (!filled) {
        showError(UiText::error(filled.error()));
        return;
    }
    m_note = *filled;
    showError({});
    showNote();
    Q_EMIT noteChanged();
}

void NoteEditor::showError(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

bool NoteEditor::save()
{
    core::Session* s = m_workspace.session();
    if (!s || m_note.isSigned())
        return false;
    const core::ClinicalNote n = edited();
    if (auto saved = core::NoteStore(*s).saveDraft(n); !saved) {
        showError(UiText::error(saved.error()));
        return false;
    }
    m_note = n;
    showError({});
    m_state->setText(tr("Draft saved"));
    Q_EMIT noteChanged();
    return true;
}

bool NoteEditor::sign(bool confirm)
{
    core::Session* s = m_workspace.session();
    if (!s || m_note.isSigned())
        return false;
    if (confirm &&
        QMessageBox::question(this, tr("Sign note"),
                              tr("Sign this %1? A signed note cannot be changed; corrections are added as addenda.")
                                  .arg(ChartText::noteKind(m_note).toLower()),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return false;
    if (dirty() && !save())
        return false;
    auto signedNote = core::NoteStore(*s).sign(m_note.id);
    if (!signedNote) {
        showError(UiText::error(signedNote.error()));
        return false;
    }
    m_note = *signedNote;
    showError({});
    showNote();
    Q_EMIT noteChanged();
    return true;
}

void NoteEditor::reject()
{
    // Closing keeps what was typed: a draft is saved, never lost.
    if (dirty() && !save())
        return;
    QDialog::reject();
}

} // namespace practica::app

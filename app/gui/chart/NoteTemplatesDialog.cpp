#include "NoteTemplatesDialog.h"

#include "ChartText.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/chart/NoteTemplates.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace practica::app {

NoteTemplatesDialog::NoteTemplatesDialog(Workspace& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("noteTemplates"));
    setWindowTitle(tr("Note templates"));
    resize(720, 680);
    m_visitType = FormRows::combo(QStringLiteral("templateVisitType"));
    for (const QString& key : ChartText::visitTypeKeys())
        m_visitType->addItem(ChartText::visitType(key.toStdString()), key);
    m_name = FormRows::lineEdit(QStringLiteral("templateName"));
    auto section = [](const QString& name) {
        auto* e = new QPlainTextEdit;
        e->setObjectName(name);
        e->setTabChangesFocus(true);
        return e;
    };
    m_subjective = section(QStringLiteral("templateSubjective"));
    m_objective = section(QStringLiteral("templateObjective"));
    m_assessment = section(QStringLiteral("templateAssessment"));
    m_plan = section(QStringLiteral("templatePlan"));
    auto* hint = new QLabel(tr("A new note of this visit type starts with this text. {{age}}, {{sex}}, {{vitals}}, "
                               "{{problems}}, {{allergies}} and {{medications}} are filled in from the chart."));
    hint->setWordWrap(true);
    hint->setProperty("role", QStringLiteral("subtle"));
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("templateMessage"));
    m_message->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Visit type"), m_visitType);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Subjective"), m_subjective);
    form->addRow(tr("&Objective"), m_objective);
    form->addRow(tr("&Assessment"), m_assessment);
    form->addRow(tr("&Plan"), m_plan);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("templateSave"));
    buttons->button(QDialogButtonBox::Save)->setEnabled(workspace.can(core::Permission::ClinicalWrite));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { save(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_visitType, &QComboBox::activated, this, [this] { showVisitType(m_visitType->currentData().toString()); });
    load();
}

void NoteTemplatesDialog::load()
{
    core::Session* s = m_workspace.session();
    if (!s)
        return;
    auto templates = core::NoteTemplateStore(*s).effective();
    if (!templates) {
        m_message->setText(UiText::error(templates.error()));
        return;
    }
    m_templates = std::move(*templates);
    showVisitType(m_visitType->currentData().toString());
}

void NoteTemplatesDialog::showVisitType(const QString& key)
{
    m_visitType->setCurrentIndex(std::max(0, m_visitType->findData(key)));
    for (const core::NoteTemplate& t : m_templates)
        if (qs(t.visitType) == key) {
            m_name->setText(qs(t.name));
            m_subjective->setPlainText(qs(t.subjective));
            m_objective->setPlainText(qs(t.objective));
            m_assessment->setPlainText(qs(t.assessment));
            m_plan->setPlainText(qs(t.plan));
            m_message->setText(t.id.empty() ? tr("Practica's template: saving makes it the clinic's own.")
                                            : tr("The clinic's own template."));
        }
}

bool NoteTemplatesDialog::save()
{
    core::Session* s = m_workspace.session();
    if (!s)
        return false;
    core::NoteTemplate t;
    t.visitType = m_visitType->currentData().toString().toStdString();
    t.name = ss(m_name->text());
    t.subjective = m_subjective->toPlainText().toStdString();
    t.objective = m_objective->toPlainText().toStdString();
    t.assessment = m_assessment->toPlainText().toStdString();
    t.plan = m_plan->toPlainText().toStdString();
    auto saved = core::NoteTemplateStore(*s).save(t);
    if (!saved) {
        m_message->setText(UiText::error(saved.error()));
        return false;
    }
    load();
    m_message->setText(tr("Saved. New notes of this visit type start with it on every workstation."));
    return true;
}

} // namespace practica::app

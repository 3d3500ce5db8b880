#include "PatientsPage.h"

#include "PatientListView.h"
#include "PatientRecordView.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/patients/PatientStore.h"

#include <QMessageBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace practica::app {

PatientsPage::PatientsPage(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("patientsPage"));
    m_list = new PatientListView(workspace);
    m_record = new PatientRecordView(workspace);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_record);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_list, &PatientListView::openRequested, this, &PatientsPage::openPatient);
    connect(m_list, &PatientListView::newPatientRequested, this, &PatientsPage::newPatient);
    connect(m_record, &PatientRecordView::backRequested, this, &PatientsPage::showList);
    connect(m_record, &PatientRecordView::openExistingRequested, this, &PatientsPage::openPatient);
    connect(m_record, &PatientRecordView::patientSaved, this, [this](const core::Patient& p, bool registered) {
        Q_EMIT statusMessage(registered ? tr("Registered %1 with MRN %2.").arg(qs(p.displayName()), qs(p.mrn))
                                        : tr("Saved %1.").arg(qs(p.displayName())));
        m_list->refresh();
    });
    connect(&workspace, &Workspace::lockChanged, this, [this](bool locked) {
        if (!locked)
            m_list->refresh();
    });
}

void PatientsPage::showList()
{
    m_stack->setCurrentWidget(m_list);
    m_list->refresh();
    m_list->focusSearch();
}

void PatientsPage::refreshList()
{
    if (m_stack->currentWidget() == m_list)
        m_list->refresh();
}

void PatientsPage::newPatient()
{
    if (!m_workspace.can(core::Permission::PatientWrite) || m_workspace.isLocked())
        return;
    if (m_stack->currentWidget() == m_record && !m_record->confirmLeave())
        return;
    m_record->startRegistration();
    m_stack->setCurrentWidget(m_record);
}

void PatientsPage::focusSearch()
{
    if (m_stack->currentWidget() == m_record) {
        if (!m_record->confirmLeave())
            return;
        m_stack->setCurrentWidget(m_list);
    }
    m_list->focusSearch();
}

void PatientsPage::openPatient(const QString& patientId)
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    auto patient = core::PatientStore(*session).get(patientId.toStdString());
    if (!patient) {
        QMessageBox::warning(this, tr("Cannot open the patient"), UiText::error(patient.error()));
        return;
    }
    m_record->showPatient(*patient);
    m_stack->setCurrentWidget(m_record);
}

} // namespace practica::app

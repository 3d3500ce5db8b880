#include "PatientRecordView.h"

#include "CoverageEditor.h"
#include "PatientForm.h"
#include "app/gui/chart/ChartWindow.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"

#include <QAction>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace practica::app {

PatientRecordView::PatientRecordView(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("patientRecordView"));
    auto* back = new QPushButton(QIcon(QStringLiteral(":/icons/back.svg")), tr("&Back to search"));
    back->setObjectName(QStringLiteral("backToSearchButton"));
    back->setToolTip(tr("Back to the patient list (Esc)"));
    back->setFlat(true);

    auto* header = new QWidget;
    header->setObjectName(QStringLiteral("patientHeader"));
    header->setAttribute(Qt::WA_StyledBackground);
    auto* avatar = new QLabel;
    avatar->setPixmap(QIcon(QStringLiteral(":/icons/patient.svg")).pixmap(QSize(40, 40)));
    m_name = new QLabel;
    m_name->setObjectName(QStringLiteral("patientHeaderName"));
    m_name->setProperty("role", QStringLiteral("pageTitle"));
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = new QLabel;
    m_details->setObjectName(QStringLiteral("patientHeaderDetails"));
    m_details->setProperty("role", QStringLiteral("subtle"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("patientHeaderStatus"));
    m_status->setProperty("role", QStringLiteral("badge"));
    auto* names = new QVBoxLayout;
    names->setSpacing(2);
    names->addWidget(m_name);
    names->addWidget(m_details);
    auto* headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(16, 12, 16, 12);
    headerLayout->setSpacing(14);
    headerLayout->addWidget(avatar);
    headerLayout->addLayout(names, 1);
    headerLayout->addWidget(m_status, 0, Qt::AlignTop);
    m_openChart = new QPushButton(QIcon(QStringLiteral(":/icons/patient.svg")), tr("Open &chart"));
    m_openChart->setObjectName(QStringLiteral("openChartButton"));
    m_openChart->setProperty("role", QStringLiteral("primary"));
    m_openChart->setVisible(false);
    headerLayout->addWidget(m_openChart, 0, Qt::AlignTop);
    connect(m_openChart, &QPushButton::clicked, this, [this] {
        if (!m_patientId.isEmpty())
            openChart(m_patientId.toStdString());
    });

    m_form = new PatientForm(workspace);
    m_coverage = new CoverageEditor(workspace);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("patientTabs"));
    m_tabs->addTab(m_form, QIcon(QStringLiteral(":/icons/patient.svg")), tr("&Demographics"));
    m_tabs->addTab(m_coverage, QIcon(QStringLiteral(":/icons/coverage.svg")), tr("C&overage"));
    m_tabs->setTabEnabled(1, workspace.can(core::Permission::CoverageRead));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 12, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(back, 0, Qt::AlignLeft);
    layout->addWidget(header);
    layout->addWidget(m_tabs, 1);

    auto* escape = new QAction(this);
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(escape);
    connect(escape, &QAction::triggered, back, &QPushButton::click);
    connect(back, &QPushButton::clicked, this, [this] {
        if (confirmLeave())
            Q_EMIT backRequested();
    });
    connect(m_form, &PatientForm::saved, this, [this](const core::Patient& p, bool registered) {
        updateHeader(p);
        m_coverage->setPatient(qs(p.id), qs(p.displayName()));
        m_tabs->setTabEnabled(1, m_workspace.can(core::Permission::CoverageRead));
        Q_EMIT patientSaved(p, registered);
    });
    connect(m_form, &PatientForm::openExistingRequested, this, &PatientRecordView::openExistingRequested);
}

ChartWindow* PatientRecordView::openChart(const std::string& patientId)
{
    auto* chart = new ChartWindow(m_workspace, patientId);
    chart->show();
    return chart;
}

void PatientRecordView::updateHeader(const core::Patient& p)
{
    m_patientId = qs(p.id);
    m_openChart->setVisible(!p.id.empty() && m_workspace.can(core::Permission::ClinicalRead));
    if (p.id.empty()) {
        m_name->setText(tr("New patient"));
        m_details->setText(tr("Fill in at least the name, date of birth and sex, then register."));
        m_status->hide();
        return;
    }
    m_name->setText(qs(p.displayName()));
    QStringList details;
    details << tr("MRN %1").arg(qs(p.mrn));
    details
        << tr("Born %1 (%2)").arg(UiText::usDate(p.dateOfBirth), UiText::age(p.dateOfBirth, m_workspace.todayIso()));
    details << UiText::sex(p.sex);
    if (p.pronouns)
        details << qs(*p.pronouns);
    if (p.phoneMobile || p.phoneHome)
        details << UiText::phone(p.phoneMobile ? p.phoneMobile : p.phoneHome);
    m_details->setText(details.join(QStringLiteral("  ·  ")));
    m_status->setText(UiText::patientStatus(p.status));
    m_status->show();
}

void PatientRecordView::showPatient(const core::Patient& patient)
{
    m_form->setPatient(patient);
    updateHeader(patient);
    m_coverage->setPatient(qs(patient.id), qs(patient.displayName()));
    m_tabs->setTabEnabled(1, m_workspace.can(core::Permission::CoverageRead));
    m_tabs->setCurrentIndex(0);
    m_form->focusFirstField();
}

void PatientRecordView::startRegistration()
{
    m_form->setPatient({});
    updateHeader({});
    m_coverage->setPatient({}, {});
    m_tabs->setTabEnabled(1, false);
    m_tabs->setCurrentIndex(0);
    m_form->focusFirstField();
}

bool PatientRecordView::confirmLeave()
{
    if (!m_form->isModified())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                    tr("The changes to this patient have not been saved."), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    QPushButton* save = box.addButton(tr("&Save"), QMessageBox::AcceptRole);
    box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    QPushButton* stay = box.addButton(tr("&Keep editing"), QMessageBox::RejectRole);
    box.setDefaultButton(save);
    box.exec();
    if (box.clickedButton() == stay)
        return false;
    if (box.clickedButton() == save)
        return m_form->save();
    return true;
}

} // namespace practica::app

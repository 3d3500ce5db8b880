#include "ClinicSettingsPage.h"

#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "app/gui/start/ClinicForm.h"
#include "core/clinic/ClinicStore.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace practica::app {

ClinicSettingsPage::ClinicSettingsPage(Workspace& workspace, QWidget* parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("clinicSettingsPage"));
    auto* title = new QLabel(tr("Clinic settings"));
    title->setProperty("role", QStringLiteral("pageTitle"));
    auto* subtitle = new QLabel(tr("These details appear on claims, statements and printed forms."));
    subtitle->setProperty("role", QStringLiteral("subtle"));
    m_form = new ClinicForm;
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);
    m_secondFactor = new QComboBox;
    m_secondFactor->setObjectName(QStringLiteral("secondFactorPolicy"));
    m_secondFactor->addItem(tr("Nobody (each user may turn it on)"),
                            static_cast<int>(core::SecondFactorPolicy::Nobody));
    m_secondFactor->addItem(tr("Administrators"), static_cast<int>(core::SecondFactorPolicy::Admins));
    m_secondFactor->addItem(tr("Everyone"), static_cast<int>(core::SecondFactorPolicy::Everyone));
    auto* secondFactorLabel = new QLabel(tr("Two-step sign-in &required for:"));
    secondFactorLabel->setBuddy(m_secondFactor);
    auto* secondFactorRow = new QHBoxLayout;
    secondFactorRow->addWidget(secondFactorLabel);
    secondFactorRow->addWidget(m_secondFactor);
    secondFactorRow->addStretch();
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("clinicSettingsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto* save = new QPushButton(QIcon(QStringLiteral(":/icons/save.svg")), tr("&Save settings"));
    save->setObjectName(QStringLiteral("saveClinicButton"));
    save->setProperty("role", QStringLiteral("primary"));
    save->setToolTip(tr("Save (Ctrl+S)"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(save);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addWidget(scroll, 1);
    layout->addLayout(secondFactorRow);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    auto* saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, this, &ClinicSettingsPage::save);
    connect(save, &QPushButton::clicked, this, &ClinicSettingsPage::save);
}

void ClinicSettingsPage::refresh()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    auto clinic = core::ClinicStore(*session).get();
    if (!clinic) {
        showResult(UiText::error(clinic.error()), true);
        return;
    }
    m_form->setClinic(*clinic);
    m_secondFactor->setCurrentIndex(m_secondFactor->findData(static_cast<int>(clinic->secondFactor)));
    showResult({}, false);
}

void ClinicSettingsPage::showResult(const QString& text, bool error)
{
    m_message->setProperty("role", error ? QStringLiteral("banner") : QStringLiteral("info"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ClinicSettingsPage::save()
{
    core::Session* session = m_workspace.session();
    if (!session || !m_form->validate())
        return;
    core::Clinic clinic = m_form->clinic();
    clinic.secondFactor = static_cast<core::SecondFactorPolicy>(m_secondFactor->currentData().toInt());
    if (core::Status s = core::ClinicStore(*session).update(clinic); !s) {
        m_form->showError(s.error());
        showResult(UiText::error(s.error()), true);
        return;
    }
    m_workspace.refreshClinic();
    showResult(tr("The clinic settings were saved."), false);
}

} // namespace practica::app

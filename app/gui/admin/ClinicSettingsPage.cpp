#include "ClinicSettingsPage.h"

#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "app/gui/start/ClinicForm.h"
#include "core/clinic/ClinicStore.h"

#include <QAction>
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
    if (core::Status s = core::ClinicStore(*session).update(m_form->clinic()); !s) {
        m_form->showError(s.error());
        showResult(UiText::error(s.error()), true);
        return;
    }
    m_workspace.refreshClinic();
    showResult(tr("The clinic settings were saved."), false);
}

} // namespace practica::app

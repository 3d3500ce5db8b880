#include "WaitlistEntryDialog.h"

#include "PatientPicker.h"
#include "ScheduleText.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/schedule/WaitlistStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace practica::app {

WaitlistEntryDialog::WaitlistEntryDialog(Workspace& workspace, const ScheduleSetup& setup, QWidget* parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("waitlistEntryDialog"));
    setWindowTitle(tr("Add to waitlist"));
    setMinimumWidth(500);
    m_patient = new PatientPicker(workspace, QStringLiteral("waitlist"));
    m_provider = FormRows::combo(QStringLiteral("waitlistProvider"));
    m_provider->addItem(tr("Any provider"), QString());
    for (const auto& p : setup.providers)
        if (p.active)
            m_provider->addItem(qs(p.name), qs(p.id));
    m_type = FormRows::combo(QStringLiteral("waitlistType"));
    m_type->addItem(tr("Any type"), QString());
    for (const auto& t : setup.types)
        if (t.active)
            m_type->addItem(qs(t.name), qs(t.id));
    auto* days = new QHBoxLayout;
    for (int d = 1; d <= 7; ++d) {
        m_days[d - 1] = new QCheckBox(ScheduleText::weekday(d).left(3));
        m_days[d - 1]->setObjectName(QStringLiteral("waitlistDay%1").arg(d));
        days->addWidget(m_days[d - 1]);
    }
    auto* daysWidget = new QWidget;
    daysWidget->setLayout(days);
    days->setContentsMargins(0, 0, 0, 0);
    m_earliest = new QTimeEdit(QTime(8, 0));
    m_latest = new QTimeEdit(QTime(17, 0));
    for (QTimeEdit* t : {m_earliest, m_latest})
        t->setDisplayFormat(QStringLiteral("h:mm AP"));
    auto* window = new QHBoxLayout;
    window->addWidget(m_earliest);
    window->addWidget(new QLabel(tr("to")));
    window->addWidget(m_latest);
    auto* windowWidget = new QWidget;
    windowWidget->setLayout(window);
    window->setContentsMargins(0, 0, 0, 0);
    m_until = new QDateEdit(QDate::fromString(qs(workspace.todayIso()), Qt::ISODate).addDays(30));
    m_until->setObjectName(QStringLiteral("waitlistUntil"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(QStringLiteral("MM/dd/yyyy"));
    m_note = FormRows::lineEdit(QStringLiteral("waitlistNote"), tr("e.g. can come on short notice"));

    auto* form = FormRows::newFormLayout();
    FormRows rows(form, nullptr);
    rows.add(tr("Patient"), m_patient);
    rows.add(tr("&Provider"), m_provider);
    rows.add(tr("&Type"), m_type);
    rows.add(tr("Days (none: any)"), daysWidget);
    rows.add(tr("Between"), windowWidget);
    rows.add(tr("&Until"), m_until);
    rows.add(tr("&Note"), m_note);
    m_message = new QLabel;
    m_message->setProperty("role", QStringLiteral("banner"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("waitlistSaveButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &WaitlistEntryDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_patient, &PatientPicker::failed, m_message, [this](const QString& t) {
        m_message->setText(t);
        m_message->show();
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    m_patient->focusSearch();
}

void WaitlistEntryDialog::save()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    if (!m_patient->patientId()) {
        m_message->setText(tr("Choose a patient first."));
        m_message->show();
        return;
    }
    core::WaitlistEntry e;
    e.patientId = *m_patient->patientId();
    e.providerId = optionalText(m_provider->currentData().toString());
    e.typeId = optionalText(m_type->currentData().toString());
    for (int d = 1; d <= 7; ++d)
        if (m_days[d - 1]->isChecked())
            e.weekdays.push_back(d);
    e.earliestMinute = m_earliest->time().hour() * 60 + m_earliest->time().minute();
    e.latestMinute = m_latest->time().hour() * 60 + m_latest->time().minute();
    e.untilDate = m_until->date().toString(Qt::ISODate).toStdString();
    e.note = optionalText(m_note->text());
    if (auto added = core::WaitlistStore(*session).add(e); !added) {
        m_message->setText(ScheduleText::error(added.error()));
        m_message->show();
        return;
    }
    accept();
}

} // namespace practica::app

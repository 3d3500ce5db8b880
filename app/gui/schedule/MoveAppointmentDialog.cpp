#include "MoveAppointmentDialog.h"

#include "BookingDialog.h"
#include "BookingFlow.h"
#include "FindSlotDialog.h"
#include "ScheduleText.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/schedule/AppointmentStore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace practica::app {

MoveAppointmentDialog::MoveAppointmentDialog(Workspace& workspace, const core::AppointmentView& appointment,
                                             ScheduleSetup setup, const QString& hint, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_appointment(appointment), m_setup(std::move(setup))
{
    setObjectName(QStringLiteral("moveAppointmentDialog"));
    setWindowTitle(tr("Pick another time"));
    setMinimumWidth(480);
    const core::Appointment& a = m_appointment.appointment;
    auto* intro = new QLabel(
        tr("<b>%1</b><br>%2 · now %3 with %4")
            .arg(qs(m_appointment.patientName).toHtmlEscaped(), qs(m_appointment.typeName).toHtmlEscaped(),
                 ScheduleText::localTime(a.startLocal, true), qs(m_appointment.providerName).toHtmlEscaped()));
    intro->setObjectName(QStringLiteral("moveAppointmentSummary"));
    intro->setWordWrap(true);
    auto* why = new QLabel(hint);
    why->setObjectName(QStringLiteral("moveAppointmentHint"));
    why->setProperty("role", QStringLiteral("subtle"));
    why->setWordWrap(true);
    why->setVisible(!hint.isEmpty());

    m_provider = FormRows::combo(QStringLiteral("moveProvider"));
    for (const auto& p : m_setup.providers)
        if (p.active || p.id == a.providerId)
            m_provider->addItem(qs(p.name), qs(p.id));
    m_provider->setCurrentIndex(std::max(0, m_provider->findData(qs(a.providerId))));
    m_date = new QDateEdit(QDate::fromString(qs(ScheduleText::dateOf(a.startLocal)), Qt::ISODate));
    m_date->setObjectName(QStringLiteral("moveDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("MM/dd/yyyy"));
    const int minute = ScheduleText::minuteOf(a.startLocal);
    m_time = new QTimeEdit(QTime(minute / 60, minute % 60));
    m_time->setObjectName(QStringLiteral("moveTime"));
    m_time->setDisplayFormat(QStringLiteral("h:mm AP"));
    auto* findSlot = new QPushButton(QIcon(QStringLiteral(":/icons/find-slot.svg")), tr("&Find a free time…"));
    findSlot->setObjectName(QStringLiteral("moveFindSlotButton"));
    connect(findSlot, &QPushButton::clicked, this, &MoveAppointmentDialog::findSlot);

    QFormLayout* form = FormRows::newFormLayout();
    FormRows rows(form, nullptr);
    rows.add(tr("&Provider"), m_provider);
    rows.add(tr("&Date"), m_date);
    rows.add(tr("T&ime"), m_time);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("moveMessage"));
    m_message->setProperty("role", QStringLiteral("banner"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* save = buttons->addButton(tr("&Move"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("moveAppointmentButton"));
    save->setProperty("role", QStringLiteral("primary"));
    save->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, &MoveAppointmentDialog::move);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addWidget(findSlot, 0, Qt::AlignLeft);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

void MoveAppointmentDialog::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void MoveAppointmentDialog::findSlot()
{
    FindSlotDialog dialog(m_workspace, m_setup, m_date->date().toString(Qt::ISODate).toStdString(), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.request())
        return;
    const BookingRequest& r = *dialog.request();
    if (r.providerId)
        m_provider->setCurrentIndex(std::max(0, m_provider->findData(qs(*r.providerId))));
    m_date->setDate(QDate::fromString(qs(r.date), Qt::ISODate));
    m_time->setTime(QTime(r.minuteOfDay / 60, r.minuteOfDay % 60));
}

void MoveAppointmentDialog::move()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    const core::Appointment& before = m_appointment.appointment;
    core::AppointmentStore store(*session);
    BookingFlow flow(m_setup, this);
    const QTime t = m_time->time();
    const auto start = flow.startFor(store.clinicTime(), m_date->date().toString(Qt::ISODate).toStdString(),
                                     t.hour() * 60 + t.minute());
    if (!start) {
        showMessage(flow.error());
        return;
    }
    core::Appointment proposed = before;
    proposed.startUtcMs = *start;
    proposed.providerId = m_provider->currentData().toString().toStdString();
    const std::optional<std::string> provider =
        proposed.providerId != before.providerId ? std::optional(proposed.providerId) : std::nullopt;
    auto moved = flow.run(
        store, proposed, before.id,
        [&](const core::BookingOptions& o) { return store.move(before.id, *start, provider, before.roomId, o); },
        tr("Move"));
    if (!moved) {
        showMessage(flow.error());
        return;
    }
    m_moved = *moved;
    accept();
}

} // namespace practica::app

#include "BookingDialog.h"

#include "BookingFlow.h"
#include "PatientPicker.h"
#include "ScheduleText.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/schedule/AppointmentStore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTimeEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace practica::app {

BookingDialog::BookingDialog(Workspace& workspace, const ScheduleSetup& setup, const BookingRequest& request,
                             QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_setup(setup)
{
    setObjectName(QStringLiteral("bookingDialog"));
    setWindowTitle(tr("Book an appointment"));
    setMinimumWidth(520);

    m_patient = new PatientPicker(workspace, QStringLiteral("booking"));
    if (request.patientId)
        m_patient->setPatient(*request.patientId, request.patientName);
    auto* patientBox = new QGroupBox(tr("Patient"));
    auto* patientLayout = new QVBoxLayout(patientBox);
    patientLayout->addWidget(m_patient);

    m_provider = FormRows::combo(QStringLiteral("bookingProvider"));
    for (const auto& p : setup.providers)
        if (p.active)
            m_provider->addItem(qs(p.name), qs(p.id));
    m_type = FormRows::combo(QStringLiteral("bookingType"));
    for (const auto& t : setup.types)
        if (t.active)
            m_type->addItem(tr("%1 (%n min)", nullptr, t.defaultMinutes).arg(qs(t.name)), qs(t.id));
    m_room = FormRows::combo(QStringLiteral("bookingRoom"));
    m_room->addItem(tr("No room"), QString());
    for (const auto& r : setup.rooms)
        if (r.active)
            m_room->addItem(qs(r.name), qs(r.id));
    m_date = new QDateEdit(QDate::fromString(qs(request.date), Qt::ISODate));
    m_date->setObjectName(QStringLiteral("bookingDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("MM/dd/yyyy"));
    m_time = new QTimeEdit(QTime(request.minuteOfDay / 60, request.minuteOfDay % 60));
    m_time->setObjectName(QStringLiteral("bookingTime"));
    m_time->setDisplayFormat(QStringLiteral("h:mm AP"));
    m_minutes = new QSpinBox;
    m_minutes->setObjectName(QStringLiteral("bookingMinutes"));
    m_minutes->setRange(5, 480);
    m_minutes->setSingleStep(5);
    m_minutes->setSuffix(tr(" min"));
    m_reason = FormRows::lineEdit(QStringLiteral("bookingReason"), tr("Reason for visit"));
    auto* when = new QGroupBox(tr("Visit"));
    QFormLayout* form = FormRows::newFormLayout(when);
    FormRows rows(form, nullptr);
    rows.add(tr("&Provider"), m_provider);
    rows.add(tr("&Type"), m_type);
    rows.add(tr("R&oom"), m_room);
    rows.add(tr("&Date"), m_date);
    rows.add(tr("T&ime"), m_time);
    rows.add(tr("&Length"), m_minutes);
    rows.add(tr("&Reason"), m_reason);

    auto select = [](QComboBox* box, const std::optional<std::string>& id) {
        if (id)
            box->setCurrentIndex(std::max(0, box->findData(qs(*id))));
    };
    select(m_provider, request.providerId);
    select(m_type, request.typeId);
    typeChanged();
    select(m_room, request.roomId);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("bookingMessage"));
    m_message->setProperty("role", QStringLiteral("banner"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* save = buttons->addButton(tr("&Book"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("bookingSaveButton"));
    save->setProperty("role", QStringLiteral("primary"));
    save->setDefault(true);
    save->setAutoDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, &BookingDialog::book);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->addWidget(patientBox);
    layout->addWidget(when);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_patient, &PatientPicker::patientChosen, this, [this] {
        m_message->hide();
        m_reason->setFocus();
    });
    connect(m_patient, &PatientPicker::failed, this, &BookingDialog::showMessage);
    connect(m_type, &QComboBox::currentIndexChanged, this, &BookingDialog::typeChanged);
    if (request.patientId)
        m_reason->setFocus();
    else
        m_patient->focusSearch();
}

void BookingDialog::typeChanged()
{
    const core::AppointmentType* type = m_setup.type(ss(m_type->currentData().toString()));
    if (!type)
        return;
    m_minutes->setValue(type->defaultMinutes);
    if (type->defaultRoomId)
        m_room->setCurrentIndex(std::max(0, m_room->findData(qs(*type->defaultRoomId))));
}

void BookingDialog::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void BookingDialog::book()
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    if (!m_patient->patientId()) {
        showMessage(tr("Choose a patient first: type part of the name and pick them from the list."));
        m_patient->focusSearch();
        return;
    }
    if (m_provider->currentIndex() < 0 || m_type->currentIndex() < 0) {
        showMessage(tr("Choose a provider and a type of visit."));
        return;
    }
    core::AppointmentStore store(*session);
    BookingFlow flow(m_setup, this);
    const QTime t = m_time->time();
    const std::string date = m_date->date().toString(Qt::ISODate).toStdString();
    const auto start = flow.startFor(store.clinicTime(), date, t.hour() * 60 + t.minute());
    if (!start) {
        showMessage(flow.error());
        return;
    }
    core::Appointment a;
    a.patientId = *m_patient->patientId();
    a.providerId = ss(m_provider->currentData().toString());
    a.typeId = ss(m_type->currentData().toString());
    a.roomId = optionalText(m_room->currentData().toString());
    a.startUtcMs = *start;
    a.minutes = m_minutes->value();
    a.reason = optionalText(m_reason->text());
    auto booked = flow.run(
        store, a, std::nullopt, [&](const core::BookingOptions& o) { return store.book(a, o); }, tr("Book"));
    if (!booked) {
        showMessage(flow.error());
        return;
    }
    m_booked = *booked;
    accept();
}

} // namespace practica::app

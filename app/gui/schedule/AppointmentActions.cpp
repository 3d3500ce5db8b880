#include "AppointmentActions.h"

#include "BookingDialog.h"
#include "ScheduleExports.h"
#include "ScheduleText.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/schedule/AppointmentStore.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace practica::app {

namespace {

struct StatusStep
{
    core::AppointmentStatus status;
    const char* label;
};

constexpr StatusStep kSteps[] = {
    {core::AppointmentStatus::Confirmed, QT_TRANSLATE_NOOP("AppointmentActions", "Con&firmed")},
    {core::AppointmentStatus::Arrived, QT_TRANSLATE_NOOP("AppointmentActions", "Check &in")},
    {core::AppointmentStatus::InRoom, QT_TRANSLATE_NOOP("AppointmentActions", "In &room")},
    {core::AppointmentStatus::WithProvider, QT_TRANSLATE_NOOP("AppointmentActions", "&With provider")},
    {core::AppointmentStatus::CheckedOut, QT_TRANSLATE_NOOP("AppointmentActions", "Check &out")},
};

} // namespace

AppointmentActions::AppointmentActions(Workspace& workspace, const ScheduleSetup& setup, QWidget* parent)
    : QObject(parent), m_workspace(workspace), m_setup(setup), m_parent(parent)
{
}

void AppointmentActions::showMenu(const core::AppointmentView& view, const QPoint& globalPos)
{
    const core::Appointment& a = view.appointment;
    const bool write = m_workspace.can(core::Permission::ScheduleWrite);
    QMenu menu(m_parent);
    menu.setObjectName(QStringLiteral("appointmentMenu"));
    QAction* title = menu.addAction(tr("%1 · %2").arg(qs(view.patientName), ScheduleText::status(a.status)));
    title->setEnabled(false);
    menu.addSeparator();
    for (const StatusStep& step : kSteps) {
        if (!core::canTransition(a.status, step.status))
            continue;
        QAction* action = menu.addAction(tr(step.label));
        action->setObjectName(QStringLiteral("status_") + qs(core::appointmentStatusName(step.status)));
        action->setEnabled(write);
        connect(action, &QAction::triggered, this, [this, view, step] { setStatus(view, step.status); });
    }
    menu.addSeparator();
    if (core::occupiesSlot(a.status)) {
        QAction* cancelAction = menu.addAction(tr("&Cancel appointment…"));
        cancelAction->setObjectName(QStringLiteral("cancelAppointmentAction"));
        cancelAction->setEnabled(write);
        connect(cancelAction, &QAction::triggered, this, [this, view] { cancel(view); });
    }
    if (core::canTransition(a.status, core::AppointmentStatus::NoShow)) {
        QAction* noShow = menu.addAction(tr("&No-show"));
        noShow->setObjectName(QStringLiteral("noShowAction"));
        noShow->setEnabled(write);
        connect(noShow, &QAction::triggered, this, [this, view] { markNoShow(view); });
    }
    QAction* details = menu.addAction(QIcon(QStringLiteral(":/icons/edit.svg")), tr("&Details…"));
    connect(details, &QAction::triggered, this, [this, view] { openDetails(qs(view.appointment.id)); });
    menu.addSeparator();
    QAction* ics = menu.addAction(QIcon(QStringLiteral(":/icons/export.svg")), tr("Calendar file (.ics)…"));
    connect(ics, &QAction::triggered, this, [this, view] {
        const ExportResult r = ScheduleExports::saveCalendar(m_workspace, {view}, qs(view.patientName), m_parent);
        if (!r.message.isEmpty())
            r.error ? Q_EMIT failed(r.message) : Q_EMIT changed(r.message);
    });
    QAction* upcoming = menu.addAction(tr("Calendar file of %1's upcoming visits…").arg(qs(view.patientName)));
    connect(upcoming, &QAction::triggered, this, [this, view] {
        const ExportResult r = ScheduleExports::savePatientCalendar(m_workspace, view, m_parent);
        if (!r.message.isEmpty())
            r.error ? Q_EMIT failed(r.message) : Q_EMIT changed(r.message);
    });
    menu.exec(globalPos);
}

void AppointmentActions::setStatus(const core::AppointmentView& view, core::AppointmentStatus status)
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    auto result = core::AppointmentStore(*session).setStatus(view.appointment.id, status);
    if (!result) {
        Q_EMIT failed(ScheduleText::error(result.error()));
        return;
    }
    Q_EMIT changed(tr("%1: %2.").arg(qs(view.patientName), ScheduleText::status(status)));
}

void AppointmentActions::markNoShow(const core::AppointmentView& view)
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    auto result = core::AppointmentStore(*session).markNoShow(view.appointment.id);
    if (!result) {
        Q_EMIT failed(ScheduleText::error(result.error()));
        return;
    }
    Q_EMIT changed(tr("%1 was marked as a no-show.").arg(qs(view.patientName)));
}

void AppointmentActions::cancel(const core::AppointmentView& view)
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    QDialog dialog(m_parent);
    dialog.setObjectName(QStringLiteral("cancelDialog"));
    dialog.setWindowTitle(tr("Cancel appointment"));
    auto* what = new QLabel(tr("%1 at %2 with %3")
                                .arg(qs(view.patientName), ScheduleText::localTime(view.appointment.startLocal, true),
                                     qs(view.providerName)));
    what->setWordWrap(true);
    auto* reason = FormRows::lineEdit(QStringLiteral("cancelReason"), tr("e.g. feeling better, work conflict"));
    auto* by = FormRows::combo(QStringLiteral("cancelBy"));
    by->addItem(tr("The patient"), QStringLiteral("patient"));
    by->addItem(tr("The clinic"), QStringLiteral("clinic"));
    auto* form = FormRows::newFormLayout();
    FormRows rows(form, nullptr);
    rows.add(tr("&Reason"), reason);
    rows.add(tr("Cancelled &by"), by);
    auto* buttons = new QDialogButtonBox;
    QPushButton* ok = buttons->addButton(tr("Cancel &appointment"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("confirmCancelButton"));
    ok->setProperty("role", QStringLiteral("primary"));
    buttons->addButton(tr("&Keep it"), QDialogButtonBox::RejectRole);
    ok->setEnabled(false);
    connect(reason, &QLineEdit::textChanged, ok, [ok](const QString& t) { ok->setEnabled(!t.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto outcome = core::AppointmentStore(*session).cancel(view.appointment.id, ss(reason->text()),
                                                           ss(by->currentData().toString()));
    if (!outcome) {
        Q_EMIT failed(ScheduleText::error(outcome.error()));
        return;
    }
    Q_EMIT changed(tr("The appointment of %1 was cancelled.").arg(qs(view.patientName)));
    if (!outcome->waitlistMatches.empty())
        offerWaitlist(outcome->cancelled, outcome->waitlistMatches);
}

void AppointmentActions::offerWaitlist(const core::Appointment& freed, const std::vector<core::WaitlistEntry>& matches)
{
    QDialog dialog(m_parent);
    dialog.setObjectName(QStringLiteral("waitlistMatchesDialog"));
    dialog.setWindowTitle(tr("Offer the freed time"));
    auto* text =
        new QLabel(tr("%n patient(s) on the waitlist fit %1 with %2:", nullptr, static_cast<int>(matches.size()))
                       .arg(ScheduleText::localTime(freed.startLocal, true), m_setup.providerName(freed.providerId)));
    text->setWordWrap(true);
    auto* list = new QListWidget;
    list->setObjectName(QStringLiteral("waitlistMatches"));
    for (const auto& m : matches) {
        QString line = qs(m.patientName);
        if (m.note)
            line += QStringLiteral(" — ") + qs(m.note);
        list->addItem(line);
    }
    list->setCurrentRow(0);
    auto* buttons = new QDialogButtonBox;
    QPushButton* bookButton = buttons->addButton(tr("&Book selected…"), QDialogButtonBox::AcceptRole);
    bookButton->setObjectName(QStringLiteral("bookWaitlistMatchButton"));
    bookButton->setProperty("role", QStringLiteral("primary"));
    buttons->addButton(tr("&Later"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(list, &QListWidget::itemActivated, &dialog, &QDialog::accept);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(list);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted || list->currentRow() < 0)
        return;
    const core::WaitlistEntry& entry = matches[static_cast<std::size_t>(list->currentRow())];
    BookingRequest request;
    request.patientId = entry.patientId;
    request.patientName = qs(entry.patientName);
    request.providerId = freed.providerId;
    request.roomId = freed.roomId;
    request.typeId = entry.typeId ? entry.typeId : std::optional(freed.typeId);
    request.date = ScheduleText::dateOf(freed.startLocal);
    request.minuteOfDay = ScheduleText::minuteOf(freed.startLocal);
    request.waitlistEntryId = entry.id;
    Q_EMIT bookRequested(request);
}

void AppointmentActions::openDetails(const QString& appointmentId)
{
    core::Session* session = m_workspace.session();
    if (!session)
        return;
    core::AppointmentStore store(*session);
    auto a = store.get(ss(appointmentId));
    if (!a) {
        Q_EMIT failed(ScheduleText::error(a.error()));
        return;
    }
    auto day = store.day(ScheduleText::dateOf(a->startLocal), {a->providerId});
    QString patient;
    if (day)
        for (const auto& v : *day)
            if (v.appointment.id == a->id)
                patient = qs(v.patientName);
    QDialog dialog(m_parent);
    dialog.setObjectName(QStringLiteral("appointmentDialog"));
    dialog.setWindowTitle(tr("Appointment"));
    dialog.setMinimumWidth(440);
    auto* form = FormRows::newFormLayout();
    FormRows rows(form, nullptr);
    const core::AppointmentType* type = m_setup.type(a->typeId);
    rows.add(tr("Patient"), new QLabel(patient));
    rows.add(tr("When"),
             new QLabel(tr("%1, %n min", nullptr, a->minutes).arg(ScheduleText::localTime(a->startLocal, true))));
    rows.add(tr("Provider"), new QLabel(m_setup.providerName(a->providerId)));
    rows.add(tr("Type"), new QLabel(type ? qs(type->name) : QString()));
    rows.add(tr("Room"), new QLabel(a->roomId ? m_setup.roomName(a->roomId) : tr("No room")));
    rows.add(tr("Status"),
             new QLabel(ScheduleText::status(a->status) + (a->overbooked ? tr(" (overbooked)") : QString())));
    auto* reason = FormRows::lineEdit(QStringLiteral("detailsReason"));
    reason->setText(qs(a->reason));
    auto* note = new QPlainTextEdit(qs(a->note));
    note->setObjectName(QStringLiteral("detailsNote"));
    note->setMaximumHeight(90);
    rows.add(tr("&Reason"), reason);
    rows.add(tr("&Note"), note);
    const bool write = m_workspace.can(core::Permission::ScheduleWrite);
    reason->setReadOnly(!write);
    note->setReadOnly(!write);
    auto* buttons =
        new QDialogButtonBox(write ? QDialogButtonBox::Save | QDialogButtonBox::Cancel : QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted || !write)
        return;
    auto saved =
        store.updateDetails(a->id, optionalText(reason->text()), optionalText(note->toPlainText()), a->coverageId);
    if (!saved) {
        Q_EMIT failed(ScheduleText::error(saved.error()));
        return;
    }
    Q_EMIT changed(tr("The appointment details were saved."));
}

} // namespace practica::app

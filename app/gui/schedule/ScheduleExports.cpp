#include "ScheduleExports.h"

#include "ScheduleText.h"
#include "app/gui/common/FormRows.h"
#include "app/gui/common/UiText.h"
#include "app/gui/shell/Workspace.h"
#include "core/clinic/ClinicStore.h"
#include "core/schedule/AppointmentStore.h"
#include "core/schedule/ReminderExport.h"
#include "core/schedule/ReminderList.h"
#include "core/util/Validators.h"

#include <QBuffer>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextDocument>
#include <QVBoxLayout>
#include <map>

namespace practica::app {

namespace {

QString defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

QString safeFileName(QString name)
{
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9 ._-]+")), QStringLiteral("-"));
    return name.simplified();
}

} // namespace

ExportResult ScheduleExports::saveBytes(const QString& path, const QByteArray& bytes, const QString& done)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return {tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true};
    return {done.arg(QDir::toNativeSeparators(path)), false};
}

ExportResult ScheduleExports::writeDaySheets(Workspace& workspace, const ScheduleSetup& setup, const std::string& date,
                                             const QString& path)
{
    core::Session* session = workspace.session();
    if (!session)
        return {};
    auto day = core::AppointmentStore(*session).dayView(date);
    if (!day)
        return {ScheduleText::error(day.error()), true};
    std::map<std::string, std::vector<const core::AppointmentView*>> byProvider;
    for (const auto& v : *day)
        if (v.appointment.status != core::AppointmentStatus::Cancelled)
            byProvider[v.appointment.providerId].push_back(&v);
    const QString clinic = workspace.clinicName().toHtmlEscaped();
    QString html = QStringLiteral("<html><body style='font-family: sans-serif; font-size: 9pt;'>");
    bool first = true;
    int pages = 0;
    for (const auto& p : setup.providers) {
        auto it = byProvider.find(p.id);
        if (!p.active && it == byProvider.end())
            continue;
        html += first ? QStringLiteral("<div>") : QStringLiteral("<div style='page-break-before: always;'>");
        first = false;
        ++pages;
        html += QStringLiteral("<p style='color:#0f766e; font-size: 8pt;'>%1</p>").arg(clinic);
        html += QStringLiteral("<h2 style='color:#12293b; margin: 0;'>%1</h2><p>%2</p>")
                    .arg(qs(p.name).toHtmlEscaped(), ScheduleText::longDate(date).toHtmlEscaped());
        html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='4' "
                               "style='border-collapse: collapse; border: 1px solid #cbd5e1;'>"
                               "<tr style='background:#e2e8f0;'>");
        for (const QString& h : {tr("Time"), tr("Min"), tr("Patient"), tr("Age"), tr("MRN"), tr("Type"), tr("Reason"),
                                 tr("Room"), tr("Status")})
            html += QStringLiteral("<th align='left'>%1</th>").arg(h.toHtmlEscaped());
        html += QStringLiteral("</tr>");
        if (it == byProvider.end())
            html += QStringLiteral("<tr><td colspan='9'><i>%1</i></td></tr>").arg(tr("No appointments."));
        else
            for (const core::AppointmentView* v : it->second) {
                const core::Appointment& a = v->appointment;
                const QStringList cells = {ScheduleText::localTime(a.startLocal),
                                           QString::number(a.minutes),
                                           qs(v->patientName),
                                           UiText::age(v->patientBirthDate, date),
                                           qs(v->patientMrn),
                                           qs(v->typeName),
                                           qs(a.reason),
                                           qs(v->roomName),
                                           ScheduleText::status(a.status)};
                html += QStringLiteral("<tr>");
                for (const QString& c : cells)
                    html += QStringLiteral("<td style='border-top: 1px solid #e2e8f0;'>%1</td>").arg(c.toHtmlEscaped());
                html += QStringLiteral("</tr>");
            }
        html += QStringLiteral("</table><p style='font-size: 8pt; color:#64748b;'>%1</p></div>")
                    .arg(tr("%n appointment(s)", nullptr,
                            it == byProvider.end() ? 0 : static_cast<int>(it->second.size())));
    }
    html += QStringLiteral("</body></html>");
    if (pages == 0)
        return {tr("There are no providers to print a day sheet for."), true};

    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::Letter));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(tr("Day sheet %1").arg(qs(date)));
        writer.setCreator(QStringLiteral("Practica"));
        QTextDocument doc;
        doc.setHtml(html);
        doc.print(&writer);
    }
    return saveBytes(path, pdf, tr("The day sheets were saved to %1."));
}

ExportResult ScheduleExports::printDaySheets(Workspace& workspace, const ScheduleSetup& setup, const std::string& date,
                                             QWidget* parent)
{
    const QString suggested = QDir(defaultFolder()).filePath(tr("day-sheet-%1.pdf").arg(qs(date)));
    const QString path = QFileDialog::getSaveFileName(parent, tr("Save day sheets"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return {};
    return writeDaySheets(workspace, setup, date, path);
}

ExportResult ScheduleExports::writeCalendar(Workspace& workspace,
                                            const std::vector<core::AppointmentView>& appointments, const QString& path)
{
    core::Session* session = workspace.session();
    if (!session)
        return {};
    auto clinic = core::ClinicStore(*session).get();
    if (!clinic)
        return {UiText::error(clinic.error()), true};
    core::AppointmentStore store(*session);
    const std::string ics = core::icalendarFor(appointments, *clinic, store.clinicTime(), workspace.clock().nowMs());
    return saveBytes(path, QByteArray::fromStdString(ics), tr("The calendar file was saved to %1."));
}

ExportResult ScheduleExports::saveCalendar(Workspace& workspace, const std::vector<core::AppointmentView>& appointments,
                                           const QString& name, QWidget* parent)
{
    const QString suggested = QDir(defaultFolder()).filePath(safeFileName(name) + QStringLiteral(".ics"));
    const QString path =
        QFileDialog::getSaveFileName(parent, tr("Save calendar file"), suggested, tr("iCalendar (*.ics)"));
    if (path.isEmpty())
        return {};
    return writeCalendar(workspace, appointments, path);
}

ExportResult ScheduleExports::savePatientCalendar(Workspace& workspace, const core::AppointmentView& any,
                                                  QWidget* parent)
{
    core::Session* session = workspace.session();
    if (!session)
        return {};
    auto all = core::AppointmentStore(*session).forPatient(any.appointment.patientId);
    if (!all)
        return {ScheduleText::error(all.error()), true};
    const std::int64_t now = workspace.clock().nowMs();
    std::vector<core::AppointmentView> upcoming;
    for (auto& v : *all)
        if (v.appointment.endUtcMs() >= now)
            upcoming.push_back(std::move(v));
    if (upcoming.empty())
        return {tr("%1 has no upcoming appointments.").arg(qs(any.patientName)), true};
    return saveCalendar(workspace, upcoming, tr("%1 appointments").arg(qs(any.patientName)), parent);
}

ExportResult ScheduleExports::writeReminderList(Workspace& workspace, const std::string& fromDate,
                                                const std::string& toDate, const QString& path)
{
    core::Session* session = workspace.session();
    if (!session)
        return {};
    core::AppointmentStore store(*session);
    auto due = core::remindersDue(*session, fromDate, toDate);
    if (!due)
        return {ScheduleText::error(due.error()), true};
    const std::string csv = core::reminderCsv(due->appointments, store.clinicTime(), due->phoneByPatientId);
    return saveBytes(path, QByteArray::fromStdString(csv),
                     tr("The reminder list (%n appointment(s)) was saved to %1.", nullptr,
                        static_cast<int>(due->appointments.size())));
}

ExportResult ScheduleExports::exportReminderList(Workspace& workspace, const std::string& date, QWidget* parent)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("reminderListDialog"));
    dialog.setWindowTitle(tr("Reminder list"));
    const QDate start = QDate::fromString(qs(date), Qt::ISODate);
    auto* from = new QDateEdit(start);
    from->setObjectName(QStringLiteral("reminderFrom"));
    auto* to = new QDateEdit(start.addDays(1));
    to->setObjectName(QStringLiteral("reminderTo"));
    for (QDateEdit* e : {from, to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("MM/dd/yyyy"));
    }
    auto* form = FormRows::newFormLayout();
    FormRows rows(form, nullptr);
    rows.add(tr("&From"), from);
    rows.add(tr("&To"), to);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    if (to->date() < from->date())
        return {tr("The last day is before the first."), true};
    const QString fromIso = from->date().toString(Qt::ISODate), toIso = to->date().toString(Qt::ISODate);
    const QString suggested = QDir(defaultFolder()).filePath(tr("reminders-%1-to-%2.csv").arg(fromIso, toIso));
    const QString path = QFileDialog::getSaveFileName(parent, tr("Save reminder list"), suggested, tr("CSV (*.csv)"));
    if (path.isEmpty())
        return {};
    return writeReminderList(workspace, fromIso.toStdString(), toIso.toStdString(), path);
}

} // namespace practica::app

#include "ChartPrint.h"

#include "ChartText.h"
#include "app/gui/common/UiText.h"

#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <algorithm>

namespace practica::app {

namespace {

bool writePdf(const QString& path, const QString& body)
{
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::Letter));
    pdf.setResolution(96);
    pdf.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    QTextDocument doc;
    doc.setHtml(body);
    doc.setPageSize(QSizeF(pdf.width(), pdf.height()));
    doc.print(&pdf);
    return QFileInfo(path).size() > 0;
}

} // namespace

bool ChartPrintout::patientSummary(const QString& path) const
{
    const core::Patient& p = summary.header.patient;
    QString body = QStringLiteral("<h2>%1</h2>").arg(tr("Patient summary"));
    body += QStringLiteral("<p><b>%1</b><br>%2</p>")
                .arg(ChartText::html(qs(p.familyName + ", " + p.givenName)), ChartText::html(details));
    body += QStringLiteral("<p><b>%1</b></p>").arg(ChartText::html(ChartText::allergyBanner(summary.header.allergies)));
    body += summaryHtml;
    body += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Immunizations"));
    for (const auto& i : immunizations)
        body += QStringLiteral("<li>%1 %2</li>").arg(UiText::usDate(i.administeredOn), ChartText::html(qs(i.vaccine)));
    body += QStringLiteral("</ul><p style='color:#667085'>%1</p>")
                .arg(tr("Printed %1").arg(ChartText::dateTime(nowMs, timeZone)));
    return writePdf(path, body);
}

bool ChartPrintout::visitSummary(const std::string& encounterId, const QString& path) const
{
    auto visit = std::find_if(encounters.begin(), encounters.end(),
                              [&](const core::Encounter& e) { return e.id == encounterId; });
    if (visit == encounters.end())
        return false;
    const core::Patient& p = summary.header.patient;
    QString body = QStringLiteral("<h2>%1</h2>").arg(tr("Visit summary"));
    body += QStringLiteral("<p><b>%1</b><br>%2</p>")
                .arg(ChartText::html(qs(p.familyName + ", " + p.givenName)), ChartText::html(details));
    body += QStringLiteral("<p>%1 · %2</p>").arg(UiText::usDate(visit->date), ChartText::visitType(visit->visitType));
    if (visit->chiefComplaint)
        body += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Reason:"), ChartText::html(qs(*visit->chiefComplaint)));
    body += QStringLiteral("<p><b>%1</b></p>").arg(ChartText::html(ChartText::allergyBanner(summary.header.allergies)));
    for (const auto& v : vitals)
        if (v.encounterId == encounterId && v.status == "final")
            body += QStringLiteral("<p><b>%1</b> %2</p>")
                        .arg(tr("Vital signs:"), ChartText::html(ChartText::vitalsSummary(v)));
    for (const core::ClinicalNote& n : notes) {
        if (n.encounterId != encounterId)
            continue;
        const QString signer = qs(n.signedBy && staff.count(*n.signedBy) ? staff.at(*n.signedBy) : "");
        body += QStringLiteral("<h3>%1</h3><p style='color:#667085'>%2</p>")
                    .arg(ChartText::noteKind(n), ChartText::html(ChartText::signature(n, signer, timeZone)));
        const std::pair<QString, std::optional<std::string>> sections[] = {{tr("Subjective"), n.subjective},
                                                                           {tr("Objective"), n.objective},
                                                                           {tr("Assessment"), n.assessment},
                                                                           {tr("Plan"), n.plan},
                                                                           {QString(), n.body}};
        for (const auto& [label, text] : sections)
            if (text)
                body += QStringLiteral("<p>%1%2</p>")
                            .arg(label.isEmpty() ? QString() : QStringLiteral("<b>%1</b><br>").arg(label),
                                 ChartText::html(qs(*text)));
    }
    return writePdf(path, body);
}

} // namespace practica::app

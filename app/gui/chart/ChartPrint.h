// The chart's two printouts, to PDF: the patient summary and one visit's summary, made from what the chart
// window has loaded (nothing is read again, so the paper says what the screen said).
#pragma once

#include "core/chart/ChartReader.h"

#include <QCoreApplication>
#include <QString>
#include <map>
#include <string>
#include <vector>

namespace practica::app {

struct ChartPrintout
{
    Q_DECLARE_TR_FUNCTIONS(ChartPrintout)

public:
    const core::ChartSummary& summary;
    QString details;     // the header's line: age, sex, date of birth, MRN
    QString summaryHtml; // the summary tab as shown
    const std::vector<core::Encounter>& encounters;
    const std::vector<core::ClinicalNote>& notes;
    const std::vector<core::VitalSigns>& vitals;
    const std::vector<core::Immunization>& immunizations;
    const std::map<std::string, std::string>& staff; // user id -> name, for signatures
    std::string timeZone;                            // the clinic's
    std::int64_t nowMs = 0;

    // Each writes a Letter-size PDF at path; false when it could not be written (or no such visit).
    bool patientSummary(const QString& path) const;
    bool visitSummary(const std::string& encounterId, const QString& path) const;
};

} // namespace practica::app

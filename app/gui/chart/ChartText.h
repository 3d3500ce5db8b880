// The chart's words: allergy banner, vital signs and their flags, statuses and visit types, and the
// names of the chart's records in the timeline. Core gives codes; the sentences are made here.
#pragma once

#include "core/chart/ChartReader.h"
#include "core/chart/Vitals.h"

#include <QCoreApplication>
#include <QString>

namespace practica::app {

class ChartText
{
    Q_DECLARE_TR_FUNCTIONS(ChartText)

public:
    static QString visitType(const std::string& key);
    static QStringList visitTypeKeys();
    static QString status(const std::string& code); // active, resolved, discontinued, final, open, ...
    static QString severity(const std::string& code);
    static QString allergyCategory(const std::string& code);
    static QString vitalName(const std::string& field);
    static QString vitalFlag(core::VitalFlag flag);
    static QString labFlag(const std::optional<std::string>& flag);
    static QString entity(const std::string& entity); // timeline: "Visit", "Note", "Lab result", ...
    static QString noteKind(const core::ClinicalNote& note);
    // "Signed by Dr. … on 11/21/2025 3:30 PM" or "Draft"
    static QString signature(const core::ClinicalNote& note, const QString& signerName, const std::string& timeZone);
    // The banner line: "No known allergies", "Allergies not recorded", or "Allergies: …".
    static QString allergyBanner(const core::AllergyStatus& status);
    // A UTC time in the clinic's time zone: "11/21/2025 9:00 AM".
    static QString dateTime(std::int64_t utcMs, const std::string& timeZone);
    // For a date-time axis, which labels in this computer's zone: the instant whose wall time here is the
    // clinic's wall time at utcMs, so a reading taken at 9:00 in the clinic is drawn at 9:00 wherever
    // the chart is opened.
    static std::int64_t onClinicClock(std::int64_t utcMs, const std::string& timeZone);
    // One set of vital signs in US units with their flags: "Blood pressure 152/94 mmHg (high), ...".
    static QString vitalsSummary(const core::VitalSigns& vitals);
    // Plain text made safe for the chart's rich-text labels and printouts, line breaks kept.
    static QString html(const QString& text);
};

} // namespace practica::app

// A patient's record as a FHIR R4 collection Bundle (JSON): demographics, visits with their providers,
// problems, allergies (and a recorded "no known allergies"), medications, immunizations, vital signs and lab
// results as the vital-signs and laboratory Observations, and signed notes as DocumentReferences. Every
// resource is named urn:uuid:<the record's id>, and resources refer to each other by those names. Needs
// ClinicalRead (and ScheduleRead for the providers); each export is an audit event (export of the chart).
#pragma once

#include "core/Error.h"

#include <string>

namespace practica::core {

class Session;

class FhirExport
{
public:
    explicit FhirExport(Session& session) : m_session(session) {}

    // The Bundle's JSON text (UTF-8, one line).
    Result<std::string> patientBundle(const std::string& patientId);

private:
    Session& m_session;
};

} // namespace practica::core

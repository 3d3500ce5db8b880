#include "ChartJson.h"

#include "JsonOutput.h"
#include "ScheduleLookup.h"
#include "core/clinic/ClinicStore.h"
#include "words/LabWords.h"

#include <Poco/JSON/Array.h>

namespace practica::app {

namespace {

template <class T> Poco::Dynamic::Var orNull(const std::optional<T>& v)
{
    return v ? Poco::Dynamic::Var(*v) : Poco::Dynamic::Var();
}

} // namespace

CliResult<core::ClinicTime> clinicTime(core::Session& session)
{
    auto clinic = core::ClinicStore(session).get();
    if (!clinic)
        return failure(clinic.error());
    auto time = core::ClinicTime::forZone(clinic->timeZone);
    if (!time)
        return failure(time.error());
    return *time;
}

std::string allergyStateName(core::AllergyState state)
{
    switch (state) {
    case core::AllergyState::NotRecorded:
        return "not_recorded";
    case core::AllergyState::NoKnownAllergies:
        return "no_known_allergies";
    case core::AllergyState::Allergies:
        return "allergies";
    }
    return "not_recorded";
}

std::string vitalFlagName(core::VitalFlag flag)
{
    return flag == core::VitalFlag::Low ? "low" : flag == core::VitalFlag::High ? "high" : "normal";
}

Poco::JSON::Object::Ptr encounterJson(const core::Encounter& e)
{
    auto o = newJsonObject();
    o->set("id", e.id);
    o->set("patient_id", e.patientId);
    o->set("provider_id", e.providerId);
    o->set("appointment_id", orNull(e.appointmentId));
    o->set("date", e.date);
    o->set("started_at", utcText(e.startedAtMs));
    o->set("visit_type", e.visitType);
    o->set("chief_complaint", orNull(e.chiefComplaint));
    o->set("status", e.status);
    return o;
}

Poco::JSON::Object::Ptr noteJson(const core::ClinicalNote& n)
{
    auto o = newJsonObject();
    o->set("id", n.id);
    o->set("encounter_id", n.encounterId);
    o->set("patient_id", n.patientId);
    o->set("author_id", n.authorId);
    o->set("kind", n.kind);
    o->set("addendum_to", orNull(n.addendumTo));
    o->set("template_key", orNull(n.templateKey));
    o->set("subjective", orNull(n.subjective));
    o->set("objective", orNull(n.objective));
    o->set("assessment", orNull(n.assessment));
    o->set("plan", orNull(n.plan));
    o->set("body", orNull(n.body));
    o->set("created_at", utcText(n.createdAtMs));
    o->set("signed", n.isSigned());
    o->set("signed_at", orNull(n.signedAt));
    o->set("signed_by", orNull(n.signedBy));
    o->set("content_sha256", orNull(n.contentSha256));
    return o;
}

Poco::JSON::Object::Ptr vitalsJson(const core::VitalSigns& v, core::UnitSystem units)
{
    auto o = newJsonObject();
    o->set("id", v.id);
    o->set("patient_id", v.patientId);
    o->set("encounter_id", orNull(v.encounterId));
    o->set("taken_at", utcText(v.takenAtMs));
    o->set("status", v.status);
    o->set("height_mm", orNull(v.heightMm));
    o->set("weight_g", orNull(v.weightG));
    o->set("systolic", orNull(v.systolic));
    o->set("diastolic", orNull(v.diastolic));
    o->set("pulse", orNull(v.pulse));
    o->set("temperature_dc", orNull(v.temperatureDeciC));
    o->set("respiratory_rate", orNull(v.respiratoryRate));
    o->set("spo2", orNull(v.spo2));
    o->set("pain", orNull(v.pain));
    o->set("bmi", orNull(core::bodyMassIndex(v)));
    Poco::JSON::Array::Ptr readings = new Poco::JSON::Array;
    bool flagged = false;
    for (const core::VitalReading& r : core::vitalReadings(v, units)) {
        auto reading = newJsonObject();
        reading->set("field", r.field);
        reading->set("value", r.text);
        reading->set("unit", r.unit);
        reading->set("flag", vitalFlagName(r.flag));
        flagged = flagged || r.flag != core::VitalFlag::Normal;
        readings->add(reading);
    }
    o->set("readings", readings);
    o->set("flagged", flagged);
    return o;
}

Poco::JSON::Object::Ptr problemJson(const core::Problem& p)
{
    auto o = newJsonObject();
    o->set("id", p.id);
    o->set("patient_id", p.patientId);
    o->set("code_system", p.codeSystem);
    o->set("code", p.code);
    o->set("display", p.display);
    o->set("onset_date", orNull(p.onsetDate));
    o->set("resolved_date", orNull(p.resolvedDate));
    o->set("status", p.status);
    o->set("note", orNull(p.note));
    return o;
}

Poco::JSON::Object::Ptr allergyJson(const core::Allergy& a)
{
    auto o = newJsonObject();
    o->set("id", a.id);
    o->set("patient_id", a.patientId);
    o->set("category", a.category);
    o->set("substance", a.substance);
    o->set("reaction", orNull(a.reaction));
    o->set("severity", a.severity);
    o->set("status", a.status);
    o->set("onset_date", orNull(a.onsetDate));
    o->set("note", orNull(a.note));
    return o;
}

Poco::JSON::Object::Ptr labJson(const core::LabResult& l)
{
    auto o = newJsonObject();
    o->set("id", l.id);
    o->set("patient_id", l.patientId);
    o->set("loinc_code", orNull(l.loincCode));
    o->set("name", l.name);
    o->set("value", l.value);
    o->set("unit", orNull(l.unit));
    o->set("reference_range", orNull(l.referenceRange));
    o->set("abnormal_flag", orNull(l.abnormalFlag));
    o->set("result_status", l.resultStatus);
    o->set("collected_at", utcText(l.collectedAtMs));
    o->set("accession", orNull(l.accession));
    o->set("source", orNull(l.source));
    o->set("message_id", orNull(l.messageId));
    o->set("note", orNull(l.note));
    return o;
}

Poco::JSON::Object::Ptr labOutcomeJson(const core::LabMessageOutcome& m)
{
    using Kind = core::LabMessageOutcome::Kind;
    auto o = newJsonObject();
    o->set("outcome", m.kind == Kind::Imported ? "imported" : m.kind == Kind::Duplicate ? "duplicate" : "held");
    o->set("control_id", m.controlId.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(m.controlId));
    o->set("line", m.line);
    o->set("patient_id", m.patientId.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(m.patientId));
    o->set("results", m.results);
    o->set("held_id", m.heldId.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(m.heldId));
    o->set("reason", m.reason.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(m.reason));
    auto params = newJsonObject();
    for (const auto& [k, v] : m.params)
        params->set(k, v);
    o->set("params", params);
    return o;
}

Poco::JSON::Object::Ptr heldLabJson(const core::HeldLabMessage& h)
{
    auto o = newJsonObject();
    o->set("id", h.id);
    o->set("file_name", h.fileName);
    o->set("received_at", utcText(h.receivedAtMs));
    o->set("control_id", orNull(h.controlId));
    o->set("reason", h.reason);
    auto params = newJsonObject();
    for (const auto& [k, v] : h.params)
        params->set(k, v);
    o->set("params", params);
    o->set("explanation", words::heldLabSentence(h.reason, h.params));
    o->set("status", h.status);
    o->set("message", h.message);
    return o;
}

} // namespace practica::app

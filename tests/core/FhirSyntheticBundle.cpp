#include "FhirSyntheticBundle.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <vector>

namespace practica::test {

namespace {

using Object = Poco::JSON::Object::Ptr;
using Array = Poco::JSON::Array::Ptr;

constexpr const char* kSnomed = "http://snomed.info/sct";
constexpr const char* kLoinc = "http://loinc.org";
constexpr const char* kUcum = "http://unitsofmeasure.org";
constexpr const char* kSyntheaId = "https://github.com/synthetichealth/synthea";

Object obj()
{
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

template <class... T> Array arr(T... items)
{
    Array a = new Poco::JSON::Array();
    (a->add(items), ...);
    return a;
}

Object coding(const char* system, const std::string& code, const std::string& display)
{
    Object c = obj();
    c->set("system", system);
    c->set("code", code);
    c->set("display", display);
    return c;
}

Object cc(const char* system, const std::string& code, const std::string& display)
{
    Object c = obj();
    c->set("coding", arr(coding(system, code, display)));
    c->set("text", display);
    return c;
}

Object reference(const std::string& target)
{
    Object r = obj();
    r->set("reference", target);
    return r;
}

Object quantity(double value, const std::string& ucum)
{
    Object q = obj();
    q->set("value", value);
    q->set("unit", ucum);
    q->set("system", kUcum);
    q->set("code", ucum);
    return q;
}

// A small deterministic generator (a 32-bit LCG): the same seed gives the same patient.
class Dice
{
public:
    explicit Dice(unsigned seed) : m_state(seed * 2654435761u + 1) {}
    unsigned next()
    {
        m_state = m_state * 1664525u + 1013904223u;
        return m_state >> 8;
    }
    int between(int low, int high) { return low + static_cast<int>(next() % static_cast<unsigned>(high - low + 1)); }

private:
    unsigned m_state;
};

std::string uuid(Dice& dice)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-8%03x-%04x%08x", dice.next(), dice.next() & 0xffff,
                  dice.next() & 0xfff, dice.next() & 0xfff, dice.next() & 0xffff, dice.next());
    return buf;
}

// 2009-01-05 plus days, at 09:00 Eastern standard time, as Synthea writes its local times with an offset.
std::string dayAt(int days, int minutes = 0)
{
    static const int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 2009, m = 1, d = 5 + days;
    for (;;) {
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        const int inMonth = monthDays[m - 1] + (m == 2 && leap ? 1 : 0);
        if (d <= inMonth)
            break;
        d -= inMonth;
        if (++m > 12) {
            m = 1;
            ++y;
        }
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00-05:00", y, m, d, 9 + minutes / 60, minutes % 60);
    return buf;
}

std::string fixed(double v, int decimals)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

class Writer
{
public:
    explicit Writer(SyntheticBundle& out) : m_out(out) {}
    std::string add(Object resource, Dice& dice, bool kept)
    {
        const std::string id = uuid(dice);
        const std::string type = resource->getValue<std::string>("resourceType");
        resource->set("id", id);
        Object entry = obj();
        entry->set("fullUrl", "urn:uuid:" + id);
        entry->set("resource", resource);
        Object request = obj();
        request->set("method", "POST");
        request->set("url", type);
        entry->set("request", request);
        m_entries->add(entry);
        ++(kept ? m_out.kept : m_out.skipped)[type];
        ++m_out.entries;
        return "urn:uuid:" + id;
    }
    Array entries() const { return m_entries; }

private:
    SyntheticBundle& m_out;
    Array m_entries = new Poco::JSON::Array();
};

Object resource(const char* type)
{
    Object r = obj();
    r->set("resourceType", type);
    return r;
}

Object observation(const char* category, const std::string& patient, const std::string& encounter,
                   const std::string& when)
{
    Object o = resource("Observation");
    o->set("status", "final");
    o->set("category", arr([&] {
               Object c = obj();
               c->set("coding",
                      arr(coding("http://terminology.hl7.org/CodeSystem/observation-category", category, category)));
               return c;
           }()));
    o->set("code", Object()); // filled in by the caller, kept in FHIR's order
    o->set("subject", reference(patient));
    o->set("encounter", reference(encounter));
    o->set("effectiveDateTime", when);
    o->set("issued", when.substr(0, 19) + ".123-05:00");
    return o;
}

struct Snomed
{
    const char* code;
    const char* display;
};

} // namespace

SyntheticBundle syntheaLikeBundle(int encounters, const std::string& npi, unsigned seed)
{
    SyntheticBundle out;
    Dice dice(seed);
    Writer w(out);

    Object patient = resource("Patient");
    patient->set("identifier", arr(
                                   [&] {
                                       Object id = obj();
                                       id->set("system", kSyntheaId);
                                       id->set("value", uuid(dice));
                                       return id;
                                   }(),
                                   [&] {
                                       Object id = obj();
                                       Object type = obj();
                                       type->set("coding", arr(coding("http://terminology.hl7.org/CodeSystem/v2-0203",
                                                                      "MR", "Medical Record Number")));
                                       id->set("type", type);
                                       id->set("system", "http://hospital.smarthealthit.org");
                                       id->set("value", uuid(dice));
                                       return id;
                                   }()));
    Object name = obj();
    name->set("use", "official");
    name->set("family", "Quigley282");
    name->set("given", arr(std::string("Marisol312"), std::string("Ines")));
    name->set("prefix", arr(std::string("Mrs.")));
    patient->set("name", arr(name));
    Object phone = obj();
    phone->set("system", "phone");
    phone->set("value", "555-446-1996");
    phone->set("use", "home");
    patient->set("telecom", arr(phone));
    patient->set("gender", "female");
    patient->set("birthDate", "1961-07-14");
    Object address = obj();
    address->set("line", arr(std::string("787 Heidenreich Terrace Unit 12")));
    address->set("city", "Milton");
    address->set("state", "Massachusetts");
    address->set("postalCode", "02186");
    address->set("country", "US");
    patient->set("address", arr(address));
    Object language = obj();
    language->set("language", cc("urn:ietf:bcp:47", "en-US", "English"));
    patient->set("communication", arr(language));
    const std::string patientUrl = w.add(patient, dice, true);

    const std::string organization = "Organization?identifier=" + std::string(kSyntheaId) + "|" + uuid(dice);
    const std::string location = "Location?identifier=" + std::string(kSyntheaId) + "|" + uuid(dice);

    // Allergies, as Synthea lists them at the start of a record.
    const struct
    {
        const char* category;
        Snomed substance;
        Snomed manifestation;
        const char* severity;
    } allergies[] = {
        {"food", {"91935009", "Allergy to peanuts"}, {"247472004", "Wheal (finding)"}, "moderate"},
        {"environment", {"256277009", "Grass pollen (substance)"}, {"21626009", "Cough (finding)"}, "mild"},
        {"medication", {"7980", "Penicillin G"}, {"271807003", "Eruption of skin"}, "severe"}};
    for (const auto& a : allergies) {
        Object r = resource("AllergyIntolerance");
        r->set("clinicalStatus",
               cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active"));
        r->set("verificationStatus",
               cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed", "Confirmed"));
        r->set("type", "allergy");
        r->set("category", arr(std::string(a.category)));
        r->set("criticality", std::string(a.severity) == "severe" ? "high" : "low");
        r->set("code", std::string(a.category) == "medication"
                           ? cc("http://www.nlm.nih.gov/research/umls/rxnorm", a.substance.code, a.substance.display)
                           : cc(kSnomed, a.substance.code, a.substance.display));
        r->set("patient", reference(patientUrl));
        r->set("recordedDate", dayAt(0));
        Object reaction = obj();
        reaction->set("manifestation", arr(cc(kSnomed, a.manifestation.code, a.manifestation.display)));
        reaction->set("severity", a.severity);
        r->set("reaction", arr(reaction));
        w.add(r, dice, true);
    }

    static const Snomed conditions[] = {
        {"44054006", "Diabetes mellitus type 2 (disorder)"}, {"59621000", "Essential hypertension (disorder)"},
        {"444814009", "Viral sinusitis (disorder)"},         {"195662009", "Acute viral pharyngitis (disorder)"},
        {"10509002", "Acute bronchitis (disorder)"},         {"160903007", "Full-time employment (finding)"}};
    static const struct
    {
        const char* cvx;
        const char* display;
    } vaccines[] = {{"140", "Influenza, seasonal, injectable, preservative free"},
                    {"113", "Td (adult) preservative free"},
                    {"133", "Pneumococcal conjugate PCV 13"},
                    {"08", "Hep B, adolescent or pediatric"}};
    static const struct
    {
        const char* rxnorm;
        const char* display;
    } drugs[] = {{"860975", "24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet"},
                 {"314076", "lisinopril 10 MG Oral Tablet"},
                 {"313782", "Acetaminophen 325 MG Oral Tablet"}};

    double heightIn = 64.0 + dice.between(0, 40) / 10.0;
    double weightLb = 150.0 + dice.between(0, 300) / 10.0;
    for (int k = 0; k < encounters; ++k) {
        const std::string start = dayAt(k * 30), end = dayAt(k * 30, 15);
        Object e = resource("Encounter");
        e->set("status", "finished");
        e->set("class", coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        e->set("type", arr(cc(kSnomed, "185349003", "Encounter for check up (procedure)")));
        e->set("subject", reference(patientUrl));
        Object participant = obj();
        participant->set(
            "type", arr(cc("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PPRF", "primary performer")));
        const std::string practitionerNpi = k % 10 == 9 ? "9999999991" : npi;
        Object individual = reference("Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|" + practitionerNpi);
        individual->set("display", "Dr. Lupe126 Kozey370");
        participant->set("individual", individual);
        e->set("participant", arr(participant));
        Object period = obj();
        period->set("start", start);
        period->set("end", end);
        e->set("period", period);
        if (k % 4 == 2)
            e->set("reasonCode", arr(cc(kSnomed, conditions[k % 6].code, conditions[k % 6].display)));
        e->set("serviceProvider", reference(organization));
        Object where = obj();
        where->set("location", reference(location));
        e->set("location", arr(where));
        const std::string encounter = w.add(e, dice, true);

        // Vital signs in US units, as a US clinic's system sends them.
        heightIn += k < 10 ? 0.1 : 0.0;
        weightLb += dice.between(-20, 20) / 10.0;
        const double tempF = 97.5 + dice.between(0, 20) / 10.0;
        if (k == 0) {
            out.firstHeightIn = fixed(heightIn, 1);
            out.firstWeightLb = fixed(weightLb, 1);
            out.firstTemperatureF = fixed(tempF, 1);
        }
        const double bmi = (weightLb * 0.45359237) / ((heightIn * 0.0254) * (heightIn * 0.0254));
        const struct
        {
            const char* loinc;
            const char* display;
            double value;
            const char* unit;
        } vitals[] = {{"8302-2", "Body Height", std::stod(fixed(heightIn, 1)), "[in_i]"},
                      {"29463-7", "Body Weight", std::stod(fixed(weightLb, 1)), "[lb_av]"},
                      {"39156-5", "Body Mass Index", std::stod(fixed(bmi, 2)), "kg/m2"},
                      {"8867-4", "Heart rate", double(dice.between(58, 96)), "/min"},
                      {"9279-1", "Respiratory rate", double(dice.between(12, 18)), "/min"},
                      {"8310-5", "Body temperature", std::stod(fixed(tempF, 1)), "[degF]"},
                      {"72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
                       double(dice.between(0, 4)), "{score}"}};
        for (const auto& v : vitals) {
            Object o = observation("vital-signs", patientUrl, encounter, start);
            o->set("code", cc(kLoinc, v.loinc, v.display));
            o->set("valueQuantity", quantity(v.value, v.unit));
            w.add(o, dice, true);
            ++out.vitalObservations;
        }
        Object bp = observation("vital-signs", patientUrl, encounter, start);
        bp->set("code", cc(kLoinc, "85354-9", "Blood pressure panel with all children optional"));
        Object systolic = obj(), diastolic = obj();
        diastolic->set("code", cc(kLoinc, "8462-4", "Diastolic Blood Pressure"));
        diastolic->set("valueQuantity", quantity(dice.between(70, 92), "mm[Hg]"));
        systolic->set("code", cc(kLoinc, "8480-6", "Systolic Blood Pressure"));
        systolic->set("valueQuantity", quantity(dice.between(112, 148), "mm[Hg]"));
        bp->set("component", arr(diastolic, systolic));
        w.add(bp, dice, true);
        ++out.vitalObservations;
        if (k % 5 == 0) {
            Object spo2 = observation("vital-signs", patientUrl, encounter, start);
            spo2->set("code", cc(kLoinc, "2708-6", "Oxygen saturation in Arterial blood"));
            spo2->set("valueQuantity", quantity(dice.between(94, 99), "%"));
            w.add(spo2, dice, true);
            ++out.vitalObservations;
            // A vital-signs Observation Practica does not keep.
            Object head = observation("vital-signs", patientUrl, encounter, start);
            head->set("code", cc(kLoinc, "8289-1", "Head Occipital-frontal circumference Percentile"));
            head->set("valueQuantity", quantity(50, "%"));
            w.add(head, dice, false);
        }
        ++out.vitalSets;

        std::vector<std::string> results;
        if (k % 3 == 0) {
            Object glucose = observation("laboratory", patientUrl, encounter, dayAt(k * 30, 10));
            glucose->set("code", cc(kLoinc, "2339-0", "Glucose [Mass/volume] in Blood"));
            glucose->set("valueQuantity", quantity(70 + dice.between(0, 900) / 10.0, "mg/dL"));
            results.push_back(w.add(glucose, dice, true));
            Object a1c = observation("laboratory", patientUrl, encounter, dayAt(k * 30, 10));
            a1c->set("code", cc(kLoinc, "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"));
            a1c->set("valueQuantity", quantity(5 + dice.between(0, 40) / 10.0, "%"));
            results.push_back(w.add(a1c, dice, true));
        }
        if (k % 10 == 4) {
            Object covid = observation("laboratory", patientUrl, encounter, dayAt(k * 30, 10));
            covid->set("code", cc(kLoinc, "94531-1", "SARS-CoV-2 RNA Pnl Resp NAA+probe"));
            covid->set("valueCodeableConcept", cc(kSnomed, "260385009", "Negative (qualifier value)"));
            results.push_back(w.add(covid, dice, true));
        }
        if (!results.empty()) {
            Object report = resource("DiagnosticReport");
            report->set("status", "final");
            report->set("code", cc(kLoinc, "51990-0", "Basic metabolic panel - Blood"));
            report->set("subject", reference(patientUrl));
            report->set("encounter", reference(encounter));
            report->set("effectiveDateTime", dayAt(k * 30, 10));
            Array refs = arr();
            for (const std::string& r : results)
                refs->add(reference(r));
            report->set("result", refs);
            w.add(report, dice, false);
        }
        if (k % 5 == 1) {
            Object survey = observation("survey", patientUrl, encounter, start);
            survey->set("code", cc(kLoinc, "72166-2", "Tobacco smoking status"));
            survey->set("valueCodeableConcept", cc(kSnomed, "266919005", "Never smoked tobacco (finding)"));
            w.add(survey, dice, false);
        }
        if (k % 4 == 2) {
            const Snomed& c = conditions[k % 6];
            Object r = resource("Condition");
            const bool resolved = k % 8 == 6;
            r->set("clinicalStatus", cc("http://terminology.hl7.org/CodeSystem/condition-clinical",
                                        resolved ? "resolved" : "active", resolved ? "Resolved" : "Active"));
            r->set("verificationStatus",
                   cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"));
            r->set("category", arr(cc("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis",
                                      "Encounter Diagnosis")));
            r->set("code", cc(kSnomed, c.code, c.display));
            r->set("subject", reference(patientUrl));
            r->set("encounter", reference(encounter));
            r->set("onsetDateTime", start);
            if (resolved)
                r->set("abatementDateTime", dayAt(k * 30 + 14));
            r->set("recordedDate", start);
            w.add(r, dice, true);
        }
        if (k % 2 == 0) {
            const auto& v = vaccines[(k / 2) % 4];
            Object r = resource("Immunization");
            r->set("status", "completed");
            r->set("vaccineCode", cc("http://hl7.org/fhir/sid/cvx", v.cvx, v.display));
            r->set("patient", reference(patientUrl));
            r->set("encounter", reference(encounter));
            r->set("occurrenceDateTime", start);
            r->set("primarySource", true);
            w.add(r, dice, true);
        }
        if (k % 6 == 3) {
            const auto& d = drugs[(k / 6) % 3];
            Object r = resource("MedicationRequest");
            r->set("status", k + 6 < encounters ? "stopped" : "active");
            r->set("intent", "order");
            r->set("medicationCodeableConcept", cc("http://www.nlm.nih.gov/research/umls/rxnorm", d.rxnorm, d.display));
            r->set("subject", reference(patientUrl));
            r->set("encounter", reference(encounter));
            r->set("authoredOn", start);
            r->set("requester", reference("Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|" + npi));
            Object repeat = obj();
            repeat->set("frequency", 1);
            repeat->set("period", 1.0);
            repeat->set("periodUnit", "d");
            Object timing = obj();
            timing->set("repeat", repeat);
            Object dose = obj();
            dose->set("value", 1.0);
            Object doseAndRate = obj();
            doseAndRate->set("type", cc("http://terminology.hl7.org/CodeSystem/dose-rate-type", "ordered", "Ordered"));
            doseAndRate->set("doseQuantity", dose);
            Object dosage = obj();
            dosage->set("sequence", 1);
            dosage->set("timing", timing);
            dosage->set("asNeededBoolean", false);
            dosage->set("doseAndRate", arr(doseAndRate));
            r->set("dosageInstruction", arr(dosage));
            w.add(r, dice, true);
        }
        if (k % 3 == 1) {
            Object r = resource("Procedure");
            r->set("status", "completed");
            r->set("code", cc(kSnomed, "430193006", "Medication Reconciliation (procedure)"));
            r->set("subject", reference(patientUrl));
            r->set("encounter", reference(encounter));
            Object performed = obj();
            performed->set("start", start);
            performed->set("end", end);
            r->set("performedPeriod", performed);
            w.add(r, dice, false);
        }
        // The claim and the explanation of benefit that follow every encounter.
        Object claim = resource("Claim");
        claim->set("status", "active");
        claim->set("type", cc("http://terminology.hl7.org/CodeSystem/claim-type", "professional", "Professional"));
        claim->set("use", "claim");
        claim->set("patient", reference(patientUrl));
        Object billable = obj();
        billable->set("start", start);
        billable->set("end", end);
        claim->set("billablePeriod", billable);
        claim->set("created", end);
        claim->set("provider", reference(organization));
        Object priority = obj();
        priority->set("coding", arr(coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", "")));
        claim->set("priority", priority);
        Object item = obj();
        item->set("sequence", 1);
        item->set("productOrService", cc(kSnomed, "185349003", "Encounter for check up (procedure)"));
        item->set("encounter", arr(reference(encounter)));
        claim->set("item", arr(item));
        Object total = obj();
        total->set("value", 136.8);
        total->set("currency", "USD");
        claim->set("total", total);
        const std::string claimUrl = w.add(claim, dice, false);
        Object eob = resource("ExplanationOfBenefit");
        eob->set("status", "active");
        eob->set("type", cc("http://terminology.hl7.org/CodeSystem/claim-type", "professional", "Professional"));
        eob->set("use", "claim");
        eob->set("patient", reference(patientUrl));
        eob->set("created", end);
        eob->set("insurer", reference(organization));
        eob->set("provider", reference("Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|" + practitionerNpi));
        eob->set("claim", reference(claimUrl));
        eob->set("outcome", "complete");
        w.add(eob, dice, false);
    }
    for (const char* type : {"CareTeam", "CarePlan", "CarePlan", "Device", "ImagingStudy", "SupplyDelivery", "Goal"}) {
        Object r = resource(type);
        r->set("status", std::string(type) == "Device" ? "active" : "completed");
        r->set(std::string(type) == "Device" || std::string(type) == "ImagingStudy" ? "patient" : "subject",
               reference(patientUrl));
        w.add(r, dice, false);
    }
    Object provenance = resource("Provenance");
    provenance->set("target", arr(reference(patientUrl)));
    provenance->set("recorded", dayAt(encounters * 30));
    w.add(provenance, dice, false);

    Object bundle = obj();
    bundle->set("resourceType", "Bundle");
    bundle->set("type", "transaction");
    bundle->set("entry", w.entries());
    std::ostringstream text;
    Poco::JSON::Stringifier::condense(bundle, text);
    out.json = text.str();
    return out;
}

} // namespace practica::test

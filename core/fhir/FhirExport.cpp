#include "FhirExport.h"

#include "FhirCodes.h"
#include "FhirJson.h"
#include "core/auth/Session.h"
#include "core/chart/ChartReader.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/EncounterStore.h"
#include "core/chart/Vitals.h"
#include "core/clinic/ClinicStore.h"
#include "core/codes/CodeSets.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/util/Uuid.h"
#include "core/util/Validators.h"

#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Stringifier.h>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace practica::core {

using namespace fhir;

namespace {

std::string urn(const std::string& id)
{
    return "urn:uuid:" + id;
}

// A resource of the given type and id with its Bundle entry.
class EntryList
{
public:
    Object add(const std::string& type, const std::string& id)
    {
        Object resource = object();
        resource->set("resourceType", type);
        resource->set("id", id);
        Object entry = object();
        entry->set("fullUrl", urn(id));
        entry->set("resource", resource);
        m_entries->add(entry);
        return resource;
    }
    const Array& entries() const { return m_entries; }

private:
    Array m_entries = array();
};

void setNote(Object r, const std::optional<std::string>& note)
{
    if (note && !note->empty())
        r->set("note", textList(*note));
}

Object statusConcept(const char* system, const std::string& code)
{
    return codeable(coding(system, code), std::nullopt);
}

Object quantity(const std::string& value, const std::string& ucum)
{
    Object q = object();
    q->set("value", Decimal{value});
    q->set("unit", ucum);
    q->set("system", kUcum);
    q->set("code", ucum);
    return q;
}

std::string tenths(int value)
{
    const int whole = value / 10, frac = std::abs(value % 10);
    return (value < 0 && whole == 0 ? "-" : "") + std::to_string(whole) + (frac ? "." + std::to_string(frac) : "");
}

std::string thousandths(int value)
{
    std::string text = std::to_string(value / 1000);
    int frac = std::abs(value % 1000);
    if (frac == 0)
        return text;
    std::string digits = std::to_string(1000 + frac).substr(1);
    while (digits.back() == '0')
        digits.pop_back();
    return text + "." + digits;
}

Object humanName(const std::string& use, const std::string& family, const std::vector<std::string>& given)
{
    Object n = object();
    n->set("use", use);
    if (!family.empty())
        n->set("family", family);
    Array g = array();
    for (const std::string& part : given)
        if (!part.empty())
            g->add(part);
    if (g->size() > 0)
        n->set("given", g);
    return n;
}

class BundleWriter
{
public:
    BundleWriter(Session& session, const Clinic& clinic) : m_session(session), m_clinic(clinic) {}

    void patient(const Patient& p);
    void practitioner(const Provider& provider);
    void encounter(const Encounter& e, const std::optional<Provider>& provider);
    void problem(const Problem& p);
    void allergy(const Allergy& a);
    void noKnownAllergies(const AllergyReview& review);
    void medication(const Medication& m);
    void immunization(const Immunization& i);
    void vitals(const VitalSigns& v);
    void lab(const LabResult& r);
    void note(const ClinicalNote& n, const std::map<std::string, std::string>& staff);
    std::string text();

private:
    Object observation(const std::string& id, const std::string& category, const std::string& status,
                       const std::optional<std::string>& encounterId, std::int64_t atMs);
    Object subject() const { return referenceTo(urn(m_patientId)); }

    Session& m_session;
    const Clinic& m_clinic;
    EntryList m_list;
    std::string m_patientId;
};

void BundleWriter::patient(const Patient& p)
{
    m_patientId = p.id;
    Object r = m_list.add("Patient", p.id);
    Object mrn = object();
    mrn->set("use", "usual");
    mrn->set("type", codeable(coding(kIdentifierType, "MR", "Medical record number"), std::string("MRN")));
    mrn->set("system", mrnSystemUri(m_clinic.id));
    mrn->set("value", p.mrn);
    Array ids = array();
    ids->add(mrn);
    r->set("identifier", ids);
    r->set("active", p.status == PatientStatus::Active || p.status == PatientStatus::Deceased);
    Array names = array();
    Object official = humanName("official", p.familyName, {p.givenName, p.middleName.value_or("")});
    if (p.suffix) {
        Array suffix = array();
        suffix->add(*p.suffix);
        official->set("suffix", suffix);
    }
    names->add(official);
    if (p.preferredName && *p.preferredName != p.givenName)
        names->add(humanName("usual", p.familyName, {*p.preferredName}));
    r->set("name", names);
    Array telecom = array();
    for (const auto& [number, use] :
         {std::pair{&p.phoneHome, "home"}, std::pair{&p.phoneMobile, "mobile"}, std::pair{&p.phoneWork, "work"}}) {
        if (!*number)
            continue;
        Object t = object();
        t->set("system", "phone");
        t->set("value", formatPhone(**number));
        t->set("use", use);
        telecom->add(t);
    }
    if (p.email) {
        Object t = object();
        t->set("system", "email");
        t->set("value", *p.email);
        telecom->add(t);
    }
    if (telecom->size() > 0)
        r->set("telecom", telecom);
    r->set("gender", p.sex);
    r->set("birthDate", p.dateOfBirth);
    if (p.status == PatientStatus::Deceased) {
        if (p.deceasedDate)
            r->set("deceasedDateTime", *p.deceasedDate);
        else
            r->set("deceasedBoolean", true);
    }
    if (p.addressLine1 || p.city || p.state || p.zip) {
        Object a = object();
        a->set("use", "home");
        Array lines = array();
        for (const auto* line : {&p.addressLine1, &p.addressLine2})
            if (*line)
                lines->add(**line);
        if (lines->size() > 0)
            a->set("line", lines);
        if (p.city)
            a->set("city", *p.city);
        if (p.state)
            a->set("state", *p.state);
        if (p.zip)
            a->set("postalCode", *p.zip);
        Array addresses = array();
        addresses->add(a);
        r->set("address", addresses);
    }
    if (p.preferredLanguage) {
        Object c = object();
        c->set("language", conceptText(*p.preferredLanguage));
        Array languages = array();
        languages->add(c);
        r->set("communication", languages);
    }
}

void BundleWriter::practitioner(const Provider& provider)
{
    Object r = m_list.add("Practitioner", provider.id);
    if (provider.npi) {
        Object npi = object();
        npi->set("system", kNpi);
        npi->set("value", *provider.npi);
        Array ids = array();
        ids->add(npi);
        r->set("identifier", ids);
    }
    r->set("active", provider.active);
    const auto space = provider.name.rfind(' ');
    Object name = humanName("official", space == std::string::npos ? provider.name : provider.name.substr(space + 1),
                            {space == std::string::npos ? std::string() : provider.name.substr(0, space)});
    name->set("text", provider.name + (provider.credentials ? ", " + *provider.credentials : std::string()));
    if (provider.credentials) {
        Array suffix = array();
        suffix->add(*provider.credentials);
        name->set("suffix", suffix);
    }
    Array names = array();
    names->add(name);
    r->set("name", names);
}

void BundleWriter::encounter(const Encounter& e, const std::optional<Provider>& provider)
{
    Object r = m_list.add("Encounter", e.id);
    r->set("status", encounterStatusCode(e.status));
    r->set("class", coding(kActCode, "AMB", "ambulatory"));
    Array types = array();
    types->add(conceptText(e.visitType));
    r->set("type", types);
    r->set("subject", subject());
    if (provider) {
        Object participant = object();
        Array roles = array();
        roles->add(codeable(coding(kParticipationType, "PPRF", "primary performer"), std::nullopt));
        participant->set("type", roles);
        participant->set("individual", referenceTo(urn(provider->id), provider->name));
        Array participants = array();
        participants->add(participant);
        r->set("participant", participants);
    }
    Object period = object();
    period->set("start", instantText(e.startedAtMs));
    r->set("period", period);
    if (e.chiefComplaint && !e.chiefComplaint->empty()) {
        Array reasons = array();
        reasons->add(conceptText(*e.chiefComplaint));
        r->set("reasonCode", reasons);
    }
}

void BundleWriter::problem(const Problem& p)
{
    Object r = m_list.add("Condition", p.id);
    const bool inError = p.status == "entered_in_error";
    // con-5: no clinical status on a condition entered in error; con-4: an abated condition is not active.
    if (!inError)
        r->set("clinicalStatus", statusConcept(kConditionClinical, conditionClinicalCode(p.status)));
    r->set("verificationStatus",
           statusConcept(kConditionVerification, inError ? "entered-in-error" : std::string("confirmed")));
    Array categories = array();
    categories->add(codeable(coding(kConditionCategory, "problem-list-item", "Problem List Item"), std::nullopt));
    r->set("category", categories);
    const std::string system = p.codeSystem == "other" ? std::string() : codeSystemUriFor(p.codeSystem).value_or("");
    r->set("code", codeable(coding(system, p.code, p.display), p.display));
    r->set("subject", subject());
    if (p.onsetDate)
        r->set("onsetDateTime", *p.onsetDate);
    if (p.resolvedDate && (p.status == "resolved" || p.status == "inactive"))
        r->set("abatementDateTime", *p.resolvedDate);
    setNote(r, p.note);
}

void BundleWriter::allergy(const Allergy& a)
{
    Object r = m_list.add("AllergyIntolerance", a.id);
    const bool inError = a.status == "entered_in_error";
    if (!inError) // ait-1, ait-2
        r->set("clinicalStatus", statusConcept(kAllergyClinical, allergyClinicalCode(a.status)));
    r->set("verificationStatus",
           statusConcept(kAllergyVerification, inError ? "entered-in-error" : std::string("confirmed")));
    r->set("type", "allergy");
    if (auto category = allergyCategoryCode(a.category)) {
        Array categories = array();
        categories->add(*category);
        r->set("category", categories);
    }
    r->set("criticality", criticalityCode(a.severity));
    Object code;
    if (a.code)
        code = coding(a.codeSystem ? codeSystemUriFor(*a.codeSystem).value_or(*a.codeSystem) : std::string(), *a.code,
                      a.substance);
    r->set("code", codeable(code, a.substance));
    r->set("patient", subject());
    if (a.onsetDate)
        r->set("onsetDateTime", *a.onsetDate);
    setNote(r, a.note);
    if (a.reaction && !a.reaction->empty()) {
        Object reaction = object();
        reaction->set("manifestation", textList(*a.reaction));
        if (a.severity != "unknown")
            reaction->set("severity", a.severity);
        Array reactions = array();
        reactions->add(reaction);
        r->set("reaction", reactions);
    }
}

void BundleWriter::noKnownAllergies(const AllergyReview& review)
{
    Object r = m_list.add("AllergyIntolerance", review.id);
    r->set("clinicalStatus", statusConcept(kAllergyClinical, "active"));
    r->set("verificationStatus", statusConcept(kAllergyVerification, "confirmed"));
    r->set("code", codeable(coding(kSnomed, kNoKnownAllergy, "No known allergy"), std::string("No known allergy")));
    r->set("patient", subject());
    r->set("recordedDate", review.reviewedAt);
}

void BundleWriter::medication(const Medication& m)
{
    Object r = m_list.add("MedicationStatement", m.id);
    r->set("status", medicationStatementStatusCode(m.status));
    Object code;
    if (m.code)
        code = coding(m.codeSystem ? codeSystemUriFor(*m.codeSystem).value_or(*m.codeSystem) : std::string(), *m.code,
                      m.name);
    r->set("medicationCodeableConcept", codeable(code, m.name));
    r->set("subject", subject());
    if (m.startDate || m.endDate) {
        Object period = object();
        if (m.startDate)
            period->set("start", *m.startDate);
        if (m.endDate)
            period->set("end", *m.endDate);
        r->set("effectivePeriod", period);
    }
    setNote(r, m.note);
    if (m.dose || m.route || m.frequency) {
        Object dosage = object();
        std::string text;
        for (const auto* part : {&m.dose, &m.route, &m.frequency})
            if (*part)
                text += (text.empty() ? "" : " ") + **part;
        dosage->set("text", text);
        if (m.frequency) {
            Object timing = object();
            timing->set("code", conceptText(*m.frequency));
            dosage->set("timing", timing);
        }
        if (m.route)
            dosage->set("route", conceptText(*m.route));
        if (m.dose) {
            // "10 mg" is a quantity; any other dose stays in the text alone.
            const auto space = m.dose->find(' ');
            const std::string number = m.dose->substr(0, space);
            if (isDecimalText(number)) {
                Object dose = object();
                dose->set("value", Decimal{number});
                if (space != std::string::npos)
                    dose->set("unit", m.dose->substr(space + 1));
                Object doseAndRate = object();
                doseAndRate->set("doseQuantity", dose);
                Array list = array();
                list->add(doseAndRate);
                dosage->set("doseAndRate", list);
            }
        }
        Array dosages = array();
        dosages->add(dosage);
        r->set("dosage", dosages);
    }
}

void BundleWriter::immunization(const Immunization& i)
{
    Object r = m_list.add("Immunization", i.id);
    r->set("status", immunizationStatusCode(i.status));
    r->set("vaccineCode", codeable(coding(kCvx, i.cvxCode, i.vaccine), i.vaccine));
    r->set("patient", subject());
    r->set("occurrenceDateTime", i.administeredOn);
    if (i.manufacturer) {
        Object manufacturer = object();
        manufacturer->set("display", *i.manufacturer);
        r->set("manufacturer", manufacturer);
    }
    if (i.lotNumber)
        r->set("lotNumber", *i.lotNumber);
    for (const auto& [word, lookUp, key, system] :
         {std::tuple{&i.site, &immunizationSite, "site", kActSite},
          std::tuple{&i.route, &immunizationRoute, "route", kRouteOfAdministration}}) {
        if (!*word)
            continue;
        const auto known = lookUp(**word);
        Object c = known && !known->code.empty() ? coding(system, known->code, known->display) : Object();
        r->set(key, codeable(c, known ? known->display : **word));
    }
    setNote(r, i.note);
}

Object BundleWriter::observation(const std::string& id, const std::string& category, const std::string& status,
                                 const std::optional<std::string>& encounterId, std::int64_t atMs)
{
    Object r = m_list.add("Observation", id);
    r->set("status", status);
    Array categories = array();
    categories->add(
        codeable(coding(kObservationCategory, category, category == "vital-signs" ? "Vital Signs" : "Laboratory"),
                 std::nullopt));
    r->set("category", categories);
    // code, subject and the rest follow in the order the resource defines them.
    r->set("code", Object());
    r->set("subject", subject());
    if (encounterId)
        r->set("encounter", referenceTo(urn(*encounterId)));
    r->set("effectiveDateTime", instantText(atMs));
    return r;
}

void BundleWriter::vitals(const VitalSigns& v)
{
    const std::string status = v.status == "entered_in_error" ? "entered-in-error" : "final";
    auto add = [&](const std::string& field) {
        const VitalCode* code = nullptr;
        for (const VitalCode& c : vitalCodes())
            if (c.field == field) {
                code = &c;
                break;
            }
        Object r = observation(nameBasedUuid("vital_signs:" + v.id + ":" + code->loinc), "vital-signs", status,
                               v.encounterId, v.takenAtMs);
        Array codings = array();
        if (field == "spo2") // the vital-signs profile asks for 2708-6; pulse oximetry is 59408-5
            codings->add(coding(kLoinc, "2708-6", "Oxygen saturation in arterial blood"));
        codings->add(coding(kLoinc, code->loinc, code->display));
        Object codeConcept = object();
        codeConcept->set("coding", codings);
        codeConcept->set("text", code->display);
        r->set("code", codeConcept);
        return std::pair{r, code};
    };
    auto simple = [&](const std::string& field, const std::string& value) {
        auto [r, code] = add(field);
        r->set("valueQuantity", quantity(value, code->ucum));
    };
    if (v.heightMm)
        simple("height_mm", tenths(*v.heightMm)); // mm to cm
    if (v.weightG)
        simple("weight_g", thousandths(*v.weightG)); // g to kg
    if (auto bmi = bodyMassIndex(v))
        simple("bmi", tenths(static_cast<int>(std::lround(*bmi * 10))));
    if (v.systolic && v.diastolic) {
        auto [r, code] = add("blood_pressure");
        Array components = array();
        for (const auto& [field, value] : {std::pair{"systolic", *v.systolic}, std::pair{"diastolic", *v.diastolic}}) {
            const auto c = std::find_if(vitalCodes().begin(), vitalCodes().end(),
                                        [&](const VitalCode& vc) { return vc.field == field; });
            Object component = object();
            component->set("code", codeable(coding(kLoinc, c->loinc, c->display), c->display));
            component->set("valueQuantity", quantity(std::to_string(value), c->ucum));
            components->add(component);
        }
        r->set("component", components);
    }
    if (v.pulse)
        simple("pulse", std::to_string(*v.pulse));
    if (v.temperatureDeciC)
        simple("temperature_dc", tenths(*v.temperatureDeciC));
    if (v.respiratoryRate)
        simple("respiratory_rate", std::to_string(*v.respiratoryRate));
    if (v.spo2)
        simple("spo2", std::to_string(*v.spo2));
    if (v.pain)
        simple("pain", std::to_string(*v.pain));
}

void BundleWriter::lab(const LabResult& l)
{
    Object r = observation(l.id, "laboratory", observationStatusCode(l.resultStatus), l.encounterId, l.collectedAtMs);
    r->set("code", codeable(l.loincCode ? coding(kLoinc, *l.loincCode, l.name) : Object(), l.name));
    if (isDecimalText(l.value)) {
        Object q = object();
        q->set("value", Decimal{l.value});
        if (l.unit) {
            q->set("unit", *l.unit);
            // A unit is only named as UCUM when it is the one our LOINC list gives for the code.
            const auto known = l.loincCode ? CodeSet::builtin(CodeSystem::Loinc).find(*l.loincCode) : std::nullopt;
            if (known && known->unit == *l.unit) {
                q->set("system", kUcum);
                q->set("code", *l.unit);
            }
        }
        r->set("valueQuantity", q);
    } else {
        r->set("valueString", l.value);
    }
    if (l.abnormalFlag) {
        Array interpretation = array();
        interpretation->add(codeable(coding(kInterpretation, *l.abnormalFlag), std::nullopt));
        r->set("interpretation", interpretation);
    }
    setNote(r, l.note);
    if (l.referenceRange) {
        Object range = object();
        range->set("text", *l.referenceRange);
        Array ranges = array();
        ranges->add(range);
        r->set("referenceRange", ranges);
    }
}

void BundleWriter::note(const ClinicalNote& n, const std::map<std::string, std::string>& staff)
{
    Object r = m_list.add("DocumentReference", n.id);
    r->set("status", "current");
    r->set("docStatus", "final");
    r->set("type", codeable(coding(kLoinc, "11506-3", "Progress note"), std::string("Progress note")));
    r->set("subject", subject());
    r->set("date", *n.signedAt);
    auto person = [&](const std::string& userId) {
        Object who = object();
        auto it = staff.find(userId);
        who->set("display", it == staff.end() ? userId : it->second);
        return who;
    };
    Array authors = array();
    authors->add(person(n.authorId));
    r->set("author", authors);
    r->set("authenticator", person(n.signedBy.value_or(n.authorId)));
    if (n.addendumTo) {
        Object relates = object();
        relates->set("code", "appends");
        relates->set("target", referenceTo(urn(*n.addendumTo)));
        Array list = array();
        list->add(relates);
        r->set("relatesTo", list);
    }
    std::string text;
    if (n.kind == "addendum") {
        text = n.body.value_or("");
    } else {
        for (const auto& [heading, part] :
             {std::pair{"Subjective", &n.subjective}, std::pair{"Objective", &n.objective},
              std::pair{"Assessment", &n.assessment}, std::pair{"Plan", &n.plan}})
            if (*part && !(*part)->empty())
                text += (text.empty() ? "" : "\n\n") + std::string(heading) + "\n" + **part;
    }
    std::ostringstream encoded;
    Poco::Base64Encoder encoder(encoded);
    encoder.rdbuf()->setLineLength(0);
    encoder << text;
    encoder.close();
    Object attachment = object();
    attachment->set("contentType", "text/plain; charset=utf-8");
    attachment->set("data", encoded.str());
    attachment->set("creation", *n.signedAt);
    Object content = object();
    content->set("attachment", attachment);
    Array contents = array();
    contents->add(content);
    r->set("content", contents);
    Object context = object();
    Array encounters = array();
    encounters->add(referenceTo(urn(n.encounterId)));
    context->set("encounter", encounters);
    r->set("context", context);
}

std::string BundleWriter::text()
{
    const std::int64_t now = m_session.clock().nowMs();
    const std::string id = m_session.newId();
    Object bundle = object();
    bundle->set("resourceType", "Bundle");
    bundle->set("id", id);
    Object meta = object();
    meta->set("lastUpdated", instantText(now));
    bundle->set("meta", meta);
    Object identifier = object();
    identifier->set("system", "urn:ietf:rfc:3986");
    identifier->set("value", urn(id));
    bundle->set("identifier", identifier);
    bundle->set("type", "collection");
    bundle->set("timestamp", instantText(now));
    bundle->set("entry", m_list.entries());
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(bundle, out);
    return out.str();
}

} // namespace

Result<std::string> FhirExport::patientBundle(const std::string& patientId)
{
    if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    auto clinic = ClinicStore(m_session).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    auto patient = PatientStore(m_session).get(patientId);
    if (!patient)
        return std::unexpected(patient.error());
    auto providers = ScheduleSetupStore(m_session).providers(true);
    if (!providers)
        return std::unexpected(providers.error());
    auto encounters = EncounterStore(m_session).forPatient(patientId);
    if (!encounters)
        return std::unexpected(encounters.error());
    ClinicalListStore lists(m_session);
    auto problems = lists.problems(patientId);
    auto allergies = lists.allergies(patientId);
    auto allergyStatus = lists.allergyStatus(patientId);
    auto medications = lists.medications(patientId);
    auto immunizations = lists.immunizations(patientId);
    auto vitals = lists.vitals(patientId);
    auto labs = lists.labResults(patientId);
    auto notes = NoteStore(m_session).forPatient(patientId);
    auto staff = ChartReader(m_session).staffNames();
    for (const Error* e :
         {problems ? nullptr : &problems.error(), allergies ? nullptr : &allergies.error(),
          allergyStatus ? nullptr : &allergyStatus.error(), medications ? nullptr : &medications.error(),
          immunizations ? nullptr : &immunizations.error(), vitals ? nullptr : &vitals.error(),
          labs ? nullptr : &labs.error(), notes ? nullptr : &notes.error(), staff ? nullptr : &staff.error()})
        if (e)
            return std::unexpected(*e);

    BundleWriter writer(m_session, *clinic);
    writer.patient(*patient);
    std::map<std::string, Provider> byId;
    for (const Provider& p : *providers)
        byId[p.id] = p;
    std::set<std::string> written;
    for (const Encounter& e : *encounters)
        if (auto it = byId.find(e.providerId); it != byId.end() && written.insert(it->first).second)
            writer.practitioner(it->second);
    std::reverse(encounters->begin(), encounters->end()); // oldest first
    for (const Encounter& e : *encounters) {
        auto it = byId.find(e.providerId);
        writer.encounter(e, it == byId.end() ? std::nullopt : std::optional(it->second));
    }
    for (const Problem& p : *problems)
        writer.problem(p);
    if (allergyStatus->state == AllergyState::NoKnownAllergies && allergyStatus->review)
        writer.noKnownAllergies(*allergyStatus->review);
    for (const Allergy& a : *allergies)
        writer.allergy(a);
    for (const Medication& m : *medications)
        writer.medication(m);
    for (const Immunization& i : *immunizations)
        writer.immunization(i);
    for (const VitalSigns& v : *vitals)
        writer.vitals(v);
    for (const LabResult& l : *labs)
        writer.lab(l);
    for (const ClinicalNote& n : *notes)
        if (n.isSigned())
            writer.note(n, *staff);
    if (Status a = m_session.journal().audit(AuditAction::Export, "chart", patientId, "fhir"); !a)
        return std::unexpected(a.error());
    return writer.text();
}

} // namespace practica::core

// FHIR R4 JSON: the export's structure against R4's rules (required elements, value sets, the vital-signs
// profile's codes and units, date formats, references to fullUrls), a round trip into an empty clinic, a
// Synthea-shaped history of hundreds of entries imported in one transaction, malformed bundles refused with
// nothing written, conditional references, and codes kept as given.
#include "FhirSyntheticBundle.h"
#include "core/chart/ClinicalListStore.h"
#include "core/chart/EncounterStore.h"
#include "core/chart/Vitals.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Statement.h"
#include "core/fhir/FhirExport.h"
#include "core/fhir/FhirImport.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/util/AtomicFile.h"
#include "core/util/Uuid.h"
#include "core/util/Validators.h"
#include "tests/support/TestSupport.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <QTest>
#include <regex>
#include <set>
#include <sstream>

using practica::test::must;

using namespace practica;
using core::ErrorCode;
using core::Rule;
using Object = Poco::JSON::Object::Ptr;
using Array = Poco::JSON::Array::Ptr;

namespace {

std::string npiFor(const std::string& nineDigits)
{
    return nineDigits + core::luhnCheckDigit("80840" + nineDigits);
}

// A clinic with one provider and a clinician who charts.
struct Clinic
{
    test::TempClinic clinic;
    core::Provider provider;
    std::unique_ptr<core::Session> doctor;

    explicit Clinic(const std::string& npi)
    {
        clinic.clock().set(1'763'737'200'000); // 2025-11-21 15:00 UTC
        core::Provider p;
        p.name = "Avery Adams";
        p.credentials = "MD";
        p.npi = npi;
        provider = must(core::ScheduleSetupStore(clinic.admin()).addProvider(p), "provider");
        doctor = clinic.addAndLogin("dr.adams", core::Role::Clinician);
    }
    std::int64_t exportsAudited(const std::string& patientId)
    {
        auto stmt = doctor->db().prepare(
            "SELECT count(*) FROM audit_event WHERE action = 'export' AND entity = 'chart' AND record_id = ?;");
        return must(stmt->bind(1, patientId).scalar(), "count");
    }
    std::int64_t rows(const std::string& table)
    {
        auto stmt = doctor->db().prepare("SELECT count(*) FROM " + table + ";");
        return must(stmt->scalar(), "count");
    }
};

Object parse(const std::string& json)
{
    Poco::JSON::Parser parser;
    return parser.parse(json).extract<Object>();
}

std::vector<Object> resources(const Object& bundle, const std::string& type)
{
    std::vector<Object> out;
    Array entries = bundle->getArray("entry");
    for (unsigned i = 0; entries && i < entries->size(); ++i) {
        Object r = entries->getObject(i)->getObject("resource");
        if (type.empty() || r->getValue<std::string>("resourceType") == type)
            out.push_back(r);
    }
    return out;
}

std::string text(const Poco::Dynamic::Var& v)
{
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(v, out);
    return out.str();
}

std::string str(const Object& o, const std::string& key)
{
    return o && o->has(key) && o->get(key).isString() ? o->getValue<std::string>(key) : std::string();
}

Object firstCoding(const Object& codeable)
{
    return codeable->getArray("coding")->getObject(0);
}

// Every reference in the bundle names a fullUrl of one of its entries (conditional ones excepted).
void referencesResolve(const Poco::Dynamic::Var& v, const std::set<std::string>& urls, int& checked)
{
    if (v.type() == typeid(Object)) {
        Object o = v.extract<Object>();
        for (const auto& [key, value] : *o) {
            if (key == "reference" && value.isString()) {
                ++checked;
                QVERIFY2(urls.contains(value.toString()), value.toString().c_str());
            } else {
                referencesResolve(value, urls, checked);
            }
        }
    } else if (v.type() == typeid(Array)) {
        for (const auto& item : *v.extract<Array>())
            referencesResolve(item, urls, checked);
    }
}

// A resource as its clinical content: ids gone, references replaced by what they point at.
Poco::Dynamic::Var normalized(const Poco::Dynamic::Var& v, const std::map<std::string, std::string>& targets)
{
    if (v.type() == typeid(Object)) {
        Object in = v.extract<Object>();
        Object out = new Poco::JSON::Object;
        for (const auto& [key, value] : *in) {
            if (key == "id" || (key == "system" && in->has("value") && in->has("type")))
                continue;
            if (key == "reference" && value.isString()) {
                auto it = targets.find(value.toString());
                out->set(key, it == targets.end() ? value.toString() : it->second);
                continue;
            }
            out->set(key, normalized(value, targets));
        }
        return out;
    }
    if (v.type() == typeid(Array)) {
        Array out = new Poco::JSON::Array;
        for (const auto& item : *v.extract<Array>())
            out->add(normalized(item, targets));
        return out;
    }
    return v;
}

std::multiset<std::string> content(const std::string& json, const std::set<std::string>& types)
{
    Object bundle = parse(json);
    std::map<std::string, std::string> targets;
    for (const Object& r : resources(bundle, "")) {
        const std::string type = str(r, "resourceType"), url = "urn:uuid:" + str(r, "id");
        if (type == "Encounter")
            targets[url] = "Encounter@" + str(r->getObject("period"), "start");
        else if (type == "Practitioner")
            targets[url] = "Practitioner@" + str(r->getArray("identifier")->getObject(0), "value");
        else
            targets[url] = type;
    }
    std::multiset<std::string> out;
    for (const Object& r : resources(bundle, ""))
        if (types.contains(str(r, "resourceType")))
            out.insert(text(normalized(r, targets)));
    return out;
}

const std::set<std::string> kClinicalTypes = {"Patient",      "Practitioner",       "Encounter",
                                              "Condition",    "AllergyIntolerance", "MedicationStatement",
                                              "Immunization", "Observation"};

} // namespace

class tst_Fhir : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void exportFollowsR4();
    void roundTripKeepsTheChart();
    void syntheticHistoryImportsInOneTransaction();
    void malformedBundlesWriteNothing_data();
    void malformedBundlesWriteNothing();
    void conditionalReferencesResolve();
    void codesAreKeptAsGiven();
    void mrnIsKeptWhenItFitsTheClinic();

private:
    std::string chartOfOnePatient();
    std::unique_ptr<Clinic> m_a;
    std::string m_patientId;
};

void tst_Fhir::init()
{
    m_a = std::make_unique<Clinic>(npiFor("123456789"));
}

void tst_Fhir::cleanup()
{
    m_a.reset();
}

// A patient with something of everything Practica charts; returns the export.
std::string tst_Fhir::chartOfOnePatient()
{
    core::Session& s = *m_a->doctor;
    core::Patient p;
    p.familyName = "Núñez";
    p.givenName = "Ana";
    p.middleName = "María";
    p.dateOfBirth = "1980-04-02";
    p.sex = "female";
    p.addressLine1 = "12 Elm Street";
    p.city = "Springfield";
    p.state = "IL";
    p.zip = "62701";
    p.phoneMobile = "2175550123";
    p.email = "ana@example.org";
    m_patientId = must(core::PatientStore(s).create(p), "patient").id;

    core::EncounterStore encounters(s);
    core::Encounter e;
    e.patientId = m_patientId;
    e.providerId = m_a->provider.id;
    e.date = "2025-10-02";
    e.startedAtMs = 1'759'411'800'000; // 2025-10-02 13:30 UTC
    e.visitType = "follow_up";
    e.chiefComplaint = "Cough for two weeks";
    e.status = "closed";
    const core::Encounter visit = must(encounters.recordPast(e), "visit");
    must(encounters.startWalkIn(m_patientId, m_a->provider.id, "office", std::string("Headache")), "walk-in");

    core::ClinicalListStore lists(s);
    core::Problem htn;
    htn.patientId = m_patientId;
    htn.code = "I10";
    htn.display = "Essential (primary) hypertension";
    htn.onsetDate = "2019-03-01";
    htn.note = "Home readings 140s";
    must(lists.saveProblem(htn), "problem");
    core::Problem sinusitis;
    sinusitis.patientId = m_patientId;
    sinusitis.codeSystem = "snomed";
    sinusitis.code = "444814009";
    sinusitis.display = "Viral sinusitis (disorder)";
    sinusitis.onsetDate = "2024-01-10";
    sinusitis.resolvedDate = "2024-01-24";
    sinusitis.status = "resolved";
    must(lists.saveProblem(sinusitis), "problem");
    core::Allergy penicillin;
    penicillin.patientId = m_patientId;
    penicillin.substance = "Penicillin G";
    penicillin.codeSystem = "rxnorm";
    penicillin.code = "7980";
    penicillin.reaction = "hives";
    penicillin.severity = "severe";
    must(lists.saveAllergy(penicillin), "allergy");
    core::Allergy peanuts;
    peanuts.patientId = m_patientId;
    peanuts.category = "food";
    peanuts.substance = "Peanuts";
    peanuts.reaction = "itching";
    peanuts.severity = "mild";
    must(lists.saveAllergy(peanuts), "allergy");
    core::Medication lisinopril;
    lisinopril.patientId = m_patientId;
    lisinopril.name = "lisinopril 10 MG Oral Tablet";
    lisinopril.codeSystem = "rxnorm";
    lisinopril.code = "314076";
    lisinopril.dose = "10 mg";
    lisinopril.route = "oral";
    lisinopril.frequency = "once daily";
    lisinopril.startDate = "2019-03-01";
    must(lists.saveMedication(lisinopril), "medication");
    core::Immunization flu;
    flu.patientId = m_patientId;
    flu.cvxCode = "140";
    flu.vaccine = "Influenza, seasonal, injectable, preservative free";
    flu.administeredOn = "2025-10-02";
    flu.lotNumber = "FL2025A";
    flu.site = "left_deltoid";
    flu.route = "im";
    flu.manufacturer = "Sanofi Pasteur";
    must(lists.saveImmunization(flu), "immunization");
    core::VitalSigns v;
    v.patientId = m_patientId;
    v.encounterId = visit.id;
    v.takenAtMs = 1'759'412'100'000;
    v.heightMm = 1753;
    v.weightG = 68'500;
    v.systolic = 128;
    v.diastolic = 82;
    v.pulse = 72;
    v.temperatureDeciC = 368;
    v.respiratoryRate = 16;
    v.spo2 = 98;
    v.pain = 2;
    must(lists.saveVitals(v), "vitals");
    core::LabResult glucose;
    glucose.patientId = m_patientId;
    glucose.encounterId = visit.id;
    glucose.loincCode = "2345-7";
    glucose.name = "Glucose, serum or plasma";
    glucose.value = "5.40";
    glucose.unit = "mmol/L";
    glucose.referenceRange = "3.9-5.5";
    glucose.abnormalFlag = "N";
    glucose.collectedAtMs = 1'759'412'400'000;
    must(lists.saveLabResult(glucose), "lab");
    core::LabResult culture = glucose;
    culture.loincCode.reset();
    culture.name = "Throat culture";
    culture.value = "No growth";
    culture.unit.reset();
    culture.referenceRange.reset();
    culture.abnormalFlag = "A";
    culture.resultStatus = "preliminary";
    must(lists.saveLabResult(culture), "lab");

    core::NoteStore notes(s);
    auto note = must(notes.startNote(visit.id), "note");
    note.assessment = "Hypertension, at goal.";
    if (!notes.saveDraft(note))
        qFatal("draft not saved");
    must(notes.sign(note.id), "sign");
    return must(core::FhirExport(s).patientBundle(m_patientId), "export");
}

void tst_Fhir::exportFollowsR4()
{
    const std::string json = chartOfOnePatient();
    // For checking by hand with an outside validator (the R4 JSON schema, HL7's validator).
    if (const QString dir = qEnvironmentVariable("PRACTICA_FHIR_SAMPLE_DIR"); !dir.isEmpty())
        QVERIFY(core::writeFileAtomically(dir.toStdString() + "/tst_fhir_export.json", json));
    const Object bundle = parse(json);
    QCOMPARE(str(bundle, "resourceType"), std::string("Bundle"));
    QCOMPARE(str(bundle, "type"), std::string("collection"));
    QCOMPARE(m_a->exportsAudited(m_patientId), std::int64_t(1));
    QVERIFY(bundle->getObject("meta")->has("lastUpdated"));
    QCOMPARE(str(bundle->getObject("identifier"), "system"), std::string("urn:ietf:rfc:3986"));
    const std::regex instant(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z)");
    const std::regex date(R"(\d{4}-\d{2}-\d{2})");
    QVERIFY(std::regex_match(str(bundle, "timestamp"), instant));

    std::set<std::string> urls;
    std::map<std::string, int> counts;
    Array entries = bundle->getArray("entry");
    for (unsigned i = 0; i < entries->size(); ++i) {
        Object entry = entries->getObject(i);
        Object r = entry->getObject("resource");
        QCOMPARE(str(entry, "fullUrl"), "urn:uuid:" + str(r, "id"));
        QVERIFY(core::isUuid(str(r, "id")));
        QVERIFY(urls.insert(str(entry, "fullUrl")).second);
        ++counts[str(r, "resourceType")];
    }
    int references = 0;
    referencesResolve(bundle, urls, references);
    QVERIFY(references > 20);
    const std::map<std::string, int> expected = {{"Patient", 1},
                                                 {"Practitioner", 1},
                                                 {"Encounter", 2},
                                                 {"Condition", 2},
                                                 {"AllergyIntolerance", 2},
                                                 {"MedicationStatement", 1},
                                                 {"Immunization", 1},
                                                 {"Observation", 11}, // height, weight, BMI, BP, pulse, temperature,
                                                                      // respiration, SpO2, pain, two labs
                                                 {"DocumentReference", 1}};
    QCOMPARE(counts, expected);

    const Object patient = resources(bundle, "Patient")[0];
    const Object mrn = patient->getArray("identifier")->getObject(0);
    const auto clinic = must(core::ClinicStore(*m_a->doctor).get(), "clinic");
    QCOMPARE(str(mrn, "system"), "urn:uuid:" + clinic.id);
    QCOMPARE(str(firstCoding(mrn->getObject("type")), "code"), std::string("MR"));
    QCOMPARE(str(patient, "gender"), std::string("female"));
    QCOMPARE(str(patient, "birthDate"), std::string("1980-04-02"));
    QCOMPARE(str(patient->getArray("telecom")->getObject(0), "use"), std::string("mobile"));
    QCOMPARE(str(patient->getArray("address")->getObject(0), "postalCode"), std::string("62701"));

    const Object practitioner = resources(bundle, "Practitioner")[0];
    QCOMPARE(str(practitioner->getArray("identifier")->getObject(0), "system"),
             std::string("http://hl7.org/fhir/sid/us-npi"));
    QCOMPARE(str(practitioner->getArray("identifier")->getObject(0), "value"), *m_a->provider.npi);

    const std::set<std::string> encounterStatus = {"planned",     "arrived",          "triaged",
                                                   "in-progress", "onleave",          "finished",
                                                   "cancelled",   "entered-in-error", "unknown"};
    for (const Object& e : resources(bundle, "Encounter")) {
        QVERIFY(encounterStatus.contains(str(e, "status")));
        QCOMPARE(str(e->getObject("class"), "code"), std::string("AMB"));
        QVERIFY(std::regex_match(str(e->getObject("period"), "start"), instant));
        QVERIFY(e->getArray("participant")->getObject(0)->getObject("individual")->has("reference"));
    }
    for (const Object& c : resources(bundle, "Condition")) {
        QCOMPARE(str(firstCoding(c->getObject("clinicalStatus")), "system"),
                 std::string("http://terminology.hl7.org/CodeSystem/condition-clinical"));
        QCOMPARE(str(firstCoding(c->getObject("verificationStatus")), "system"),
                 std::string("http://terminology.hl7.org/CodeSystem/condition-ver-status"));
        const std::string system = str(firstCoding(c->getObject("code")), "system");
        QVERIFY(system == "http://hl7.org/fhir/sid/icd-10-cm" || system == "http://snomed.info/sct");
        QVERIFY(std::regex_match(str(c, "onsetDateTime"), date));
        // con-4: an abated condition is inactive or resolved.
        if (c->has("abatementDateTime"))
            QCOMPARE(str(firstCoding(c->getObject("clinicalStatus")), "code"), std::string("resolved"));
    }
    for (const Object& a : resources(bundle, "AllergyIntolerance")) {
        QCOMPARE(str(firstCoding(a->getObject("clinicalStatus")), "system"),
                 std::string("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"));
        QCOMPARE(str(a, "type"), std::string("allergy"));
        const std::set<std::string> criticality = {"low", "high", "unable-to-assess"};
        QVERIFY(criticality.contains(str(a, "criticality")));
        QVERIFY(a->getArray("reaction")->getObject(0)->getArray("manifestation")->size() == 1);
    }
    const Object immunization = resources(bundle, "Immunization")[0];
    QCOMPARE(str(immunization, "status"), std::string("completed"));
    QCOMPARE(str(firstCoding(immunization->getObject("vaccineCode")), "system"),
             std::string("http://hl7.org/fhir/sid/cvx"));
    QVERIFY(std::regex_match(str(immunization, "occurrenceDateTime"), date));
    QCOMPARE(str(firstCoding(immunization->getObject("site")), "code"), std::string("LD"));
    QCOMPARE(str(firstCoding(immunization->getObject("route")), "code"), std::string("IM"));

    // The vital-signs profile: LOINC code, category, UCUM unit, canonical values converted.
    const std::map<std::string, std::pair<std::string, std::string>> vitals = {
        {"8302-2", {"cm", "175.3"}}, {"29463-7", {"kg", "68.5"}},  {"39156-5", {"kg/m2", "22.3"}},
        {"8867-4", {"/min", "72"}},  {"8310-5", {"Cel", "36.8"}},  {"9279-1", {"/min", "16"}},
        {"2708-6", {"%", "98"}},     {"72514-3", {"{score}", "2"}}};
    int vitalCount = 0;
    for (const Object& o : resources(bundle, "Observation")) {
        const Object category = firstCoding(o->getArray("category")->getObject(0));
        QCOMPARE(str(category, "system"), std::string("http://terminology.hl7.org/CodeSystem/observation-category"));
        QVERIFY(std::regex_match(str(o, "effectiveDateTime"), instant));
        if (str(category, "code") == "laboratory")
            continue;
        const std::string code = str(firstCoding(o->getObject("code")), "code");
        QCOMPARE(str(category, "code"), std::string("vital-signs"));
        ++vitalCount;
        QVERIFY(o->has("encounter"));
        if (code == "85354-9") {
            Array components = o->getArray("component");
            QCOMPARE(components->size(), std::size_t(2));
            QCOMPARE(str(firstCoding(components->getObject(0)->getObject("code")), "code"), std::string("8480-6"));
            QCOMPARE(str(firstCoding(components->getObject(1)->getObject("code")), "code"), std::string("8462-4"));
            QCOMPARE(str(components->getObject(0)->getObject("valueQuantity"), "code"), std::string("mm[Hg]"));
            QVERIFY(!o->has("valueQuantity"));
            continue;
        }
        QVERIFY2(vitals.contains(code), code.c_str());
        const Object q = o->getObject("valueQuantity");
        QCOMPARE(str(q, "system"), std::string("http://unitsofmeasure.org"));
        QCOMPARE(str(q, "code"), vitals.at(code).first);
        QCOMPARE(text(q->get("value")), vitals.at(code).second);
        if (code == "2708-6")
            QCOMPARE(str(o->getObject("code")->getArray("coding")->getObject(1), "code"), std::string("59408-5"));
    }
    QCOMPARE(vitalCount, 9);
    // Labs: a numeric value keeps its precision as written; text stays text; the flag is a v3 interpretation.
    QVERIFY(json.find("\"value\":5.40") != std::string::npos);
    for (const Object& o : resources(bundle, "Observation")) {
        if (str(firstCoding(o->getArray("category")->getObject(0)), "code") != "laboratory")
            continue;
        QCOMPARE(str(firstCoding(o->getArray("interpretation")->getObject(0)), "system"),
                 std::string("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"));
        QVERIFY(o->has("valueQuantity") != o->has("valueString"));
    }
    const Object document = resources(bundle, "DocumentReference")[0];
    QCOMPARE(str(document, "status"), std::string("current"));
    QCOMPARE(str(document->getObject("authenticator"), "display"), std::string("Test dr.adams"));
    QCOMPARE(str(document->getArray("content")->getObject(0)->getObject("attachment"), "contentType"),
             std::string("text/plain; charset=utf-8"));
}

void tst_Fhir::roundTripKeepsTheChart()
{
    const std::string first = chartOfOnePatient();
    Clinic empty(*m_a->provider.npi);
    QCOMPARE(empty.rows("patient"), std::int64_t(0));
    const auto report = must(core::FhirImport(*empty.doctor).importBundle(first), "import");
    QCOMPARE(report.patients.size(), std::size_t(1));
    QCOMPARE(report.patients[0].how, std::string("created"));
    QCOMPARE(report.encountersWithDefaultProvider, 0);
    QCOMPARE(report.skipped, (std::map<std::string, int>{{"DocumentReference", 1}, {"Practitioner", 1}}));
    const std::string second = must(core::FhirExport(*empty.doctor).patientBundle(report.patients[0].id), "export");

    auto before = content(first, kClinicalTypes), after = content(second, kClinicalTypes);
    // A lab value is a decimal read back as a number: 5.40 returns as 5.4, the same quantity.
    std::multiset<std::string> adjusted;
    for (std::string s : before) {
        if (auto at = s.find("\"value\":5.40"); at != std::string::npos)
            s.replace(at, 12, "\"value\":5.4");
        adjusted.insert(s);
    }
    for (const auto& s : adjusted)
        if (!after.contains(s))
            qWarning("lost: %s", s.c_str());
    for (const auto& s : after)
        if (!adjusted.contains(s))
            qWarning("new: %s", s.c_str());
    QCOMPARE(after, adjusted);
}

void tst_Fhir::syntheticHistoryImportsInOneTransaction()
{
    const test::SyntheticBundle synthetic = test::syntheaLikeBundle(120, *m_a->provider.npi, 7);
    QVERIFY(synthetic.entries > 1000);
    const std::int64_t outboxBefore = m_a->rows("change_outbox");
    const auto report = must(core::FhirImport(*m_a->doctor).importBundle(synthetic.json), "import");
    QCOMPARE(report.entries, synthetic.entries);
    QCOMPARE(report.imported, synthetic.kept);
    QCOMPARE(report.skipped, synthetic.skipped);
    QCOMPARE(report.encountersWithDefaultProvider, 12); // every tenth names a practitioner the clinic has not
    qInfo(
        "%d entries; imported %s; skipped %s", synthetic.entries,
        [&] {
            std::string s;
            for (const auto& [t, n] : report.imported)
                s += t + " " + std::to_string(n) + ", ";
            return s;
        }()
            .c_str(),
        [&] {
            std::string s;
            for (const auto& [t, n] : report.skipped)
                s += t + " " + std::to_string(n) + ", ";
            return s;
        }()
            .c_str());
    QVERIFY(m_a->rows("change_outbox") > outboxBefore);

    const std::string patientId = report.patients.at(0).id;
    const core::Patient patient = must(core::PatientStore(*m_a->doctor).get(patientId), "patient");
    QCOMPARE(patient.familyName, std::string("Quigley282"));
    QCOMPARE(patient.middleName, std::optional<std::string>("Ines"));
    QCOMPARE(patient.state, std::optional<std::string>("MA"));
    QCOMPARE(patient.phoneHome, std::optional<std::string>("5554461996"));
    // US units became canonical ones.
    core::ClinicalListStore lists(*m_a->doctor);
    const auto vitals = must(lists.vitals(patientId), "vitals");
    QCOMPARE(int(vitals.size()), synthetic.vitalSets);
    QCOMPARE(vitals.front().heightMm, std::optional<int>(core::heightMmFromInches(std::stod(synthetic.firstHeightIn))));
    QCOMPARE(vitals.front().weightG, std::optional<int>(core::weightGFromPounds(std::stod(synthetic.firstWeightLb))));
    QCOMPARE(vitals.front().temperatureDeciC,
             std::optional<int>(core::temperatureDeciCFromFahrenheit(std::stod(synthetic.firstTemperatureF))));
    QVERIFY(vitals.front().encounterId.has_value());
    const auto encounters = must(core::EncounterStore(*m_a->doctor).forPatient(patientId), "encounters");
    QCOMPARE(int(encounters.size()), 120);
    QCOMPARE(encounters.back().status, std::string("closed"));
    QCOMPARE(encounters.back().date, std::string("2009-01-05"));
    QCOMPARE(encounters.back().providerId, m_a->provider.id);

    // Exported again, every encounter, condition, allergy, immunization and vital sign is there.
    const Object again = parse(must(core::FhirExport(*m_a->doctor).patientBundle(patientId), "export"));
    std::map<std::string, int> exported;
    int vitalObservations = 0;
    for (const Object& r : resources(again, "")) {
        ++exported[str(r, "resourceType")];
        if (str(r, "resourceType") == "Observation" &&
            str(firstCoding(r->getArray("category")->getObject(0)), "code") == "vital-signs")
            ++vitalObservations;
    }
    for (const char* type : {"Encounter", "Condition", "AllergyIntolerance", "Immunization"})
        QCOMPARE(exported[type], synthetic.kept.at(type));
    QCOMPARE(exported["MedicationStatement"], synthetic.kept.at("MedicationRequest"));
    QCOMPARE(vitalObservations, synthetic.vitalObservations);

    // The same history imported again adds nothing twice: every record it made is found under its id.
    const std::int64_t outboxAfterFirst = m_a->rows("change_outbox");
    const auto repeated = must(core::FhirImport(*m_a->doctor).importBundle(synthetic.json), "import again");
    QCOMPARE(repeated.patients.at(0).id, patientId);
    for (const char* type :
         {"Encounter", "Condition", "AllergyIntolerance", "Immunization", "MedicationRequest", "Observation"}) {
        QVERIFY2(repeated.imported.count(type) == 0, type);
        QCOMPARE(repeated.alreadyPresent.at(type), synthetic.kept.at(type));
    }
    QCOMPARE(repeated.skipped, synthetic.skipped);
    QCOMPARE(int(must(lists.vitals(patientId), "vitals").size()), synthetic.vitalSets);
    QCOMPARE(int(must(core::EncounterStore(*m_a->doctor).forPatient(patientId), "encounters").size()), 120);
    QCOMPARE(m_a->rows("change_outbox"), outboxAfterFirst);
}

void tst_Fhir::malformedBundlesWriteNothing_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("resourceType");
    const QString patient =
        R"({"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient","name":[{"family":"Lee","given":["Kim"]}],)"
        R"("gender":"male","birthDate":"1970-01-01"}})";
    auto bundle = [&](const QString& more) {
        return R"({"resourceType":"Bundle","type":"transaction","entry":[)" + patient + "," + more + "]}";
    };
    QTest::newRow("not json") << "{\"resourceType\":\"Bundle\","
                              << "bundle"
                              << "format"
                              << ""
                              << "";
    QTest::newRow("not a bundle") << R"({"resourceType":"Patient"})"
                                  << "resourceType"
                                  << "choice"
                                  << "-1"
                                  << "";
    QTest::newRow("document bundle") << R"({"resourceType":"Bundle","type":"document","entry":[]})"
                                     << "type"
                                     << "choice"
                                     << "-1"
                                     << "";
    QTest::newRow("subject leads nowhere")
        << bundle(R"({"resource":{"resourceType":"Condition","code":{"coding":[{"system":)"
                  R"("http://snomed.info/sct","code":"38341003"}]},"subject":{"reference":"urn:uuid:nobody"}}})")
        << "subject"
        << "missing_reference"
        << "1"
        << "Condition";
    QTest::newRow("icd-10-cm code of the wrong shape")
        << bundle(
               R"({"resource":{"resourceType":"Condition","code":{"coding":[{"system":)"
               R"("http://hl7.org/fhir/sid/icd-10-cm","code":"hypertension"}]},"subject":{"reference":"urn:uuid:p1"}}})")
        << "code"
        << "format"
        << "1"
        << "Condition";
    QTest::newRow("weight no body has")
        << bundle(R"({"resource":{"resourceType":"Observation","status":"final","category":[{"coding":[{"system":)"
                  R"("http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],)"
                  R"("code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"subject":)"
                  R"({"reference":"urn:uuid:p1"},"effectiveDateTime":"2024-01-01T10:00:00Z",)"
                  R"("valueQuantity":{"value":2000,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}})")
        << "weight_g"
        << "range"
        << "1"
        << "Observation";
    QTest::newRow("unit the field is not measured in")
        << bundle(R"({"resource":{"resourceType":"Observation","status":"final","category":[{"coding":[{"system":)"
                  R"("http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],)"
                  R"("code":{"coding":[{"system":"http://loinc.org","code":"8302-2"}]},"subject":)"
                  R"({"reference":"urn:uuid:p1"},"effectiveDateTime":"2024-01-01T10:00:00Z",)"
                  R"("valueQuantity":{"value":70,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}})")
        << "valueQuantity.code"
        << "format"
        << "1"
        << "Observation";
    QTest::newRow("immunization without a date")
        << bundle(R"({"resource":{"resourceType":"Immunization","status":"completed","vaccineCode":{"coding":)"
                  R"([{"system":"http://hl7.org/fhir/sid/cvx","code":"140"}]},"patient":{"reference":"urn:uuid:p1"}}})")
        << "occurrenceDateTime"
        << "required"
        << "1"
        << "Immunization";
    QTest::newRow("patient without a birth date")
        << R"({"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient",)"
           R"("name":[{"family":"Lee","given":["Kim"]}]}}]})"
        << "birthDate"
        << "required"
        << "0"
        << "Patient";
}

void tst_Fhir::malformedBundlesWriteNothing()
{
    QFETCH(QString, json);
    QFETCH(QString, field);
    QFETCH(QString, rule);
    QFETCH(QString, entry);
    QFETCH(QString, resourceType);
    const std::vector<std::string> tables = {"patient",     "encounter",          "problem",    "allergy",
                                             "vital_signs", "immunization",       "lab_result", "change_outbox",
                                             "audit_event", "workstation_setting"};
    std::vector<std::int64_t> before;
    for (const auto& t : tables)
        before.push_back(m_a->rows(t));
    const core::Error e = test::failureOf(core::FhirImport(*m_a->doctor).importBundle(json.toStdString()));
    QCOMPARE(e.code, ErrorCode::Validation);
    QCOMPARE(QString::fromStdString(e.field), field);
    QCOMPARE(QString::fromStdString(e.detail), rule);
    QCOMPARE(QString::fromStdString(e.param("entry")), entry);
    QCOMPARE(QString::fromStdString(e.param("resource_type")), resourceType);
    for (std::size_t i = 0; i < tables.size(); ++i)
        QVERIFY2(m_a->rows(tables[i]) == before[i], tables[i].c_str());
}

void tst_Fhir::conditionalReferencesResolve()
{
    core::Patient p;
    p.familyName = "Okafor";
    p.givenName = "Chidi";
    p.dateOfBirth = "1975-09-12";
    p.sex = "male";
    const core::Patient existing = must(core::PatientStore(*m_a->doctor).create(p), "patient");
    const auto clinic = must(core::ClinicStore(*m_a->doctor).get(), "clinic");
    const std::string json =
        R"({"resourceType":"Bundle","type":"transaction","entry":[)"
        R"({"resource":{"resourceType":"Encounter","status":"finished","class":{"code":"AMB"},)"
        R"("subject":{"reference":"Patient?identifier=urn:uuid:)" +
        clinic.id + "|" + existing.mrn +
        R"("},"participant":[{"individual":{"reference":"Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|)" +
        *m_a->provider.npi +
        R"("}}],"period":{"start":"2024-02-03T10:00:00-05:00"}}},)"
        R"({"resource":{"resourceType":"AllergyIntolerance","code":{"coding":[{"system":"http://snomed.info/sct",)"
        R"("code":"716186003","display":"No known allergy"}]},"patient":{"reference":"Patient?identifier=urn:uuid:)" +
        clinic.id + "|" + existing.mrn + R"("}}}]})";
    const auto report = must(core::FhirImport(*m_a->doctor).importBundle(json), "import");
    QCOMPARE(report.imported.at("Encounter"), 1);
    QCOMPARE(report.imported.at("AllergyIntolerance"), 1);
    QCOMPARE(report.encountersWithDefaultProvider, 0);
    const auto visits = must(core::EncounterStore(*m_a->doctor).forPatient(existing.id), "visits");
    QCOMPARE(visits.size(), std::size_t(1));
    QCOMPARE(visits[0].providerId, m_a->provider.id);
    QCOMPARE(visits[0].date, std::string("2024-02-03"));
    QCOMPARE(visits[0].startedAtMs, std::int64_t(1'706'972'400'000));
    const auto allergies = must(core::ClinicalListStore(*m_a->doctor).allergyStatus(existing.id), "allergies");
    QCOMPARE(allergies.state, core::AllergyState::NoKnownAllergies);

    // The same patient by name and birth date when the MRN is another system's.
    const std::string again =
        R"({"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:x","resource":)"
        R"({"resourceType":"Patient","identifier":[{"system":"http://hospital.example.org","value":"A-17"}],)"
        R"("name":[{"family":"Okafor","given":["Chidi"]}],"birthDate":"1975-09-12"}}]})";
    const auto matched = must(core::FhirImport(*m_a->doctor).importBundle(again), "import");
    QCOMPARE(matched.patients.at(0).id, existing.id);
    QCOMPARE(matched.patients.at(0).how, std::string("matched_name_birth_date"));
}

void tst_Fhir::codesAreKeptAsGiven()
{
    const std::string json =
        R"({"resourceType":"Bundle","type":"searchset","entry":[)"
        R"({"fullUrl":"http://example.org/fhir/Patient/p9","resource":{"resourceType":"Patient","id":"p9",)"
        R"("name":[{"family":"Haddad","given":["Omar"]}],"gender":"male","birthDate":"1966-03-03"}},)"
        R"({"resource":{"resourceType":"Condition","clinicalStatus":{"coding":[{"system":)"
        R"("http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"code":{"coding":[{"system":)"
        R"j("http://snomed.info/sct","code":"44054006","display":"Diabetes mellitus type 2 (disorder)"}],)j"
        R"("text":"Type 2 diabetes"},"subject":{"reference":"Patient/p9"}}},)"
        R"({"resource":{"resourceType":"Condition","code":{"coding":[{"system":)"
        R"("http://hl7.org/fhir/sid/icd-10-cm","code":"E119","display":"Type 2 diabetes mellitus without complications"}]},)"
        R"("subject":{"reference":"http://example.org/fhir/Patient/p9"}}},)"
        R"({"resource":{"resourceType":"Condition","code":{"coding":[{"system":"http://example.org/local-codes",)"
        R"j("code":"DM-2","display":"Diabetes (local)"}]},"subject":{"reference":"Patient/p9"}}}]})j";
    const auto report = must(core::FhirImport(*m_a->doctor).importBundle(json), "import");
    QCOMPARE(report.imported.at("Condition"), 3);
    auto problems = must(core::ClinicalListStore(*m_a->doctor).problems(report.patients.at(0).id), "problems");
    std::map<std::string, core::Problem> bySystem;
    for (const auto& p : problems)
        bySystem[p.codeSystem] = p;
    QCOMPARE(bySystem.at("snomed").code, std::string("44054006"));
    QCOMPARE(bySystem.at("snomed").display, std::string("Diabetes mellitus type 2 (disorder)"));
    QCOMPARE(bySystem.at("icd10cm").code, std::string("E11.9"));
    QCOMPARE(bySystem.at("other").code, std::string("DM-2"));
    QCOMPARE(bySystem.at("other").display, std::string("Diabetes (local)"));
}

void tst_Fhir::mrnIsKeptWhenItFitsTheClinic()
{
    const std::string fits = "01" + std::string("0000042");
    const std::string mrn = fits + core::luhnCheckDigit(fits);
    auto bundleWith = [](const std::string& value, const std::string& family) {
        return R"({"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient",)"
               R"("identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203",)"
               R"("code":"MR"}]},"system":"http://other.example.org","value":")" +
               value + R"("}],"name":[{"family":")" + family + R"(","given":["Lu"]}],"birthDate":"1990-01-01"}}]})";
    };
    const auto kept = must(core::FhirImport(*m_a->doctor).importBundle(bundleWith(mrn, "Fong")), "import");
    QCOMPARE(kept.patients.at(0).mrn, mrn);
    // The workstation's numbering moved past it: the next patient registered here gets 0000043.
    core::Patient next;
    next.familyName = "Park";
    next.givenName = "Jo";
    next.dateOfBirth = "1991-02-02";
    QCOMPARE(must(core::PatientStore(*m_a->doctor).create(next), "next").mrn.substr(0, 9), std::string("010000043"));
    // Not this clinic's shape: a new MRN.
    const auto renamed = must(core::FhirImport(*m_a->doctor).importBundle(bundleWith("A-17", "Wong")), "import");
    QVERIFY(renamed.patients.at(0).mrn != "A-17");
    QCOMPARE(renamed.patients.at(0).how, std::string("created"));
}

QTEST_GUILESS_MAIN(tst_Fhir)
#include "tst_fhir.moc"

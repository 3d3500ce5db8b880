#include "FhirBundleImport.h"

#include "FhirCodes.h"
#include "core/auth/Session.h"
#include "core/chart/ChartRows.h"
#include "core/chart/EncounterStore.h"
#include "core/clinic/ClinicStore.h"
#include "core/db/Transaction.h"
#include "core/patients/PatientSearch.h"
#include "core/patients/PatientStore.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/util/Text.h"
#include "core/util/Uuid.h"
#include "core/util/Validators.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <set>

namespace practica::core {

namespace fhir {

namespace {

// The resource types that become records; everything else is counted and skipped.
const std::set<std::string>& keptTypes()
{
    static const std::set<std::string> types = {
        "Patient",           "Encounter",    "Condition",  "AllergyIntolerance", "MedicationStatement",
        "MedicationRequest", "Immunization", "Observation"};
    return types;
}

// "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1234567893" -> system, value
std::optional<std::pair<std::string, std::string>> identifierQuery(const std::string& reference)
{
    const auto q = reference.find("?identifier=");
    if (q == std::string::npos)
        return std::nullopt;
    const std::string token = reference.substr(q + 12);
    const auto bar = token.find('|');
    if (bar == std::string::npos)
        return std::pair{std::string(), token};
    return std::pair{token.substr(0, bar), token.substr(bar + 1)};
}

bool hasIdentifier(const Object& resource, const std::string& system, const std::string& value)
{
    const Array ids = arrayAt(resource, "identifier");
    for (std::size_t i = 0; ids && i < ids->size(); ++i) {
        const Object id = objectIn(ids, i);
        if (textAt(id, "value") == value && (system.empty() || textAt(id, "system") == system))
            return true;
    }
    return false;
}

std::optional<std::string> identifierValue(const Object& resource, const std::string& system)
{
    const Array ids = arrayAt(resource, "identifier");
    for (std::size_t i = 0; ids && i < ids->size(); ++i)
        if (const Object id = objectIn(ids, i); textAt(id, "system") == system)
            return textAt(id, "value");
    return std::nullopt;
}

// An identifier typed MR (v2-0203): a medical record number of whichever system issued it.
std::optional<std::string> typedMrn(const Object& resource)
{
    const Array ids = arrayAt(resource, "identifier");
    for (std::size_t i = 0; ids && i < ids->size(); ++i) {
        const Object id = objectIn(ids, i);
        const Object type = objectAt(id, "type");
        if (const Object c = codingWith(type, kIdentifierType); c && textAt(c, "code") == "MR")
            return textAt(id, "value");
    }
    return std::nullopt;
}

} // namespace

Object codingWith(const Object& cc, const std::string& system)
{
    const Array codings = arrayAt(cc, "coding");
    for (std::size_t i = 0; codings && i < codings->size(); ++i)
        if (const Object c = objectIn(codings, i); c && textAt(c, "system") == system && textAt(c, "code"))
            return c;
    return nullptr;
}

Object firstCoding(const Object& cc)
{
    const Array codings = arrayAt(cc, "coding");
    for (std::size_t i = 0; codings && i < codings->size(); ++i)
        if (const Object c = objectIn(codings, i); c && textAt(c, "code"))
            return c;
    return nullptr;
}

std::optional<std::string> conceptWords(const Object& cc)
{
    if (auto text = textAt(cc, "text"); text && !trimmed(*text).empty())
        return trimmed(*text);
    if (const Object c = firstCoding(cc)) {
        if (auto display = textAt(c, "display"); display && !display->empty())
            return *display;
        return textAt(c, "code");
    }
    return std::nullopt;
}

std::optional<std::string> referenceText(const Object& o, const std::string& key)
{
    return textAt(objectAt(o, key), "reference");
}

std::string clipped(const std::string& text, std::size_t max)
{
    if (text.size() <= max)
        return text;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut);
}

std::string joinedNotes(const Object& resource)
{
    std::string out;
    const Array notes = arrayAt(resource, "note");
    for (std::size_t i = 0; notes && i < notes->size(); ++i)
        if (auto text = textAt(objectIn(notes, i), "text"); text && !text->empty())
            out += (out.empty() ? "" : "\n") + *text;
    return out;
}

std::unexpected<Error> BundleImport::refuse(int index, const std::string& field, Rule rule, ErrorParams params) const
{
    params["entry"] = std::to_string(index);
    if (index >= 0 && static_cast<std::size_t>(index) < m_entries.size())
        params["resource_type"] = m_entries[static_cast<std::size_t>(index)].type;
    return std::unexpected(Error::make(ErrorCode::Validation, field, rule, std::move(params)));
}

std::unexpected<Error> BundleImport::refuse(int index, Error error) const
{
    error.params["entry"] = std::to_string(index);
    error.params["resource_type"] = m_entries[static_cast<std::size_t>(index)].type;
    return std::unexpected(std::move(error));
}

void BundleImport::count(int index, bool kept)
{
    ++(kept ? m_report.imported : m_report.skipped)[m_entries[static_cast<std::size_t>(index)].type];
}

std::string BundleImport::recordIdOf(int index, const std::string& patientId) const
{
    const Entry& entry = m_entries[static_cast<std::size_t>(index)];
    std::string source;
    if (auto id = textAt(entry.resource, "id"); id && !id->empty())
        source = entry.type + "/" + *id;
    else if (!entry.fullUrl.empty())
        source = entry.fullUrl;
    else
        return {};
    return nameBasedUuid("fhir:" + patientId + ":" + source);
}

Result<bool> BundleImport::alreadyPresent(const std::string& table, const std::string& id, std::optional<int> entry)
{
    if (id.empty())
        return false;
    auto stmt = m_session.db().prepare("SELECT count(*) FROM " + table + " WHERE id = ?;");
    if (!stmt)
        return std::unexpected(stmt.error());
    auto found = stmt->bind(1, id).scalar();
    if (!found)
        return std::unexpected(found.error());
    if (*found > 0 && entry)
        ++m_report.alreadyPresent[m_entries[static_cast<std::size_t>(*entry)].type];
    return *found > 0;
}

Status BundleImport::index(const Object& bundle)
{
    if (textAt(bundle, "resourceType") != "Bundle")
        return refuse(-1, "resourceType", Rule::Choice, {{"allowed", "Bundle"}});
    static const std::set<std::string> kinds = {"transaction", "batch", "collection", "searchset"};
    if (!kinds.contains(textAt(bundle, "type").value_or("")))
        return refuse(-1, "type", Rule::Choice, {{"allowed", "transaction,batch,collection,searchset"}});
    const Array entries = arrayAt(bundle, "entry");
    if (bundle->has("entry") && !entries)
        return refuse(-1, "entry", Rule::Format, {{"format", "fhir_bundle"}});
    for (std::size_t i = 0; entries && i < entries->size(); ++i) {
        const int at = static_cast<int>(i);
        if (!entries->isObject(static_cast<unsigned>(i)))
            return refuse(at, "entry", Rule::Format, {{"format", "fhir_bundle"}});
        const Object entry = objectIn(entries, i);
        Entry e;
        e.fullUrl = textAt(entry, "fullUrl").value_or("");
        e.resource = objectAt(entry, "resource");
        if (entry->has("resource") && !e.resource)
            return refuse(at, "resource", Rule::Format, {{"format", "fhir_bundle"}});
        if (e.resource) {
            e.type = textAt(e.resource, "resourceType").value_or("");
            if (e.type.empty()) {
                m_entries.push_back(e);
                return refuse(at, "resourceType", Rule::Required);
            }
        }
        if (!e.fullUrl.empty())
            m_byUrl[e.fullUrl] = at;
        if (auto id = textAt(e.resource, "id")) {
            m_byUrl[e.type + "/" + *id] = at;
            // An absolute fullUrl ends in Type/id: relative references reach it by that tail.
        }
        m_entries.push_back(std::move(e));
    }
    m_report.entries = static_cast<int>(m_entries.size());
    return {};
}

std::optional<Target> BundleImport::resolve(const std::string& reference, const std::string& type) const
{
    if (reference.empty())
        return std::nullopt;
    if (auto it = m_byUrl.find(reference); it != m_byUrl.end())
        return Target{it->second, {}, {}};
    if (auto query = identifierQuery(reference)) {
        const std::string wanted = reference.substr(0, reference.find('?'));
        if (!type.empty() && wanted != type)
            return std::nullopt;
        for (std::size_t i = 0; i < m_entries.size(); ++i)
            if (m_entries[i].type == wanted && hasIdentifier(m_entries[i].resource, query->first, query->second))
                return Target{static_cast<int>(i), {}, {}};
        if (wanted == "Patient" && (query->first.empty() || query->first == m_mrnSystem)) {
            auto found = PatientStore(m_session).getByMrn(query->second);
            if (found)
                return Target{-1, found->id, {}};
        }
        if (wanted == "Practitioner" && (query->first.empty() || query->first == kNpi))
            if (auto provider = providerByNpi(query->second))
                return Target{-1, {}, *provider};
        return std::nullopt;
    }
    // An absolute URL whose tail is Type/id.
    const auto slash = reference.rfind('/');
    if (slash != std::string::npos && slash > 0) {
        const auto typeSlash = reference.rfind('/', slash - 1);
        const std::string tail = reference.substr(typeSlash == std::string::npos ? 0 : typeSlash + 1);
        if (auto it = m_byUrl.find(tail); it != m_byUrl.end())
            return Target{it->second, {}, {}};
    }
    return std::nullopt;
}

Result<std::string> BundleImport::patientOf(int index, const std::string& field)
{
    const Object resource = m_entries[static_cast<std::size_t>(index)].resource;
    const auto ref = referenceText(resource, field);
    if (!ref)
        return refuse(index, field, Rule::Required);
    const auto target = resolve(*ref, "Patient");
    if (target && !target->patientId.empty())
        return target->patientId;
    if (target && target->entry >= 0)
        if (auto it = m_patients.find(target->entry); it != m_patients.end())
            return it->second;
    return refuse(index, field, Rule::MissingReference, {{"references", "Patient"}, {"id", *ref}});
}

std::optional<std::string> BundleImport::encounterOf(int index)
{
    const auto ref = referenceText(m_entries[static_cast<std::size_t>(index)].resource, "encounter");
    if (!ref)
        return std::nullopt;
    const auto target = resolve(*ref, "Encounter");
    if (!target || target->entry < 0)
        return std::nullopt;
    auto it = m_encounters.find(target->entry);
    return it == m_encounters.end() ? std::nullopt : std::optional(it->second);
}

std::optional<std::string> BundleImport::providerOf(const Object& referenceObject)
{
    const auto ref = textAt(referenceObject, "reference");
    if (!ref)
        return std::nullopt;
    const auto target = resolve(*ref, "Practitioner");
    if (!target)
        return std::nullopt;
    if (!target->providerId.empty())
        return target->providerId;
    if (target->entry < 0 || m_entries[static_cast<std::size_t>(target->entry)].type != "Practitioner")
        return std::nullopt;
    const auto npi = identifierValue(m_entries[static_cast<std::size_t>(target->entry)].resource, kNpi);
    if (!npi)
        return std::nullopt;
    return providerByNpi(*npi);
}

std::optional<std::string> BundleImport::providerByNpi(const std::string& npi) const
{
    auto providers = ScheduleSetupStore(m_session).providers(true);
    for (const Provider& p : providers ? *providers : std::vector<Provider>())
        if (p.npi == npi)
            return p.id;
    return std::nullopt;
}

Result<std::string> BundleImport::defaultProvider(int index)
{
    if (!m_defaultProvider) {
        auto providers = ScheduleSetupStore(m_session).providers(false);
        if (!providers)
            return std::unexpected(providers.error());
        if (providers->empty())
            return refuse(index, "participant", Rule::MissingReference, {{"references", "provider"}});
        m_defaultProvider = providers->front().id;
    }
    return *m_defaultProvider;
}

Status BundleImport::importPatient(int index)
{
    const Object r = m_entries[static_cast<std::size_t>(index)].resource;
    Patient p;
    const Array names = arrayAt(r, "name");
    Object name = objectIn(names, 0);
    for (std::size_t i = 0; names && i < names->size(); ++i)
        if (textAt(objectIn(names, i), "use") == "official")
            name = objectIn(names, i);
    p.familyName = textAt(name, "family").value_or("");
    if (p.familyName.empty())
        return refuse(index, "name.family", Rule::Required);
    const Array given = arrayAt(name, "given");
    for (std::size_t i = 0; given && i < given->size(); ++i) {
        const std::string part = given->getElement<std::string>(static_cast<unsigned>(i));
        if (i == 0)
            p.givenName = part;
        else
            p.middleName = p.middleName ? *p.middleName + " " + part : part;
    }
    if (p.givenName.empty())
        return refuse(index, "name.given", Rule::Required);
    if (const Array suffix = arrayAt(name, "suffix"); suffix && suffix->size() > 0)
        p.suffix = suffix->getElement<std::string>(0);
    for (std::size_t i = 0; names && i < names->size(); ++i)
        if (const Object n = objectIn(names, i); textAt(n, "use") == "usual" && arrayAt(n, "given"))
            p.preferredName = arrayAt(n, "given")->getElement<std::string>(0);
    const std::string gender = textAt(r, "gender").value_or("unknown");
    p.sex = gender == "male" || gender == "female" || gender == "other" ? gender : "unknown";
    const auto birth = textAt(r, "birthDate");
    if (!birth)
        return refuse(index, "birthDate", Rule::Required);
    const auto born = parseDateTime(*birth);
    if (!born || !born->date)
        return refuse(index, "birthDate", Rule::NotDate, {{"value", *birth}});
    p.dateOfBirth = *born->date;
    const Array telecom = arrayAt(r, "telecom");
    for (std::size_t i = 0; telecom && i < telecom->size(); ++i) {
        const Object t = objectIn(telecom, i);
        const auto value = textAt(t, "value");
        if (!value)
            continue;
        const std::string system = textAt(t, "system").value_or(""), use = textAt(t, "use").value_or("home");
        if (system == "email" && !p.email)
            p.email = *value;
        if (system != "phone" && system != "sms")
            continue;
        auto& slot = use == "mobile" ? p.phoneMobile : use == "work" ? p.phoneWork : p.phoneHome;
        if (!slot)
            slot = *value;
    }
    const Array addresses = arrayAt(r, "address");
    if (const Object a = objectIn(addresses, 0)) {
        const Array lines = arrayAt(a, "line");
        if (lines && lines->size() > 0)
            p.addressLine1 = lines->getElement<std::string>(0);
        if (lines && lines->size() > 1)
            p.addressLine2 = lines->getElement<std::string>(1);
        p.city = textAt(a, "city");
        if (auto state = textAt(a, "state"))
            p.state = usStateCode(*state);
        p.zip = textAt(a, "postalCode");
    }
    if (auto deceased = textAt(r, "deceasedDateTime")) {
        p.status = PatientStatus::Deceased;
        if (auto when = parseDateTime(*deceased); when && when->date)
            p.deceasedDate = *when->date;
    } else if (flagAt(r, "deceasedBoolean") == true) {
        p.status = PatientStatus::Deceased;
    } else if (flagAt(r, "active") == false) {
        p.status = PatientStatus::Inactive;
    }
    if (const Object c = objectIn(arrayAt(r, "communication"), 0))
        p.preferredLanguage = conceptWords(objectAt(c, "language"));

    // The same person already registered: by this clinic's MRN, else by name and birth date.
    const auto ourMrn = identifierValue(r, m_mrnSystem);
    PatientStore store(m_session);
    if (ourMrn) {
        if (auto found = store.getByMrn(*ourMrn)) {
            m_patients[index] = found->id;
            m_report.patients.push_back({found->id, found->mrn, "matched_mrn"});
            return {};
        }
    }
    auto duplicates = PatientSearch(m_session).findDuplicates(p);
    if (!duplicates)
        return std::unexpected(duplicates.error());
    for (const DuplicateCandidate& d : *duplicates)
        if (d.reason == "name_and_birth_date") {
            m_patients[index] = d.patient.id;
            m_report.patients.push_back({d.patient.id, d.patient.mrn, "matched_name_birth_date"});
            return {};
        }
    p.mrn = ourMrn.value_or(typedMrn(r).value_or(""));
    auto created = store.createKeepingMrn(std::move(p));
    if (!created)
        return refuse(index, created.error());
    m_patients[index] = created->id;
    m_report.patients.push_back({created->id, created->mrn, "created"});
    return {};
}

Status BundleImport::importEncounter(int index)
{
    const Object r = m_entries[static_cast<std::size_t>(index)].resource;
    const std::string status = textAt(r, "status").value_or("unknown");
    if (status == "cancelled") { // it never happened
        count(index, false);
        return {};
    }
    auto patientId = patientOf(index, "subject");
    if (!patientId)
        return std::unexpected(patientId.error());
    Encounter e;
    e.patientId = *patientId;
    e.status = status == "finished" ? "closed" : status == "entered-in-error" ? "entered_in_error" : "open";
    const auto start = textAt(objectAt(r, "period"), "start");
    if (!start)
        return refuse(index, "period.start", Rule::Required);
    const auto when = parseDateTime(*start);
    if (!when || !when->date)
        return refuse(index, "period.start", Rule::NotDateTime, {{"value", *start}});
    e.startedAtMs = when->utcMs;
    e.date = when->hasTime ? isoDateIn(when->utcMs, m_timeZone) : *when->date;
    if (auto type = conceptWords(objectIn(arrayAt(r, "type"), 0)))
        e.visitType = clipped(*type, 40);
    if (auto reason = conceptWords(objectIn(arrayAt(r, "reasonCode"), 0)))
        e.chiefComplaint = clipped(*reason, 500);
    const Array participants = arrayAt(r, "participant");
    for (std::size_t i = 0; participants && i < participants->size() && e.providerId.empty(); ++i)
        if (auto provider = providerOf(objectAt(objectIn(participants, i), "individual")))
            e.providerId = *provider;
    if (e.providerId.empty()) {
        auto fallback = defaultProvider(index);
        if (!fallback)
            return std::unexpected(fallback.error());
        e.providerId = *fallback;
        ++m_report.encountersWithDefaultProvider;
    }
    e.id = recordIdOf(index, e.patientId);
    auto present = alreadyPresent(encounterRow().table(), e.id, index);
    if (!present)
        return std::unexpected(present.error());
    if (*present) {
        m_encounters[index] = e.id;
        return {};
    }
    auto saved = EncounterStore(m_session).recordPast(std::move(e));
    if (!saved)
        return refuse(index, saved.error());
    m_encounters[index] = saved->id;
    count(index, true);
    return {};
}

Status BundleImport::run(const Object& bundle)
{
    if (Status s = index(bundle); !s)
        return s;
    auto clinic = ClinicStore(m_session).get();
    if (!clinic)
        return std::unexpected(clinic.error());
    m_mrnSystem = mrnSystemUri(clinic->id);
    m_timeZone = clinic->timeZone;
    // Patients first, then visits, then what refers to them, whatever order the bundle lists them in.
    for (const char* type : {"Patient", "Encounter"})
        for (std::size_t i = 0; i < m_entries.size(); ++i)
            if (m_entries[i].type == type) {
                const int at = static_cast<int>(i);
                if (Status s = std::string(type) == "Patient" ? importPatient(at) : importEncounter(at); !s)
                    return s;
                if (std::string(type) == "Patient")
                    count(at, true);
            }
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const std::string& type = m_entries[i].type;
        const int at = static_cast<int>(i);
        if (type.empty() || type == "Patient" || type == "Encounter")
            continue;
        if (!keptTypes().contains(type)) {
            count(at, false);
            continue;
        }
        Status s = type == "Condition"            ? importCondition(at)
                   : type == "AllergyIntolerance" ? importAllergy(at)
                   : type == "Immunization"       ? importImmunization(at)
                   : type == "Observation"        ? importObservation(at)
                                                  : importMedication(at);
        if (!s)
            return s;
    }
    if (Status s = saveVitals(); !s)
        return s;
    return saveNoKnownAllergies();
}

} // namespace fhir

Result<FhirImportReport> FhirImport::importBundle(const std::string& json)
{
    for (Permission p : {Permission::ClinicalWrite, Permission::PatientWrite})
        if (Status perm = m_session.require(p); !perm)
            return std::unexpected(perm.error());
    fhir::Object bundle;
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var root = parser.parse(json);
        if (root.type() == typeid(fhir::Object))
            bundle = root.extract<fhir::Object>();
    } catch (const Poco::Exception&) {
        return fail(ErrorCode::Validation, "bundle", Rule::Format, {{"format", "json"}});
    }
    if (!bundle)
        return fail(ErrorCode::Validation, "bundle", Rule::Format, {{"format", "fhir_bundle"}});

    // One transaction: the stores' own transactions join it, and nothing is kept unless every entry was.
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    FhirImportReport report;
    fhir::BundleImport run(m_session, report);
    try {
        if (Status s = run.run(bundle); !s)
            return std::unexpected(s.error());
    } catch (const Poco::Exception&) { // a value of another JSON type than FHIR gives it
        return fail(ErrorCode::Validation, "bundle", Rule::Format, {{"format", "fhir_bundle"}});
    }
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return report;
}

} // namespace practica::core

// The chart's lists from a Bundle: conditions, allergies, medications, immunizations, vital signs and labs.
#include "FhirBundleImport.h"
#include "FhirCodes.h"
#include "core/auth/Session.h"
#include "core/chart/ChartRows.h"
#include "core/chart/ClinicalListStore.h"
#include "core/codes/CodeSets.h"
#include "core/schedule/ScheduleSetupStore.h"
#include "core/util/Text.h"
#include "core/util/Uuid.h"

#include <algorithm>
#include <set>

namespace practica::core::fhir {

namespace {

std::optional<std::string> dateOf(const Object& r, const std::string& dateTimeKey, const std::string& periodKey)
{
    std::optional<std::string> text = textAt(r, dateTimeKey);
    if (!text)
        text = textAt(objectAt(r, periodKey), "start");
    if (!text)
        return std::nullopt;
    const auto parsed = parseDateTime(*text);
    return parsed ? parsed->date : std::nullopt;
}

// When an Observation was made: effectiveDateTime, effectivePeriod.start, effectiveInstant, else issued.
std::optional<DateTime> observedAt(const Object& r)
{
    for (const auto& text : {textAt(r, "effectiveDateTime"), textAt(objectAt(r, "effectivePeriod"), "start"),
                             textAt(r, "effectiveInstant"), textAt(r, "issued")})
        if (text)
            return parseDateTime(*text);
    return std::nullopt;
}

std::optional<std::string> statusCode(const Object& r, const std::string& key)
{
    if (const Object c = firstCoding(objectAt(r, key)))
        return textAt(c, "code");
    return std::nullopt;
}

// A code system's name as Practica stores it: the short name of a known URI, else the URI when it fits.
std::optional<std::string> systemName(const Object& coding)
{
    const auto uri = textAt(coding, "system");
    if (!uri)
        return std::nullopt;
    if (auto name = codeSystemNameFor(*uri))
        return name;
    return uri->size() <= 40 ? uri : std::nullopt;
}

std::string quantityText(const Object& q)
{
    const auto value = numberAt(q, "value");
    if (!value)
        return {};
    const auto unit = textAt(q, "unit") ? textAt(q, "unit") : textAt(q, "code");
    return numberText(*value) + (unit && !unit->empty() ? " " + *unit : std::string());
}

} // namespace

Status BundleImport::importCondition(int index)
{
    const Object r = m_entries[static_cast<std::size_t>(index)].resource;
    auto patientId = patientOf(index, "subject");
    if (!patientId)
        return std::unexpected(patientId.error());
    Problem p;
    p.patientId = *patientId;
    const Object code = objectAt(r, "code");
    Object chosen = codingWith(code, kIcd10Cm);
    if (chosen) {
        p.codeSystem = "icd10cm";
        const std::string given = *textAt(chosen, "code");
        p.code = normalizeIcd10Cm(given).value_or(given);
    } else if ((chosen = codingWith(code, kSnomed))) {
        p.codeSystem = "snomed";
        p.code = *textAt(chosen, "code");
    } else if ((chosen = firstCoding(code))) {
        p.codeSystem = "other";
        p.code = *textAt(chosen, "code");
    } else {
        return refuse(index, "code", Rule::Required);
    }
    p.display = textAt(chosen, "display").value_or(conceptWords(code).value_or(p.code));
    p.onsetDate = dateOf(r, "onsetDateTime", "onsetPeriod");
    p.resolvedDate = dateOf(r, "abatementDateTime", "abatementPeriod");
    const std::string clinical = statusCode(r, "clinicalStatus").value_or(p.resolvedDate ? "resolved" : "active");
    const std::string verification = statusCode(r, "verificationStatus").value_or("confirmed");
    if (verification == "entered-in-error")
        p.status = "entered_in_error";
    else if (verification == "refuted" || clinical == "inactive" || clinical == "remission")
        p.status = "inactive";
    else if (clinical == "resolved")
        p.status = p.resolvedDate ? "resolved" : "inactive"; // Practica dates every resolution
    else
        p.status = "active";
    if (std::string note = joinedNotes(r); !note.empty())
        p.note = note;
    p.id = recordIdOf(index, p.patientId);
    if (auto present = alreadyPresent(problemRow().table(), p.id, index); !present || *present)
        return present ? Status{} : Status(std::unexpected(present.error()));
    auto saved = ClinicalListStore(m_session).saveProblem(std::move(p));
    if (!saved)
        return refuse(index, saved.error());
    count(index, true);
    return {};
}

Status BundleImport::importAllergy(int index)
{
    const Object r = m_entries[static_cast<std::size_t>(index)].resource;
    auto patientId = patientOf(index, "patient");
    if (!patientId)
        return std::unexpected(patientId.error());
    const Object code = objectAt(r, "code");
    const std::string verification = statusCode(r, "verificationStatus").value_or("confirmed");
    const std::string clinical = statusCode(r, "clinicalStatus").value_or("active");
    if (const Object snomed = codingWith(code, kSnomed)) {
        const std::string c = *textAt(snomed, "code");
        if (c == kNoKnownAllergy) {
            const bool stands = verification != "entered-in-error" && verification != "refuted" && clinical == "active";
            if (stands)
                m_noKnownAllergies.emplace(*patientId, index);
            else
                count(index, false);
            return {};
        }
        // "No known drug / food / environmental allergy": Practica's review is for all allergies at once.
        static const std::set<std::string> partial = {"409137002", "429625007", "428607008"};
        if (partial.contains(c)) {
            count(index, false);
            return {};
        }
    }
    Allergy a;
    a.patientId = *patientId;
    const auto substance = conceptWords(code);
    if (!substance)
        return refuse(index, "code", Rule::Required);
    a.substance = clipped(*substance, 200);
    if (const Object c = firstCoding(code)) {
        a.codeSystem = systemName(c);
        if (a.codeSystem)
            a.code = clipped(*textAt(c, "code"), 40);
    }
    const Array categories = arrayAt(r, "category");
    a.category = categories && categories->size() > 0 && categories->get(0).isString()
                     ? allergyCategoryFrom(categories->getElement<std::string>(0))
                     : "other";
    a.status = verification == "entered-in-error" ? "entered_in_error"
               : verification == "refuted"        ? "inactive"
               : clinical == "inactive"           ? "inactive"
               : clinical == "resolved"           ? "resolved"
                                                  : "active";
    const std::string criticality = textAt(r, "criticality").value_or("");
    a.severity = criticality == "high" ? "severe" : "unknown";
    const Array reactions = arrayAt(r, "reaction");
    std::string manifestations;
    for (std::size_t i = 0; reactions && i < reactions->size(); ++i) {
        const Object reaction = objectIn(reactions, i);
        const Array list = arrayAt(reaction, "manifestation");
        for (std::size_t j = 0; list && j < list->size(); ++j)
            if (auto words = conceptWords(objectIn(list, j)))
                manifestations += (manifestations.empty() ? "" : "; ") + *words;
        const std::string severity = textAt(reaction, "severity").value_or("");
        if (severity == "mild" || severity == "moderate" || severity == "severe")
            a.severity = severity;
    }
    if (!manifestations.empty())
        a.reaction = clipped(manifestations, 500);
    a.onsetDate = dateOf(r, "onsetDateTime", "onsetPeriod");
    if (std::string note = joinedNotes(r); !note.empty())
        a.note = note;
    a.id = recordIdOf(index, a.patientId);
    if (auto present = alreadyPresent(allergyRow().table(), a.id, index); !present || *present)
        return present ? Status{} : Status(std::unexpected(present.error()));
    auto saved = ClinicalListStore(m_session).saveAllergy(std::move(a));
    if (!saved)
        return refuse(index, saved.error());
    count(index, true);
    return {};
}

Status BundleImport::saveNoKnownAllergies()
{
    ClinicalListStore lists(m_session);
    for (const auto& [patientId, index] : m_noKnownAllergies) {
        auto status = lists.allergyStatus(patientId);
        if (!status)
            return std::unexpected(status.error());
        if (!status->active.empty()) { // an allergy outranks "none known"
            count(index, false);
            continue;
        }
        if (Status s = lists.recordNoKnownAllergies(patientId); !s)
            return refuse(index, s.error());
        count(index, true);
    }
    return {};
}

Status BundleImport::importMedication(int index)
{
    const Object r = m_entries[static_cast<std::size_t>(index)].resource;
    const bool request = m_entries[static_cast<std::size_t>(index)].type == "MedicationRequest";
    auto patientId = patientOf(index, "subject");
    if (!patientId)
        return std::unexpected(patientId.error());
    Medication m;
    m.patientId = *patientId;
    Object code = objectAt(r, "medicationCodeableConcept");
    if (!code)
        if (auto ref = referenceText(r, "medicationReference"))
            if (auto target = resolve(*ref, "Medication"); target && target->entry >= 0)
                code = objectAt(m_entries[static_cast<std::size_t>(target->entry)].resource, "code");
    const auto name = conceptWords(code);
    if (!name)
        return refuse(index, request ? "medication" : "medicationCodeableConcept", Rule::Required);
    m.name = clipped(*name, 200);
    if (const Object c = codingWith(code, kRxNorm) ? codingWith(code, kRxNorm) : firstCoding(code)) {
        m.codeSystem = systemName(c);
        if (m.codeSystem)
            m.code = clipped(*textAt(c, "code"), 40);
    }
    const std::string status = textAt(r, "status").value_or("unknown");
    m.status =
        (request ? medicationStatusFromRequest(status) : medicationStatusFromStatement(status)).value_or("active");
    if (request) {
        m.startDate = dateOf(r, "authoredOn", "");
        if (auto provider = providerOf(objectAt(r, "requester")))
            m.prescriberId = *provider;
    } else {
        m.startDate = dateOf(r, "effectiveDateTime", "effectivePeriod");
        if (auto end = textAt(objectAt(r, "effectivePeriod"), "end"))
            if (auto parsed = parseDateTime(*end))
                m.endDate = parsed->date;
    }
    const Object dosage = objectIn(arrayAt(r, request ? "dosageInstruction" : "dosage"), 0);
    if (dosage) {
        if (auto route = conceptWords(objectAt(dosage, "route")))
            m.route = clipped(*route, 40);
        const Object timing = objectAt(dosage, "timing");
        std::optional<std::string> frequency = conceptWords(objectAt(timing, "code"));
        if (const Object repeat = objectAt(timing, "repeat"); !frequency && repeat) {
            const auto times = numberAt(repeat, "frequency"), period = numberAt(repeat, "period");
            if (times && period)
                frequency = numberText(*times) + " per " + numberText(*period) + " " +
                            textAt(repeat, "periodUnit").value_or("d");
        }
        if (flagAt(dosage, "asNeededBoolean") == true)
            frequency = frequency ? *frequency + ", as needed" : std::string("as needed");
        if (frequency)
            m.frequency = clipped(*frequency, 100);
        if (const Object dose = objectAt(objectIn(arrayAt(dosage, "doseAndRate"), 0), "doseQuantity")) {
            if (std::string text = quantityText(dose); !text.empty())
                m.dose = clipped(text, 100);
        }
        if (auto text = textAt(dosage, "text"); text && !m.dose && !m.route && !m.frequency) {
            if (text->size() <= 100)
                m.dose = *text;
            else
                m.note = *text;
        }
    }
    m.source = "reported"; // prescribed elsewhere, or by someone before this clinic kept the record
    if (std::string note = joinedNotes(r); !note.empty())
        m.note = m.note ? *m.note + "\n" + note : note;
    m.id = recordIdOf(index, m.patientId);
    if (auto present = alreadyPresent(medicationRow().table(), m.id, index); !present || *present)
        return present ? Status{} : Status(std::unexpected(present.error()));
    auto saved = ClinicalListStore(m_session).saveMedication(std::move(m));
    if (!saved)
        return refuse(index, saved.error());
    count(index, true);
    return {};
}

Status BundleImport::importImmunization(int index)
{
    const Object r = m_entries[static_cast<std::size_t>(index)].resource;
    auto patientId = patientOf(index, "patient");
    if (!patientId)
        return std::unexpected(patientId.error());
    Immunization i;
    i.patientId = *patientId;
    const Object vaccine = objectAt(r, "vaccineCode");
    const Object cvx = codingWith(vaccine, kCvx);
    if (!cvx)
        return refuse(index, "vaccineCode", Rule::Required, {{"or", "cvx"}});
    i.cvxCode = *textAt(cvx, "code");
    i.vaccine = clipped(conceptWords(vaccine).value_or(i.cvxCode), 200);
    const std::string status = textAt(r, "status").value_or("");
    const auto mapped = immunizationStatusFrom(status);
    if (!mapped)
        return refuse(index, "status", Rule::Choice, {{"allowed", "completed,not-done,entered-in-error"}});
    i.status = *mapped;
    const auto when = textAt(r, "occurrenceDateTime");
    if (!when)
        return refuse(index, "occurrenceDateTime", Rule::Required);
    const auto parsed = parseDateTime(*when);
    if (!parsed || !parsed->date)
        return refuse(index, "occurrenceDateTime", Rule::NotDate, {{"value", *when}});
    i.administeredOn = *parsed->date;
    i.lotNumber = textAt(r, "lotNumber");
    if (auto maker = textAt(objectAt(r, "manufacturer"), "display"))
        i.manufacturer = clipped(*maker, 100);
    if (const Object site = objectAt(r, "site")) {
        const Object c = firstCoding(site);
        i.site = immunizationSiteFrom(c ? textAt(c, "code") : std::nullopt, conceptWords(site));
    }
    if (const Object route = objectAt(r, "route")) {
        const Object c = firstCoding(route);
        i.route = immunizationRouteFrom(c ? textAt(c, "code") : std::nullopt, conceptWords(route));
    }
    if (std::string note = joinedNotes(r); !note.empty())
        i.note = note;
    i.id = recordIdOf(index, i.patientId);
    if (auto present = alreadyPresent(immunizationRow().table(), i.id, index); !present || *present)
        return present ? Status{} : Status(std::unexpected(present.error()));
    auto saved = ClinicalListStore(m_session).saveImmunization(std::move(i));
    if (!saved)
        return refuse(index, saved.error());
    count(index, true);
    return {};
}

Status BundleImport::importObservation(int index)
{
    const Object r = m_entries[static_cast<std::size_t>(index)].resource;
    std::set<std::string> categories;
    const Array list = arrayAt(r, "category");
    for (std::size_t i = 0; list && i < list->size(); ++i)
        if (const Object c = codingWith(objectIn(list, i), kObservationCategory))
            categories.insert(*textAt(c, "code"));
    const Object code = objectAt(r, "code");
    std::string vitalLoinc;
    const Array codings = arrayAt(code, "coding");
    for (std::size_t i = 0; codings && i < codings->size() && vitalLoinc.empty(); ++i)
        if (const Object c = objectIn(codings, i); textAt(c, "system") == kLoinc && vitalByLoinc(*textAt(c, "code")))
            vitalLoinc = *textAt(c, "code");
    const bool vital = categories.contains("vital-signs") || (categories.empty() && !vitalLoinc.empty());
    if (!vital && !categories.contains("laboratory")) {
        count(index, false); // survey, social history, exam, imaging, procedure, ...
        return {};
    }
    auto patientId = patientOf(index, "subject");
    if (!patientId)
        return std::unexpected(patientId.error());
    if (vital) {
        if (vitalLoinc.empty()) { // head circumference, BMI percentile, ...: not among Practica's vital signs
            count(index, false);
            return {};
        }
        return importVitalSign(index, *patientId, vitalLoinc);
    }
    return importLab(index, *patientId);
}

Status BundleImport::importVitalSign(int index, const std::string& patientId, const std::string& loinc)
{
    const Object r = m_entries[static_cast<std::size_t>(index)].resource;
    const std::string status = textAt(r, "status").value_or("final");
    if (status == "cancelled" || status == "registered") {
        count(index, false);
        return {};
    }
    const auto when = observedAt(r);
    if (!when)
        return refuse(index, "effectiveDateTime", Rule::Required);
    const std::optional<std::string> encounterId = encounterOf(index);
    const std::string field = vitalByLoinc(loinc)->field;

    // The values this Observation carries, each with its field and where it sits in the resource.
    struct Value
    {
        std::string field;
        Object quantity;
        std::string path;
    };
    std::vector<Value> values;
    if (field == "blood_pressure") {
        const Array components = arrayAt(r, "component");
        for (std::size_t i = 0; components && i < components->size(); ++i) {
            const Object component = objectIn(components, i);
            const Object c = codingWith(objectAt(component, "code"), kLoinc);
            const auto part = c ? vitalByLoinc(*textAt(c, "code")) : std::nullopt;
            if (part && (part->field == "systolic" || part->field == "diastolic"))
                values.push_back({part->field, objectAt(component, "valueQuantity"),
                                  "component[" + std::to_string(i) + "].valueQuantity"});
        }
    } else if (field != "bmi") {
        values.push_back({field, objectAt(r, "valueQuantity"), "valueQuantity"});
    }
    for (const Value& v : values)
        if (!v.quantity || !numberAt(v.quantity, "value"))
            return refuse(index, v.path + ".value", Rule::Required);

    const std::string key = patientId + "|" + std::to_string(when->utcMs) + "|" + encounterId.value_or("") + "|" +
                            (status == "entered-in-error" ? "e" : "f");
    auto& sets = m_vitalsAt[key];
    // The first set of this time that lacks these fields takes them; a repeated measurement starts another.
    VitalsSet* target = nullptr;
    for (std::size_t s : sets) {
        VitalsSet& candidate = m_vitals[s];
        const bool free = std::all_of(values.begin(), values.end(),
                                      [&](const Value& v) { return !candidate.entryOf.contains(v.field); }) &&
                          (field != "bmi" || candidate.bmiObservations == 0);
        if (free) {
            target = &candidate;
            break;
        }
    }
    if (!target) {
        VitalsSet fresh;
        fresh.vitals.patientId = patientId;
        fresh.vitals.encounterId = encounterId;
        fresh.vitals.takenAtMs = when->utcMs;
        fresh.vitals.status = status == "entered-in-error" ? "entered_in_error" : "final";
        fresh.key = key + "|" + std::to_string(sets.size());
        m_vitals.push_back(std::move(fresh));
        sets.push_back(m_vitals.size() - 1);
        target = &m_vitals.back();
    }
    if (field == "bmi") {
        ++target->bmiObservations;
        target->entryOf["bmi"] = index;
        return {};
    }
    for (const Value& v : values) {
        const std::string unit = textAt(v.quantity, "code").value_or(textAt(v.quantity, "unit").value_or(""));
        const auto canonical = canonicalVital(v.field, *numberAt(v.quantity, "value"), unit);
        if (!canonical)
            return refuse(index, v.path + ".code", Rule::Format, {{"format", "ucum_vital_unit"}, {"value", unit}});
        VitalSigns& s = target->vitals;
        std::optional<int>* slot = v.field == "height_mm"          ? &s.heightMm
                                   : v.field == "weight_g"         ? &s.weightG
                                   : v.field == "systolic"         ? &s.systolic
                                   : v.field == "diastolic"        ? &s.diastolic
                                   : v.field == "pulse"            ? &s.pulse
                                   : v.field == "temperature_dc"   ? &s.temperatureDeciC
                                   : v.field == "respiratory_rate" ? &s.respiratoryRate
                                   : v.field == "spo2"             ? &s.spo2
                                                                   : &s.pain;
        *slot = *canonical;
        target->entryOf[v.field] = index;
    }
    return {};
}

Status BundleImport::saveVitals()
{
    ClinicalListStore lists(m_session);
    for (VitalsSet& set : m_vitals) {
        const VitalSigns& v = set.vitals;
        const bool measured = v.heightMm || v.weightG || v.systolic || v.diastolic || v.pulse || v.temperatureDeciC ||
                              v.respiratoryRate || v.spo2 || v.pain;
        // Named by when and for whom it was taken: the same readings imported again are the same record.
        set.vitals.id = nameBasedUuid("fhir-vitals:" + set.key);
        auto present = measured ? alreadyPresent(vitalSignsRow().table(), v.id, std::nullopt) : Result<bool>(false);
        if (!present)
            return std::unexpected(present.error());
        // BMI is computed from height and weight, never stored: its Observation is kept when they are.
        const bool bmiKept = v.heightMm && v.weightG;
        for (int i = 0; i < set.bmiObservations; ++i)
            if (*present && bmiKept)
                ++m_report.alreadyPresent[m_entries[static_cast<std::size_t>(set.entryOf["bmi"])].type];
            else
                count(set.entryOf["bmi"], bmiKept);
        if (!measured)
            continue;
        if (*present) {
            std::set<int> entries; // a blood-pressure panel is one Observation for two fields
            for (const auto& [field, index] : set.entryOf)
                if (field != "bmi")
                    entries.insert(index);
            for (int index : entries)
                ++m_report.alreadyPresent[m_entries[static_cast<std::size_t>(index)].type];
            continue;
        }
        auto saved = lists.saveVitals(v);
        if (!saved) {
            auto it = set.entryOf.find(saved.error().field);
            return refuse(it != set.entryOf.end() ? it->second : set.entryOf.begin()->second, saved.error());
        }
        for (const auto& [field, index] : set.entryOf)
            if (field != "bmi" && field != "diastolic") // a blood-pressure panel is one Observation
                count(index, true);
        if (set.entryOf.contains("diastolic") && set.entryOf["diastolic"] != set.entryOf["systolic"])
            count(set.entryOf["diastolic"], true);
    }
    return {};
}

Status BundleImport::importLab(int index, const std::string& patientId)
{
    const Object r = m_entries[static_cast<std::size_t>(index)].resource;
    LabResult l;
    l.patientId = patientId;
    l.encounterId = encounterOf(index);
    const Object code = objectAt(r, "code");
    if (const Object loinc = codingWith(code, kLoinc))
        l.loincCode = textAt(loinc, "code");
    const auto name = conceptWords(code);
    if (!name)
        return refuse(index, "code", Rule::Required);
    l.name = clipped(*name, 200);
    if (const Object q = objectAt(r, "valueQuantity"); q && numberAt(q, "value")) {
        l.value = numberText(*numberAt(q, "value"));
        l.unit = textAt(q, "unit") ? textAt(q, "unit") : textAt(q, "code");
    } else if (auto text = textAt(r, "valueString")) {
        l.value = *text;
    } else if (auto words = conceptWords(objectAt(r, "valueCodeableConcept"))) {
        l.value = *words;
    } else if (auto flag = flagAt(r, "valueBoolean")) {
        l.value = *flag ? "true" : "false";
    } else if (auto number = numberAt(r, "valueInteger")) {
        l.value = numberText(*number);
    } else {
        count(index, false); // no value (a panel, or data absent): nothing to keep
        return {};
    }
    const std::string status = textAt(r, "status").value_or("final");
    l.resultStatus = labStatusFrom(status).value_or("final");
    const auto when = observedAt(r);
    if (!when)
        return refuse(index, "effectiveDateTime", Rule::Required);
    l.collectedAtMs = when->utcMs;
    if (const Object range = objectIn(arrayAt(r, "referenceRange"), 0)) {
        if (auto text = textAt(range, "text")) {
            l.referenceRange = clipped(*text, 100);
        } else {
            const std::string low = quantityText(objectAt(range, "low")), high = quantityText(objectAt(range, "high"));
            if (!low.empty() || !high.empty())
                l.referenceRange = clipped(low + "-" + high, 100);
        }
    }
    if (const Object flag = firstCoding(objectIn(arrayAt(r, "interpretation"), 0))) {
        static const std::set<std::string> flags = {"N", "L", "H", "LL", "HH", "A", "AA"};
        if (flags.contains(*textAt(flag, "code")))
            l.abnormalFlag = textAt(flag, "code");
    }
    if (std::string note = joinedNotes(r); !note.empty())
        l.note = note;
    l.id = recordIdOf(index, l.patientId);
    if (auto present = alreadyPresent(labResultRow().table(), l.id, index); !present || *present)
        return present ? Status{} : Status(std::unexpected(present.error()));
    auto saved = ClinicalListStore(m_session).saveLabResult(std::move(l));
    if (!saved)
        return refuse(index, saved.error());
    count(index, true);
    return {};
}

} // namespace practica::core::fhir

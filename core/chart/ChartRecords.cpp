// The chart: encounters, notes (signed and locked), vital signs, problems, allergies, medications,
// immunizations and lab results. Clinicians read and write them; other roles read an encounter's
// existence and codes, never clinical text (RecordType::read and readGuarded).
#include "core/chart/ChartRows.h"
#include "core/records/FieldRules.h"

namespace practica::core {

namespace {

constexpr std::size_t kNoteText = 64 * 1024;
constexpr std::size_t kShortText = 500;
constexpr std::size_t kLongText = 4000;

const std::vector<std::string> kListStatus = {"active", "inactive", "resolved", "entered_in_error"};

RecordType clinical(const std::string& name, std::vector<FieldRule> fields)
{
    RecordType t;
    t.name = name;
    t.create = t.edit = Permission::ClinicalWrite;
    t.read = Permission::ClinicalRead;
    t.fields = std::move(fields);
    return t;
}

} // namespace

const std::vector<std::string>& noteContentFields()
{
    static const std::vector<std::string> fields = {"encounter_id", "patient_id", "author_id",  "kind", "addendum_to",
                                                    "subjective",   "objective",  "assessment", "plan", "body"};
    return fields;
}

const RowBinding<Encounter>& encounterRow()
{
    using E = Encounter;
    static const RowBinding<E> row = [] {
        RowBinding<E> r("encounter", &E::id);
        r.field(reference("patient_id", "patient").required(), &E::patientId)
            .field(reference("provider_id", "provider").required(), &E::providerId)
            .field(reference("appointment_id", "appointment"), &E::appointmentId)
            .field(date("date").required(), &E::date)
            .field(integer("started_at_ms").required().min(0), &E::startedAtMs)
            .field(text("visit_type").required().maxLength(40), &E::visitType)
            .field(text("chief_complaint").maxLength(kShortText), &E::chiefComplaint)
            .field(choice("status", {"open", "closed", "entered_in_error"}).required(), &E::status)
            .field(text("note_signed_at").format(TextFormat::UtcTime), &E::noteSignedAt);
        return r;
    }();
    return row;
}

const RowBinding<ClinicalNote>& clinicalNoteRow()
{
    using N = ClinicalNote;
    static const RowBinding<N> row = [] {
        RowBinding<N> r("clinical_note", &N::id);
        r.field(reference("encounter_id", "encounter").required(), &N::encounterId)
            .field(reference("patient_id", "patient").required(), &N::patientId)
            .field(reference("author_id", "user_account").required(), &N::authorId)
            .field(choice("kind", {"note", "addendum"}).required(), &N::kind)
            .field(reference("addendum_to", "clinical_note"), &N::addendumTo)
            .field(text("template_key").maxLength(40), &N::templateKey)
            .field(text("subjective").maxLength(kNoteText), &N::subjective)
            .field(text("objective").maxLength(kNoteText), &N::objective)
            .field(text("assessment").maxLength(kNoteText), &N::assessment)
            .field(text("plan").maxLength(kNoteText), &N::plan)
            .field(text("body").maxLength(kNoteText), &N::body)
            .field(integer("created_at_ms").required().min(0), &N::createdAtMs)
            .field(text("signed_at").format(TextFormat::UtcTime), &N::signedAt)
            .field(reference("signed_by", "user_account"), &N::signedBy)
            .field(text("content_sha256").format(TextFormat::Sha256), &N::contentSha256);
        return r;
    }();
    return row;
}

const RowBinding<VitalSigns>& vitalSignsRow()
{
    using V = VitalSigns;
    static const RowBinding<V> row = [] {
        RowBinding<V> r("vital_signs", &V::id);
        // The ranges are what a body can measure: a value outside is a typing error, not a finding.
        r.field(reference("patient_id", "patient").required(), &V::patientId)
            .field(reference("encounter_id", "encounter"), &V::encounterId)
            .field(integer("taken_at_ms").required().min(0), &V::takenAtMs)
            .field(integer("height_mm").range(200, 2800), &V::heightMm)
            .field(integer("weight_g").range(200, 700'000), &V::weightG)
            .field(integer("systolic").range(40, 320), &V::systolic)
            .field(integer("diastolic").range(10, 250), &V::diastolic)
            .field(integer("pulse").range(10, 350), &V::pulse)
            .field(integer("temperature_dc").range(250, 460), &V::temperatureDeciC)
            .field(integer("respiratory_rate").range(1, 120), &V::respiratoryRate)
            .field(integer("spo2").range(30, 100), &V::spo2)
            .field(integer("pain").range(0, 10), &V::pain)
            .field(choice("status", {"final", "entered_in_error"}).required(), &V::status);
        return r;
    }();
    return row;
}

const RowBinding<Problem>& problemRow()
{
    using P = Problem;
    static const RowBinding<P> row = [] {
        RowBinding<P> r("problem", &P::id);
        r.field(reference("patient_id", "patient").required(), &P::patientId)
            .field(choice("code_system", {"icd10cm", "snomed", "other"}).required(), &P::codeSystem)
            .field(text("code").required().maxLength(40), &P::code)
            .field(text("display").required().maxLength(kShortText), &P::display)
            .field(date("onset_date"), &P::onsetDate)
            .field(date("resolved_date"), &P::resolvedDate)
            .field(choice("status", kListStatus).required(), &P::status)
            .field(text("note").maxLength(kLongText), &P::note);
        return r;
    }();
    return row;
}

const RowBinding<Allergy>& allergyRow()
{
    using A = Allergy;
    static const RowBinding<A> row = [] {
        RowBinding<A> r("allergy", &A::id);
        r.field(reference("patient_id", "patient").required(), &A::patientId)
            .field(choice("category", {"drug", "drug_class", "food", "environmental", "other"}).required(),
                   &A::category)
            .field(text("substance").required().maxLength(200), &A::substance)
            .field(text("code_system").maxLength(40), &A::codeSystem)
            .field(text("code").maxLength(40), &A::code)
            .field(text("reaction").maxLength(kShortText), &A::reaction)
            .field(choice("severity", {"mild", "moderate", "severe", "unknown"}).required(), &A::severity)
            .field(choice("status", kListStatus).required(), &A::status)
            .field(date("onset_date"), &A::onsetDate)
            .field(text("note").maxLength(kLongText), &A::note);
        return r;
    }();
    return row;
}

const RowBinding<AllergyReview>& allergyReviewRow()
{
    using A = AllergyReview;
    static const RowBinding<A> row = [] {
        RowBinding<A> r("allergy_review", &A::id);
        r.field(reference("patient_id", "patient").required(), &A::patientId)
            .field(choice("state", {"no_known_allergies", "reviewed"}).required(), &A::state)
            .field(text("reviewed_at").required().format(TextFormat::UtcTime), &A::reviewedAt)
            .field(reference("reviewed_by", "user_account").required(), &A::reviewedBy);
        return r;
    }();
    return row;
}

const RowBinding<Medication>& medicationRow()
{
    using M = Medication;
    static const RowBinding<M> row = [] {
        RowBinding<M> r("medication", &M::id);
        r.field(reference("patient_id", "patient").required(), &M::patientId)
            .field(text("name").required().maxLength(200), &M::name)
            .field(text("code_system").maxLength(40), &M::codeSystem)
            .field(text("code").maxLength(40), &M::code)
            .field(text("dose").maxLength(100), &M::dose)
            .field(text("route").maxLength(40), &M::route)
            .field(text("frequency").maxLength(100), &M::frequency)
            .field(date("start_date"), &M::startDate)
            .field(date("end_date"), &M::endDate)
            .field(choice("status", {"active", "discontinued", "completed", "entered_in_error"}).required(), &M::status)
            .field(choice("source", {"prescribed", "reported"}).required(), &M::source)
            .field(reference("prescriber_id", "provider"), &M::prescriberId)
            .field(text("note").maxLength(kLongText), &M::note);
        return r;
    }();
    return row;
}

const RowBinding<Immunization>& immunizationRow()
{
    using I = Immunization;
    static const RowBinding<I> row = [] {
        RowBinding<I> r("immunization", &I::id);
        r.field(reference("patient_id", "patient").required(), &I::patientId)
            .field(text("cvx_code").required().maxLength(3), &I::cvxCode)
            .field(text("vaccine").required().maxLength(200), &I::vaccine)
            .field(date("administered_on").required(), &I::administeredOn)
            .field(text("lot_number").maxLength(40), &I::lotNumber)
            .field(choice("site", {"left_deltoid", "right_deltoid", "left_thigh", "right_thigh", "left_arm",
                                   "right_arm", "left_gluteal", "right_gluteal", "mouth", "nose", "other"}),
                   &I::site)
            .field(choice("route", {"im", "sc", "id", "po", "in", "other"}), &I::route)
            .field(text("manufacturer").maxLength(100), &I::manufacturer)
            .field(choice("status", {"completed", "not_done", "entered_in_error"}).required(), &I::status)
            .field(text("note").maxLength(kLongText), &I::note);
        return r;
    }();
    return row;
}

const RowBinding<LabResult>& labResultRow()
{
    using L = LabResult;
    static const RowBinding<L> row = [] {
        RowBinding<L> r("lab_result", &L::id);
        r.field(reference("patient_id", "patient").required(), &L::patientId)
            .field(reference("encounter_id", "encounter"), &L::encounterId)
            .field(text("loinc_code").maxLength(10), &L::loincCode)
            .field(text("name").required().maxLength(200), &L::name)
            .field(text("value").required().maxLength(kLongText), &L::value)
            .field(text("unit").maxLength(40), &L::unit)
            .field(text("reference_range").maxLength(100), &L::referenceRange)
            .field(choice("abnormal_flag", {"N", "L", "H", "LL", "HH", "A", "AA"}), &L::abnormalFlag)
            .field(choice("result_status", {"final", "preliminary", "corrected", "cancelled", "entered_in_error"})
                       .required(),
                   &L::resultStatus)
            .field(integer("collected_at_ms").required().min(0), &L::collectedAtMs)
            .field(text("accession").maxLength(100), &L::accession)
            .field(text("source").maxLength(200), &L::source)
            .field(text("message_id").maxLength(200), &L::messageId)
            .field(text("note").maxLength(kLongText), &L::note);
        return r;
    }();
    return row;
}

const RowBinding<NoteTemplate>& noteTemplateRow()
{
    using T = NoteTemplate;
    static const RowBinding<T> row = [] {
        RowBinding<T> r("note_template", &T::id);
        r.field(text("visit_type").required().maxLength(40), &T::visitType)
            .field(text("name").required().maxLength(100), &T::name)
            .field(text("subjective").notNull().maxLength(kNoteText), &T::subjective)
            .field(text("objective").notNull().maxLength(kNoteText), &T::objective)
            .field(text("assessment").notNull().maxLength(kNoteText), &T::assessment)
            .field(text("plan").notNull().maxLength(kNoteText), &T::plan)
            .field(flag("active"), &T::active);
        return r;
    }();
    return row;
}

void addChartRecordTypes(RecordTypes& types)
{
    RecordType encounter;
    encounter.name = encounterRow().table();
    encounter.create = encounter.edit = Permission::ClinicalWrite;
    encounter.fields = encounterRow().rules();
    // Front desk and billers see that a visit happened; what the patient came for is clinical text.
    encounter.readGuarded = {{"chief_complaint", Permission::ClinicalRead}};
    encounter.fixed = {"patient_id"};
    types.add(std::move(encounter));

    RecordType note = clinical(clinicalNoteRow().table(), clinicalNoteRow().rules());
    note.lock = LockRule{"signed_at"};
    note.sign = SignRule{"signed_at", "signed_by", "content_sha256", "author_id", noteContentFields()};
    note.fixed = {"encounter_id", "patient_id", "author_id", "kind", "addendum_to"};
    types.add(std::move(note));

    RecordType vitals = clinical(vitalSignsRow().table(), vitalSignsRow().rules());
    vitals.order = {{"diastolic", "systolic", false}};
    types.add(std::move(vitals));

    RecordType problem = clinical(problemRow().table(), problemRow().rules());
    problem.order = {{"onset_date", "resolved_date", true}};
    types.add(std::move(problem));

    types.add(clinical(allergyRow().table(), allergyRow().rules()));
    RecordType review = clinical(allergyReviewRow().table(), allergyReviewRow().rules());
    review.fixed = {"patient_id"};
    types.add(std::move(review));

    RecordType medication = clinical(medicationRow().table(), medicationRow().rules());
    medication.order = {{"start_date", "end_date", true}};
    types.add(std::move(medication));

    types.add(clinical(immunizationRow().table(), immunizationRow().rules()));
    types.add(clinical(labResultRow().table(), labResultRow().rules()));
    types.add(clinical(noteTemplateRow().table(), noteTemplateRow().rules()));
}

} // namespace practica::core

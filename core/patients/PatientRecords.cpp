// Patients, the merge trail, payers and insurance policies.
#include "core/patients/PatientRows.h"
#include "core/patients/PatientStore.h"
#include "core/records/FieldRules.h"

namespace practica::core {

const RowBinding<Patient>& patientRow()
{
    using F = TextFormat;
    static const RowBinding<Patient> row = [] {
        RowBinding<Patient> r("patient", &Patient::id);
        r.field(text("mrn").required(), &Patient::mrn)
            .field(text("family_name").required(), &Patient::familyName)
            .field(text("given_name").required(), &Patient::givenName)
            .field(text("middle_name"), &Patient::middleName)
            .field(text("suffix"), &Patient::suffix)
            .field(text("preferred_name"), &Patient::preferredName)
            .field(date("date_of_birth").required().past("1890-01-01"), &Patient::dateOfBirth)
            .field(choice("sex", {"female", "male", "other", "unknown"}).required(), &Patient::sex)
            .field(text("gender_identity"), &Patient::genderIdentity)
            .field(text("pronouns"), &Patient::pronouns)
            .field(text("address_line1"), &Patient::addressLine1)
            .field(text("address_line2"), &Patient::addressLine2)
            .field(text("city"), &Patient::city)
            .field(text("state").format(F::UsState), &Patient::state)
            .field(text("zip").format(F::Zip), &Patient::zip)
            .field(text("phone_home").format(F::Phone), &Patient::phoneHome)
            .field(text("phone_mobile").format(F::Phone), &Patient::phoneMobile)
            .field(text("phone_work").format(F::Phone), &Patient::phoneWork)
            .field(text("email").format(F::Email), &Patient::email)
            .field(text("preferred_language"), &Patient::preferredLanguage)
            .field(text("emergency_name"), &Patient::emergencyName)
            .field(text("emergency_relationship"), &Patient::emergencyRelationship)
            .field(text("emergency_phone").format(F::Phone), &Patient::emergencyPhone)
            .field(text("guarantor_name"), &Patient::guarantorName)
            .field(text("guarantor_relationship"), &Patient::guarantorRelationship)
            .field(text("guarantor_phone").format(F::Phone), &Patient::guarantorPhone)
            .field(
                choice("status", {"active", "inactive", "deceased", "merged"}).requiredWithDefault(),
                [](const Patient& p) { return std::optional<std::string>(patientStatusName(p.status)); },
                [](Patient& p, const Statement& s, int c) {
                    p.status = patientStatusFromName(s.text(c)).value_or(PatientStatus::Active);
                })
            .field(date("deceased_date").past("1890-01-01"), &Patient::deceasedDate)
            .field(reference("merged_into", "patient"), &Patient::mergedInto);
        return r;
    }();
    return row;
}

const RowBinding<PatientMerge>& patientMergeRow()
{
    static const RowBinding<PatientMerge> row = [] {
        RowBinding<PatientMerge> r("patient_merge", &PatientMerge::id);
        r.field(reference("survivor_id", "patient").required().namesMergedRecord(), &PatientMerge::survivorId)
            .field(reference("merged_id", "patient").required().namesMergedRecord(), &PatientMerge::mergedId)
            .field(integer("merged_at_ms").required().min(0), &PatientMerge::mergedAtMs)
            .field(text("merged_by").required(), &PatientMerge::mergedBy)
            .field(text("moved").required(), &PatientMerge::moved);
        return r;
    }();
    return row;
}

const std::vector<std::string>& claimFilingIndicators()
{
    static const std::vector<std::string> codes = {"11", "12", "13", "14", "15", "16", "17", "AM",
                                                   "BL", "CH", "CI", "DS", "FI", "HM", "LM", "MA",
                                                   "MB", "MC", "OF", "TV", "VA", "WC", "ZZ"};
    return codes;
}

const RowBinding<Payer>& payerRow()
{
    using F = TextFormat;
    static const RowBinding<Payer> row = [] {
        RowBinding<Payer> r("payer", &Payer::id);
        r.field(text("name").required(), &Payer::name)
            .field(text("payer_code").required(), &Payer::payerCode)
            .field(text("address_line1"), &Payer::addressLine1)
            .field(text("city"), &Payer::city)
            .field(text("state").format(F::UsState), &Payer::state)
            .field(text("zip").format(F::Zip), &Payer::zip)
            .field(text("phone").format(F::Phone), &Payer::phone)
            .field(choice("filing_indicator", claimFilingIndicators()).requiredWithDefault(), &Payer::filingIndicator)
            .field(integer("timely_filing_days").range(30, 3650), &Payer::timelyFilingDays)
            .field(flag("active"), &Payer::active);
        return r;
    }();
    return row;
}

const RowBinding<Coverage>& coverageRow()
{
    static const RowBinding<Coverage> row = [] {
        RowBinding<Coverage> r("coverage", &Coverage::id);
        r.field(reference("patient_id", "patient").required(), &Coverage::patientId)
            .field(reference("payer_id", "payer").required(), &Coverage::payerId)
            .field(choice("rank", {"primary", "secondary", "tertiary"}).required(), &Coverage::rank)
            .field(text("member_id").required(), &Coverage::memberId)
            .field(text("group_number"), &Coverage::groupNumber)
            .field(text("plan_name"), &Coverage::planName)
            .field(text("subscriber_name").required(), &Coverage::subscriberName)
            .field(date("subscriber_birth_date"), &Coverage::subscriberBirthDate)
            .field(choice("relationship", {"self", "spouse", "child", "other"}).required(), &Coverage::relationship)
            .field(date("effective_date").required(), &Coverage::effectiveDate)
            .field(date("end_date"), &Coverage::endDate)
            .field(
                choice("status", {"active", "inactive"}).requiredWithDefault(),
                [](const Coverage& c) { return std::optional<std::string>(c.active ? "active" : "inactive"); },
                [](Coverage& c, const Statement& s, int col) { c.active = s.text(col) == "active"; });
        return r;
    }();
    return row;
}

void addPatientRecordTypes(RecordTypes& types)
{
    using P = Permission;

    RecordType patient;
    patient.name = patientRow().table();
    patient.create = patient.edit = P::PatientWrite;
    patient.fields = patientRow().rules();
    patient.order = {{"date_of_birth", "deceased_date", true}};
    patient.guarded = {{"merged_into", P::PatientMerge, std::nullopt}, {"status", P::PatientMerge, "merged"}};
    patient.unique = {"mrn"};
    patient.merge = MergeRule{"merged_into"};
    patient.derivedColumns = {"search_name"};
    patient.derive = [](Session& session, const std::string& rowId, bool inserted) {
        return PatientStore(session).reindexAfterSync(rowId, inserted);
    };
    types.add(std::move(patient));

    RecordType merge;
    merge.name = patientMergeRow().table();
    merge.create = merge.edit = P::PatientMerge;
    merge.fields = patientMergeRow().rules();
    types.add(std::move(merge));

    RecordType payer;
    payer.name = payerRow().table();
    payer.create = payer.edit = P::PayerWrite;
    payer.fields = payerRow().rules();
    types.add(std::move(payer));

    RecordType coverage;
    coverage.name = coverageRow().table();
    coverage.create = coverage.edit = P::CoverageWrite;
    coverage.fields = coverageRow().rules();
    coverage.order = {{"effective_date", "end_date", true}};
    coverage.uniqueTogether = {{{"patient_id", "rank"}, "status", "active"}}; // one active primary, ...
    types.add(std::move(coverage));
}

} // namespace practica::core

// Patients, the merge trail, payers and insurance policies.
#include "core/patients/PatientStore.h"
#include "core/records/FieldRules.h"

namespace practica::core {

void addPatientRecordTypes(RecordTypes& types)
{
    using F = TextFormat;
    using P = Permission;

    RecordType patient;
    patient.name = "patient";
    patient.create = patient.edit = P::PatientWrite;
    patient.fields = {text("mrn").required(),
                      text("family_name").required(),
                      text("given_name").required(),
                      text("middle_name"),
                      text("suffix"),
                      text("preferred_name"),
                      date("date_of_birth").required().past("1890-01-01"),
                      choice("sex", {"female", "male", "other", "unknown"}).required(),
                      text("gender_identity"),
                      text("pronouns"),
                      text("address_line1"),
                      text("address_line2"),
                      text("city"),
                      text("state").format(F::UsState),
                      text("zip").format(F::Zip),
                      text("phone_home").format(F::Phone),
                      text("phone_mobile").format(F::Phone),
                      text("phone_work").format(F::Phone),
                      text("email").format(F::Email),
                      text("preferred_language"),
                      text("emergency_name"),
                      text("emergency_relationship"),
                      text("emergency_phone").format(F::Phone),
                      text("guarantor_name"),
                      text("guarantor_relationship"),
                      text("guarantor_phone").format(F::Phone),
                      choice("status", {"active", "inactive", "deceased", "merged"}).requiredWithDefault(),
                      date("deceased_date").past("1890-01-01"),
                      reference("merged_into", "patient")};
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
    merge.name = "patient_merge";
    merge.create = merge.edit = P::PatientMerge;
    merge.fields = {reference("survivor_id", "patient").required().namesMergedRecord(),
                    reference("merged_id", "patient").required().namesMergedRecord(),
                    integer("merged_at_ms").required().min(0), text("merged_by").required(), text("moved").required()};
    types.add(std::move(merge));

    RecordType payer;
    payer.name = "payer";
    payer.create = payer.edit = P::PayerWrite;
    payer.fields = {text("name").required(),
                    text("payer_code").required(),
                    text("address_line1"),
                    text("city"),
                    text("state").format(F::UsState),
                    text("zip").format(F::Zip),
                    text("phone").format(F::Phone),
                    flag("active")};
    types.add(std::move(payer));

    RecordType coverage;
    coverage.name = "coverage";
    coverage.create = coverage.edit = P::CoverageWrite;
    coverage.fields = {reference("patient_id", "patient").required(),
                       reference("payer_id", "payer").required(),
                       choice("rank", {"primary", "secondary", "tertiary"}).required(),
                       text("member_id").required(),
                       text("group_number"),
                       text("plan_name"),
                       text("subscriber_name").required(),
                       date("subscriber_birth_date"),
                       choice("relationship", {"self", "spouse", "child", "other"}).required(),
                       date("effective_date").required(),
                       date("end_date"),
                       choice("status", {"active", "inactive"}).requiredWithDefault()};
    coverage.order = {{"effective_date", "end_date", true}};
    types.add(std::move(coverage));
}

} // namespace practica::core

#include "JsonOutput.h"

#include <optional>
#include <string>

namespace practica::app {

namespace {

Poco::Dynamic::Var nullable(const std::optional<std::string>& value)
{
    if (!value)
        return {};
    return *value;
}

} // namespace

Poco::JSON::Object::Ptr newJsonObject()
{
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Poco::JSON::Object::Ptr patientJson(const core::Patient& p)
{
    auto o = newJsonObject();
    o->set("mrn", p.mrn);
    o->set("id", p.id);
    o->set("family_name", p.familyName);
    o->set("given_name", p.givenName);
    o->set("middle_name", nullable(p.middleName));
    o->set("suffix", nullable(p.suffix));
    o->set("preferred_name", nullable(p.preferredName));
    o->set("date_of_birth", p.dateOfBirth);
    o->set("sex", p.sex);
    o->set("gender_identity", nullable(p.genderIdentity));
    o->set("pronouns", nullable(p.pronouns));
    o->set("address_line1", nullable(p.addressLine1));
    o->set("address_line2", nullable(p.addressLine2));
    o->set("city", nullable(p.city));
    o->set("state", nullable(p.state));
    o->set("zip", nullable(p.zip));
    o->set("phone", nullable(p.phoneMobile ? p.phoneMobile : p.phoneHome ? p.phoneHome : p.phoneWork));
    o->set("phone_home", nullable(p.phoneHome));
    o->set("phone_mobile", nullable(p.phoneMobile));
    o->set("phone_work", nullable(p.phoneWork));
    o->set("email", nullable(p.email));
    o->set("preferred_language", nullable(p.preferredLanguage));
    o->set("emergency_name", nullable(p.emergencyName));
    o->set("emergency_relationship", nullable(p.emergencyRelationship));
    o->set("emergency_phone", nullable(p.emergencyPhone));
    o->set("guarantor_name", nullable(p.guarantorName));
    o->set("guarantor_relationship", nullable(p.guarantorRelationship));
    o->set("guarantor_phone", nullable(p.guarantorPhone));
    o->set("status", core::patientStatusName(p.status));
    o->set("deceased_date", nullable(p.deceasedDate));
    o->set("merged_into", nullable(p.mergedInto));
    return o;
}

Poco::JSON::Object::Ptr patientSummaryJson(const core::PatientSummary& p)
{
    auto o = newJsonObject();
    o->set("mrn", p.mrn);
    o->set("id", p.id);
    o->set("family_name", p.familyName);
    o->set("given_name", p.givenName);
    o->set("preferred_name", nullable(p.preferredName));
    o->set("date_of_birth", p.dateOfBirth);
    o->set("sex", p.sex);
    o->set("phone", nullable(p.phone));
    o->set("status", core::patientStatusName(p.status));
    return o;
}

Poco::JSON::Object::Ptr coverageJson(const core::Coverage& c)
{
    auto o = newJsonObject();
    o->set("id", c.id);
    o->set("rank", c.rank);
    o->set("payer_id", c.payerId);
    o->set("payer_name", c.payerName);
    o->set("plan_name", nullable(c.planName));
    o->set("member_id", c.memberId);
    o->set("group_number", nullable(c.groupNumber));
    o->set("subscriber_name", c.subscriberName);
    o->set("subscriber_birth_date", nullable(c.subscriberBirthDate));
    o->set("relationship", c.relationship);
    o->set("effective_date", c.effectiveDate);
    o->set("end_date", nullable(c.endDate));
    o->set("status", std::string(c.active ? "active" : "inactive"));
    return o;
}

Poco::JSON::Object::Ptr userJson(const core::User& u)
{
    auto o = newJsonObject();
    o->set("username", u.username);
    o->set("id", u.id);
    o->set("display_name", u.displayName);
    o->set("role", std::string(core::roleName(u.role)));
    o->set("active", u.active);
    o->set("can_unlock", u.hasKeySlot);
    return o;
}

} // namespace practica::app

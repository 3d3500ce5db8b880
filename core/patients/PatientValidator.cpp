#include "PatientValidator.h"

#include "core/util/Text.h"
#include "core/util/Validators.h"

#include <algorithm>
#include <functional>

namespace practica::core {

namespace {

using Check = std::function<Status()>;

void trimOptional(std::optional<std::string>& v)
{
    if (v) {
        *v = trimmed(*v);
        if (v->empty())
            v.reset();
    }
}

Status phoneRule(std::optional<std::string>& phone, const char* field)
{
    if (!phone)
        return {};
    auto normalized = normalizePhone(*phone);
    if (!normalized)
        return fail(ErrorCode::Validation, field, "not a 10-digit US phone number");
    *phone = *normalized;
    return {};
}

std::vector<Check> patientChecks(Patient& p, const std::string& today)
{
    return {
        [&] {
            if (p.familyName.empty())
                return Status(fail(ErrorCode::Validation, "family_name", "required"));
            if (p.familyName.size() > 100 || !isValidUtf8(p.familyName))
                return Status(fail(ErrorCode::Validation, "family_name", "too long or not valid text"));
            return Status();
        },
        [&] {
            if (p.givenName.empty())
                return Status(fail(ErrorCode::Validation, "given_name", "required"));
            if (p.givenName.size() > 100 || !isValidUtf8(p.givenName))
                return Status(fail(ErrorCode::Validation, "given_name", "too long or not valid text"));
            return Status();
        },
        [&] {
            if (p.dateOfBirth.empty())
                return Status(fail(ErrorCode::Validation, "date_of_birth", "required"));
            auto iso = parseDate(p.dateOfBirth);
            if (!iso)
                return Status(fail(ErrorCode::Validation, "date_of_birth", "not a date (YYYY-MM-DD or MM/DD/YYYY)"));
            p.dateOfBirth = *iso;
            if (p.dateOfBirth > today)
                return Status(fail(ErrorCode::Validation, "date_of_birth", "in the future"));
            if (p.dateOfBirth < "1890-01-01")
                return Status(fail(ErrorCode::Validation, "date_of_birth", "before 1890"));
            return Status();
        },
        [&] {
            static const char* kSexes[] = {"female", "male", "other", "unknown"};
            if (std::none_of(std::begin(kSexes), std::end(kSexes), [&](const char* s) { return p.sex == s; }))
                return Status(fail(ErrorCode::Validation, "sex", "female, male, other or unknown"));
            return Status();
        },
        [&] {
            if (p.state) {
                std::transform(p.state->begin(), p.state->end(), p.state->begin(),
                               [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
                if (!isUsState(*p.state))
                    return Status(fail(ErrorCode::Validation, "state", "not a US state code"));
            }
            return Status();
        },
        [&] {
            if (p.zip && !isZip(*p.zip))
                return Status(fail(ErrorCode::Validation, "zip", "not a ZIP code (12345 or 12345-6789)"));
            return Status();
        },
        [&] { return phoneRule(p.phoneHome, "phone_home"); },
        [&] { return phoneRule(p.phoneMobile, "phone_mobile"); },
        [&] { return phoneRule(p.phoneWork, "phone_work"); },
        [&] { return phoneRule(p.emergencyPhone, "emergency_phone"); },
        [&] { return phoneRule(p.guarantorPhone, "guarantor_phone"); },
        [&] {
            if (p.email && !isEmail(*p.email))
                return Status(fail(ErrorCode::Validation, "email", "not an e-mail address"));
            return Status();
        },
        [&] {
            if (p.status == PatientStatus::Deceased) {
                if (!p.deceasedDate)
                    return Status(fail(ErrorCode::Validation, "deceased_date", "required for a deceased patient"));
                auto iso = parseDate(*p.deceasedDate);
                if (!iso || *iso > today || *iso < p.dateOfBirth)
                    return Status(
                        fail(ErrorCode::Validation, "deceased_date", "a date between the date of birth and today"));
                p.deceasedDate = *iso;
            } else if (p.deceasedDate) {
                return Status(fail(ErrorCode::Validation, "deceased_date", "only for a deceased patient"));
            }
            return Status();
        },
        [&] {
            if (p.emergencyName.has_value() != p.emergencyPhone.has_value())
                return Status(fail(ErrorCode::Validation, p.emergencyName ? "emergency_phone" : "emergency_name",
                                   "an emergency contact needs a name and a phone"));
            return Status();
        },
    };
}

void normalizeText(Patient& p)
{
    p.familyName = trimmed(p.familyName);
    p.givenName = trimmed(p.givenName);
    p.dateOfBirth = trimmed(p.dateOfBirth);
    for (auto* v : {&p.middleName,
                    &p.suffix,
                    &p.preferredName,
                    &p.genderIdentity,
                    &p.pronouns,
                    &p.addressLine1,
                    &p.addressLine2,
                    &p.city,
                    &p.state,
                    &p.zip,
                    &p.phoneHome,
                    &p.phoneMobile,
                    &p.phoneWork,
                    &p.email,
                    &p.preferredLanguage,
                    &p.emergencyName,
                    &p.emergencyRelationship,
                    &p.emergencyPhone,
                    &p.guarantorName,
                    &p.guarantorRelationship,
                    &p.guarantorPhone,
                    &p.deceasedDate})
        trimOptional(*v);
}

} // namespace

Status PatientValidator::normalizeAndValidate(Patient& p, const std::string& today)
{
    normalizeText(p);
    for (const Check& check : patientChecks(p, today))
        if (Status s = check(); !s)
            return s;
    return {};
}

std::vector<Error> PatientValidator::allProblems(Patient p, const std::string& today)
{
    normalizeText(p);
    std::vector<Error> problems;
    for (const Check& check : patientChecks(p, today))
        if (Status s = check(); !s)
            problems.push_back(s.error());
    return problems;
}

Status PatientValidator::normalizeAndValidate(Coverage& c)
{
    c.memberId = trimmed(c.memberId);
    c.subscriberName = trimmed(c.subscriberName);
    trimOptional(c.groupNumber);
    trimOptional(c.planName);
    trimOptional(c.endDate);
    trimOptional(c.subscriberBirthDate);
    if (c.payerId.empty())
        return fail(ErrorCode::Validation, "payer_id", "required");
    if (c.rank != "primary" && c.rank != "secondary" && c.rank != "tertiary")
        return fail(ErrorCode::Validation, "rank", "primary, secondary or tertiary");
    if (c.memberId.empty() || c.memberId.size() > 80)
        return fail(ErrorCode::Validation, "member_id", "required, at most 80 characters");
    if (c.subscriberName.empty())
        return fail(ErrorCode::Validation, "subscriber_name", "required");
    if (c.relationship != "self" && c.relationship != "spouse" && c.relationship != "child" &&
        c.relationship != "other")
        return fail(ErrorCode::Validation, "relationship", "self, spouse, child or other");
    auto effective = parseDate(c.effectiveDate);
    if (!effective)
        return fail(ErrorCode::Validation, "effective_date", "not a date");
    c.effectiveDate = *effective;
    if (c.endDate) {
        auto end = parseDate(*c.endDate);
        if (!end)
            return fail(ErrorCode::Validation, "end_date", "not a date");
        if (*end < c.effectiveDate)
            return fail(ErrorCode::Validation, "end_date", "before the effective date");
        c.endDate = *end;
    }
    if (c.subscriberBirthDate) {
        auto dob = parseDate(*c.subscriberBirthDate);
        if (!dob)
            return fail(ErrorCode::Validation, "subscriber_birth_date", "not a date");
        c.subscriberBirthDate = *dob;
    }
    return {};
}

Status PatientValidator::normalizeAndValidate(Payer& p)
{
    p.name = trimmed(p.name);
    p.payerCode = trimmed(p.payerCode);
    trimOptional(p.addressLine1);
    trimOptional(p.city);
    trimOptional(p.state);
    trimOptional(p.zip);
    trimOptional(p.phone);
    if (p.name.empty())
        return fail(ErrorCode::Validation, "name", "required");
    if (p.payerCode.empty() || p.payerCode.size() > 80)
        return fail(ErrorCode::Validation, "payer_code", "required, at most 80 characters");
    if (p.state && !isUsState(*p.state))
        return fail(ErrorCode::Validation, "state", "not a US state code");
    if (p.zip && !isZip(*p.zip))
        return fail(ErrorCode::Validation, "zip", "not a ZIP code");
    if (p.phone) {
        auto d = normalizePhone(*p.phone);
        if (!d)
            return fail(ErrorCode::Validation, "phone", "not a 10-digit US phone number");
        p.phone = *d;
    }
    return {};
}

} // namespace practica::core

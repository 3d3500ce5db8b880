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
        return fail(ErrorCode::Validation, field, Rule::Format, {{"format", "phone"}});
    *phone = *normalized;
    return {};
}

std::vector<Check> patientChecks(Patient& p, const std::string& today)
{
    return {
        [&] {
            if (p.familyName.empty())
                return Status(fail(ErrorCode::Validation, "family_name", Rule::Required));
            if (p.familyName.size() > 100 || !isValidUtf8(p.familyName))
                return Status(fail(ErrorCode::Validation, "family_name", Rule::Text, {{"max_length", "100"}}));
            return Status();
        },
        [&] {
            if (p.givenName.empty())
                return Status(fail(ErrorCode::Validation, "given_name", Rule::Required));
            if (p.givenName.size() > 100 || !isValidUtf8(p.givenName))
                return Status(fail(ErrorCode::Validation, "given_name", Rule::Text, {{"max_length", "100"}}));
            return Status();
        },
        [&] {
            if (p.dateOfBirth.empty())
                return Status(fail(ErrorCode::Validation, "date_of_birth", Rule::Required));
            auto iso = parseDate(p.dateOfBirth);
            if (!iso)
                return Status(fail(ErrorCode::Validation, "date_of_birth", Rule::NotDate));
            p.dateOfBirth = *iso;
            if (p.dateOfBirth > today)
                return Status(fail(ErrorCode::Validation, "date_of_birth", Rule::FutureDate));
            if (p.dateOfBirth < "1890-01-01")
                return Status(fail(ErrorCode::Validation, "date_of_birth", Rule::TooEarly, {{"min", "1890-01-01"}}));
            return Status();
        },
        [&] {
            static const char* kSexes[] = {"female", "male", "other", "unknown"};
            if (std::none_of(std::begin(kSexes), std::end(kSexes), [&](const char* s) { return p.sex == s; }))
                return Status(
                    fail(ErrorCode::Validation, "sex", Rule::Choice, {{"allowed", "female,male,other,unknown"}}));
            return Status();
        },
        [&] {
            if (p.state) {
                std::transform(p.state->begin(), p.state->end(), p.state->begin(),
                               [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
                if (!isUsState(*p.state))
                    return Status(fail(ErrorCode::Validation, "state", Rule::Format, {{"format", "us_state"}}));
            }
            return Status();
        },
        [&] {
            if (p.zip && !isZip(*p.zip))
                return Status(fail(ErrorCode::Validation, "zip", Rule::Format, {{"format", "zip"}}));
            return Status();
        },
        [&] { return phoneRule(p.phoneHome, "phone_home"); },
        [&] { return phoneRule(p.phoneMobile, "phone_mobile"); },
        [&] { return phoneRule(p.phoneWork, "phone_work"); },
        [&] { return phoneRule(p.emergencyPhone, "emergency_phone"); },
        [&] { return phoneRule(p.guarantorPhone, "guarantor_phone"); },
        [&] {
            if (p.email && !isEmail(*p.email))
                return Status(fail(ErrorCode::Validation, "email", Rule::Format, {{"format", "email"}}));
            return Status();
        },
        [&] {
            if (p.status == PatientStatus::Deceased) {
                if (!p.deceasedDate)
                    return Status(fail(ErrorCode::Validation, "deceased_date", Rule::RequiredWhen,
                                       {{"when_field", "status"}, {"when_value", "deceased"}}));
                auto iso = parseDate(*p.deceasedDate);
                if (!iso)
                    return Status(fail(ErrorCode::Validation, "deceased_date", Rule::NotDate));
                if (*iso > today)
                    return Status(fail(ErrorCode::Validation, "deceased_date", Rule::FutureDate));
                if (*iso < p.dateOfBirth)
                    return Status(fail(ErrorCode::Validation, "deceased_date", Rule::Order,
                                       {{"after", "date_of_birth"}, {"or_equal", "1"}}));
                p.deceasedDate = *iso;
            } else if (p.deceasedDate) {
                return Status(fail(ErrorCode::Validation, "deceased_date", Rule::OnlyWhen,
                                   {{"when_field", "status"}, {"when_value", "deceased"}}));
            }
            return Status();
        },
        [&] {
            if (p.emergencyName.has_value() != p.emergencyPhone.has_value())
                return Status(fail(ErrorCode::Validation, p.emergencyName ? "emergency_phone" : "emergency_name",
                                   Rule::RequiredTogether,
                                   {{"with", p.emergencyName ? "emergency_name" : "emergency_phone"}}));
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
        return fail(ErrorCode::Validation, "payer_id", Rule::Required);
    if (c.rank != "primary" && c.rank != "secondary" && c.rank != "tertiary")
        return fail(ErrorCode::Validation, "rank", Rule::Choice, {{"allowed", "primary,secondary,tertiary"}});
    if (c.memberId.empty() || c.memberId.size() > 80)
        return fail(ErrorCode::Validation, "member_id", c.memberId.empty() ? Rule::Required : Rule::Text,
                    {{"max_length", "80"}});
    if (c.subscriberName.empty())
        return fail(ErrorCode::Validation, "subscriber_name", Rule::Required);
    if (c.relationship != "self" && c.relationship != "spouse" && c.relationship != "child" &&
        c.relationship != "other")
        return fail(ErrorCode::Validation, "relationship", Rule::Choice, {{"allowed", "self,spouse,child,other"}});
    auto effective = parseDate(c.effectiveDate);
    if (!effective)
        return fail(ErrorCode::Validation, "effective_date", Rule::NotDate);
    c.effectiveDate = *effective;
    if (c.endDate) {
        auto end = parseDate(*c.endDate);
        if (!end)
            return fail(ErrorCode::Validation, "end_date", Rule::NotDate);
        if (*end < c.effectiveDate)
            return fail(ErrorCode::Validation, "end_date", Rule::Order,
                        {{"after", "effective_date"}, {"or_equal", "1"}});
        c.endDate = *end;
    }
    if (c.subscriberBirthDate) {
        auto dob = parseDate(*c.subscriberBirthDate);
        if (!dob)
            return fail(ErrorCode::Validation, "subscriber_birth_date", Rule::NotDate);
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
        return fail(ErrorCode::Validation, "name", Rule::Required);
    if (p.payerCode.empty() || p.payerCode.size() > 80)
        return fail(ErrorCode::Validation, "payer_code", p.payerCode.empty() ? Rule::Required : Rule::Text,
                    {{"max_length", "80"}});
    if (p.state && !isUsState(*p.state))
        return fail(ErrorCode::Validation, "state", Rule::Format, {{"format", "us_state"}});
    if (p.zip && !isZip(*p.zip))
        return fail(ErrorCode::Validation, "zip", Rule::Format, {{"format", "zip"}});
    if (p.phone) {
        auto d = normalizePhone(*p.phone);
        if (!d)
            return fail(ErrorCode::Validation, "phone", Rule::Format, {{"format", "phone"}});
        p.phone = *d;
    }
    return {};
}

} // namespace practica::core

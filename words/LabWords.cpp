#include "LabWords.h"

#include "RuleWords.h"

namespace practica::words {

namespace {

std::string param(const std::map<std::string, std::string>& p, const std::string& name)
{
    auto it = p.find(name);
    return it == p.end() ? std::string() : it->second;
}

// "Nguyen, Minh born 1979-12-31" from what the message said.
std::string sentPatient(const std::map<std::string, std::string>& p)
{
    std::string who = param(p, "family_name");
    if (!param(p, "given_name").empty())
        who += (who.empty() ? "" : ", ") + param(p, "given_name");
    if (who.empty())
        who = "a patient without a name";
    if (!param(p, "birth_date").empty())
        who += " born " + param(p, "birth_date");
    return who;
}

// " (OBX 4, line 12, field 5: "abc")"
std::string where(const std::map<std::string, std::string>& p)
{
    std::string at;
    if (!param(p, "segment").empty())
        at += param(p, "segment") + (param(p, "segment_index").empty() ? "" : " " + param(p, "segment_index"));
    if (!param(p, "line").empty())
        at += (at.empty() ? "" : ", ") + std::string("line ") + param(p, "line");
    if (!param(p, "field").empty())
        at += (at.empty() ? "" : ", ") + std::string("field ") + param(p, "field");
    if (!param(p, "value").empty())
        at += (at.empty() ? "" : ": ") + std::string("\"") + param(p, "value") + "\"";
    return at.empty() ? "" : " (" + at + ")";
}

} // namespace

std::string heldLabSentence(const std::string& reason, const std::map<std::string, std::string>& p)
{
    static const std::map<std::string, std::string> kProblems = {
        {"empty_file", "the file is empty"},
        {"not_hl7", "the text is not HL7 v2"},
        {"bad_header", "the message header (MSH) is unusable"},
        {"missing_segment", "a required segment is missing"},
        {"wrong_message_type", "the message is not a lab result (ORU^R01)"},
        {"unsupported_version", "the HL7 version is not one Practica reads (2.3 to 2.5.1)"},
        {"bad_segment", "a line is not an HL7 segment"},
        {"out_of_order", "a result (OBX) comes before its order (OBR)"},
        {"several_patients", "the message names more than one patient"},
        {"bad_field", "a required field is empty or its value does not fit its type"},
        {"bad_timestamp", "a date or time is not valid"},
        {"truncated", "the file ends in the middle of the message"},
        {"no_observations", "the message holds no results (OBX)"}};
    if (auto it = kProblems.find(reason); it != kProblems.end())
        return it->second + where(p);
    if (reason == "unmatched_patient")
        return "no patient here matches " + sentPatient(p) +
               (param(p, "mrn").empty() ? "" : " or MRN " + param(p, "mrn"));
    if (reason == "ambiguous_patient")
        return param(p, "count") + " patients match " + sentPatient(p) + "; choose one";
    if (reason == "patient_mismatch")
        return "MRN " + param(p, "mrn") + " belongs to a patient with another name or birth date than " +
               sentPatient(p);
    if (reason == "invalid_result")
        return "a result breaks a rule: " + ruleSentence(param(p, "field"), param(p, "rule"), p);
    return "held (" + reason + ")";
}

} // namespace practica::words

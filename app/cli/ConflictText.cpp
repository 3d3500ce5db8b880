#include "ConflictText.h"

#include "words/RuleWords.h"

#include <charconv>

namespace practica::app {

namespace {

std::string param(const std::map<std::string, std::string>& params, const std::string& name)
{
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

std::string param(const core::SyncConflict& c, const std::string& name)
{
    return param(c.params, name);
}

std::int64_t number(const std::string& text)
{
    std::int64_t v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

std::string minutesText(std::int64_t ms)
{
    const std::int64_t minutes = (ms + 59'999) / 60'000;
    if (minutes < 120)
        return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
    const std::int64_t hours = (minutes + 59) / 60;
    if (hours < 48)
        return std::to_string(hours) + " hours";
    return std::to_string((hours + 23) / 24) + " days";
}

std::string permissionDenied(const core::SyncConflict& c)
{
    const std::string record = words::fieldWords(param(c, "record_type").empty() ? c.entity : param(c, "record_type"));
    const std::string field = param(c, "field");
    const std::string op = param(c, "operation");
    if (param(c, "owner_only") == "1")
        return "only the user a " + record +
               " record belongs to may set it up or change it; an admin may only remove it. Take the server's "
               "version (--discard) to drop the change";
    if (param(c, "own_record") == "1")
        return "nobody may change the " + field +
               " of their own user account; another admin must do it. Take the "
               "server's version (--discard) to drop the change";
    if (param(c, "permission").empty() && op == "delete")
        return record + " records are never deleted (make them inactive instead); take the server's version "
                        "(--discard) to drop the change";
    std::string what = op == "create"   ? "create " + record + " records"
                       : op == "delete" ? "delete " + record + " records"
                                        : "change " + record + " records";
    if (!field.empty())
        what = "set the " + field + " of " + record + " records";
    std::string text = "the " + param(c, "role") + " role may not " + what;
    if (!param(c, "permission").empty())
        text += " (it needs the " + param(c, "permission") + " permission)";
    return text + "; take the server's version (--discard) to drop the change";
}

} // namespace

std::string ruleSentence(const std::map<std::string, std::string>& params)
{
    return words::ruleSentence(param(params, "field"), param(params, "rule"), params);
}

std::string parkedSentence(const core::ParkedChange& p)
{
    const std::string record =
        words::fieldWords(param(p.params, "record_type").empty() ? p.entity : param(p.params, "record_type"));
    if (p.code == "unknown_record_type")
        return "this version of Practica does not know " + record +
               " records; update Practica on this workstation and the change is merged at the next sync";
    if (p.code == "unknown_field")
        return "this version of Practica does not know the " + param(p.params, "field") + " of " + record +
               " records; update Practica on this workstation";
    if (p.code == "invalid_field")
        return ruleSentence(p.params) + "; the server accepted it without checking (an older server), so correct the " +
               record + " on any workstation";
    if (p.code == "refused_by_database") {
        const std::string constraint = param(p.params, "constraint");
        if (constraint == "foreign_key")
            return "the " + record +
                   " refers to a record this workstation does not have yet; it is tried again "
                   "at every sync";
        if (constraint == "unique")
            return "the " + record +
                   " would duplicate one this workstation already has; it is tried again at "
                   "every sync";
        return "this workstation's database refused the " + record + " (" + constraint +
               "); it is tried again at every sync";
    }
    return "parked (" + p.code + ")";
}

std::string conflictSentence(const core::SyncConflict& c)
{
    if (c.params.empty() && !c.reason.empty() && c.code != "unknown_row")
        return c.reason; // an older server: its words are all there is
    if (c.code == "permission_denied")
        return permissionDenied(c);
    if (c.code == "clock_skew")
        return "this workstation's clock is " + minutesText(number(param(c, "ahead_ms"))) +
               " ahead of the server's; set the correct date and time, then send the change again (--retry)";
    if (c.code == "impossible_stamp")
        return std::string("the change is dated before the ") +
               (param(c, "before") == "clinic" ? "clinic existed" : "record was created") +
               "; this workstation's clock was wrong when it was made. Take the server's version (--discard)";
    if (c.code == "unknown_record_type")
        return "the server does not know " + words::fieldWords(param(c, "record_type")) +
               " records; update practica-server, then send the change again (--retry)";
    if (c.code == "double_booking")
        return "the " + param(c, "resource") + " is already booked at that time by appointment " +
               param(c, "other_appointment") +
               "; pick another time (then --retry) or keep the other booking "
               "(--discard)";
    if (c.code == "unique" && !param(c, "within").empty())
        return "another " + words::fieldWords(param(c, "record_type")) + " with the same " +
               words::fieldWords(param(c, "within")) + " already has the " + param(c, "field") + " " +
               param(c, "value") + "; change it and send again (--retry), or --discard";
    if (c.code == "unique")
        return "the " + param(c, "field") + " " + param(c, "value") + " is already used by another " +
               words::fieldWords(param(c, "record_type")) + "; change it and send again (--retry), or --discard";
    if (c.code == "locked_record")
        return "the " + words::fieldWords(param(c, "record_type")) + " was locked (" + param(c, "field") +
               " is set) before this change arrived; take the server's version (--discard)";
    if (c.code == "unknown_row")
        return "the server does not have this " + words::fieldWords(c.entity) +
               "; send it again to add it (--retry) or drop the change (--discard)";
    if (c.code == "invalid_field")
        return "the server refused it: " + ruleSentence(c.params) + "; correct the " + words::fieldWords(c.entity) +
               " and send it again (--retry), or take the server's version (--discard)";
    if (c.code == "invalid_change")
        return "the change is malformed (" + param(c, "field") + "); take the server's version (--discard)";
    return c.reason.empty() ? "refused by the server (" + c.code + ")" : c.reason;
}

} // namespace practica::app

// The clinic's words for a broken field rule (from a refused change's or a parked change's params) and
// for why a pulled change was parked: "The date of birth must not be in the future."
#pragma once

#include "core/sync/Replica.h"

#include <QCoreApplication>
#include <QString>
#include <map>
#include <string>

namespace practica::app {

class RuleText
{
    Q_DECLARE_TR_FUNCTIONS(RuleText)

public:
    // A sentence for params holding record_type, field, rule and the rule's own particulars.
    static QString rule(const std::map<std::string, std::string>& params);
    // "date of birth" for date_of_birth: the common fields by name, the rest from their column names.
    static QString fieldName(const std::string& field);
    // "a ZIP code (12345 or 12345-6789)" for zip: what a value of that text format looks like.
    static QString format(const std::string& format);
    // Why the change was parked, and what to do.
    static QString parked(const core::ParkedChange& parked);
};

} // namespace practica::app

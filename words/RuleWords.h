// The command lines' English for a broken rule (core's Rule names, the server's field rules): "the date
// of birth must not be in the future". Shared by error messages and the sync conflict and parked lists.
#pragma once

#include <map>
#include <string>

namespace practica::words {

// A clause without a capital or full stop, for the field, the rule's name and its particulars
// (record_type, when present, names the record). Unknown rules still make a clause.
std::string ruleSentence(const std::string& field, const std::string& rule,
                         const std::map<std::string, std::string>& params);

// "date_of_birth" -> "date of birth"
std::string fieldWords(std::string name);

} // namespace practica::words

// The command lines' English for why a lab message was held (core/chart/LabImport.h): the HL7 reader's
// problem codes and the patient-matching reasons, with their particulars.
#pragma once

#include <map>
#include <string>

namespace practica::words {

// A clause without a capital or full stop: "no patient has MRN RB000123 or that name and birth date".
std::string heldLabSentence(const std::string& reason, const std::map<std::string, std::string>& params);

} // namespace practica::words

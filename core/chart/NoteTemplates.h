// Note templates per visit type: the built-in ones, replaced by a clinic's own (note_template records),
// and the fields a template inserts when a note is started ({{age}}, {{sex}}, {{vitals}}, {{problems}},
// {{allergies}}, {{medications}}).
#pragma once

#include "core/model/Chart.h"

#include <map>
#include <string>
#include <vector>

namespace practica::core {

// The visit types with a built-in template: office, new_patient, follow_up, annual_physical,
// acute, telehealth, procedure.
const std::vector<NoteTemplate>& builtInNoteTemplates();

// The template text with each {{field}} replaced by its value; an unknown field stays as written.
std::string fillTemplate(const std::string& text, const std::map<std::string, std::string>& values);

} // namespace practica::core

// Note templates per visit type: the built-in ones, replaced by a clinic's own (note_template records),
// and the fields a template inserts when a note is started ({{age}}, {{sex}}, {{vitals}}, {{problems}},
// {{allergies}}, {{medications}}).
#pragma once

#include "core/Error.h"
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

class Session;

// The clinic's own templates, edited by clinicians: one per visit type replaces the built-in one on every
// workstation (a synced record).
class NoteTemplateStore
{
public:
    explicit NoteTemplateStore(Session& session) : m_session(session) {}
    // The template each visit type uses now: the clinic's own where there is one (its id set), else the
    // built-in one (id empty), in the built-in order.
    Result<std::vector<NoteTemplate>> effective();
    // Saves a visit type's template as the clinic's own: creates it when the visit type has none yet.
    Result<NoteTemplate> save(NoteTemplate noteTemplate);

private:
    Session& m_session;
};

} // namespace practica::core

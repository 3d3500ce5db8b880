#include "NoteTemplates.h"

#include "core/auth/Session.h"
#include "core/records/RecordIo.h"
#include "core/chart/ChartRows.h"
#include "core/db/Transaction.h"

#include <algorithm>

namespace practica::core {

const std::vector<NoteTemplate>& builtInNoteTemplates()
{
    static const std::vector<NoteTemplate> templates = [] {
        const std::string vitals = "Vitals: {{vitals}}\n";
        const std::string context = "{{age}}-year-old {{sex}}.\nActive problems: {{problems}}\n"
                                    "Medications: {{medications}}\nAllergies: {{allergies}}\n";
        std::vector<NoteTemplate> t;
        const auto add = [&](std::string key, std::string name, std::string s, std::string o, std::string a,
                             std::string p) {
            t.push_back(
                {"", std::move(key), std::move(name), std::move(s), std::move(o), std::move(a), std::move(p), true});
        };
        add("office", "Office visit", context + "Chief complaint: \nHPI: \n", vitals + "Exam: \n", "", "");
        add("new_patient", "New patient",
            context + "Chief complaint: \nHPI: \nPast history: \nFamily history: \n"
                      "Social history: \nReview of systems: \n",
            vitals + "General: \nHEENT: \nHeart: \nLungs: \nAbdomen: \nExtremities: \n", "", "");
        add("follow_up", "Follow-up", context + "Since last visit: \n", vitals + "Exam: \n", "Problems reviewed: \n",
            "Continue: \nChange: \nFollow up in: \n");
        add("annual_physical", "Annual physical", context + "Concerns today: \nScreening history: \n",
            vitals + "General: \nHEENT: \nHeart: \nLungs: \nAbdomen: \nSkin: \nNeuro: \n", "Health maintenance: \n",
            "Screening ordered: \nImmunizations: \nCounselling: \n");
        add("acute", "Acute visit", context + "Chief complaint: \nOnset: \nSeverity: \n", vitals + "Focused exam: \n",
            "", "Return if: \n");
        add("telehealth", "Telehealth visit", context + "Visit by video or phone; patient location: \n", "Observed: \n",
            "", "");
        add("procedure", "Procedure", context + "Indication: \nConsent: \n", vitals + "Procedure: \nFindings: \n", "",
            "Aftercare: \n");
        return t;
    }();
    return templates;
}

std::string fillTemplate(const std::string& text, const std::map<std::string, std::string>& values)
{
    std::string out;
    std::size_t at = 0;
    while (true) {
        const std::size_t open = text.find("{{", at);
        if (open == std::string::npos)
            break;
        const std::size_t close = text.find("}}", open + 2);
        if (close == std::string::npos)
            break;
        out.append(text, at, open - at);
        auto value = values.find(text.substr(open + 2, close - open - 2));
        out.append(value == values.end() ? text.substr(open, close + 2 - open) : value->second);
        at = close + 2;
    }
    out.append(text, at, std::string::npos);
    return out;
}

Result<std::vector<NoteTemplate>> NoteTemplateStore::effective()
{
    if (Status perm = m_session.require(Permission::ClinicalRead); !perm)
        return std::unexpected(perm.error());
    auto own = records::listRecords(m_session, noteTemplateRow(), "active = ?", "1", "visit_type, id");
    if (!own)
        return std::unexpected(own.error());
    std::vector<NoteTemplate> out;
    for (const NoteTemplate& builtIn : builtInNoteTemplates()) {
        auto mine = std::find_if(own->begin(), own->end(),
                                 [&](const NoteTemplate& t) { return t.visitType == builtIn.visitType; });
        out.push_back(mine == own->end() ? builtIn : *mine);
    }
    return out;
}

Result<NoteTemplate> NoteTemplateStore::save(NoteTemplate t)
{
    if (Status perm = m_session.require(Permission::ClinicalWrite); !perm)
        return std::unexpected(perm.error());
    Transaction tx(m_session.db());
    if (!tx.begun())
        return std::unexpected(tx.begun().error());
    auto own = records::listRecords(m_session, noteTemplateRow(), "visit_type = ?", t.visitType, "id");
    if (!own)
        return std::unexpected(own.error());
    std::optional<NoteTemplate> before;
    if (!own->empty())
        before = own->front();
    t.id = before ? before->id : m_session.newId();
    t.active = true;
    if (Status s = records::writeRecord(m_session, noteTemplateRow(), t.id, t, before); !s)
        return std::unexpected(s.error());
    if (Status s = tx.commit(); !s)
        return std::unexpected(s.error());
    return t;
}

} // namespace practica::core

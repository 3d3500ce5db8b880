#include "CodeSets.h"

#include "core/codes/EmbeddedCodeSets.h"
#include "core/util/Csv.h"
#include "core/util/Text.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <tuple>
#include <unordered_map>

namespace practica::core {

struct CodeSet::Data
{
    CodeSystem system = CodeSystem::Icd10Cm;
    std::vector<CodeEntry> entries;
    std::unordered_map<std::string, std::uint32_t> byKey; // codeKey() -> entry

    // Built on the first search: most processes only look codes up, or never touch a set at all.
    std::once_flag indexOnce;
    std::vector<std::pair<std::string, std::uint32_t>> words; // folded description words, sorted
    std::vector<std::pair<std::string, std::uint32_t>> keys;  // codeKey()s, sorted

    void buildIndex();
};

namespace {

// Codes compare without case and without the ICD-10-CM dot, so "e119", "E11.9" and "E119" are one key.
std::string codeKey(std::string_view code)
{
    std::string key;
    for (char c : code) {
        if (c == '.' || c == ' ' || c == '\t')
            continue;
        key += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return key;
}

bool isUpperAlnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

constexpr std::string_view kCptUri = "http://www.ama-assn.org/go/cpt";
constexpr std::string_view kHcpcsUri = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";

bool isProcedureKind(std::string_view kind)
{
    return kind == "em" || kind == "procedure" || kind == "lab" || kind == "vaccine" || kind == "hcpcs";
}

const char* fileName(CodeSystem system)
{
    switch (system) {
    case CodeSystem::Icd10Cm:
        return "icd10cm.csv";
    case CodeSystem::Cvx:
        return "cvx.csv";
    case CodeSystem::Loinc:
        return "loinc_vitals_labs.csv";
    case CodeSystem::Procedure:
        return "procedures.csv";
    case CodeSystem::Modifier:
        return "modifiers.csv";
    case CodeSystem::PlaceOfService:
        return "place_of_service.csv";
    }
    return "";
}

std::vector<std::string> expectedHeader(CodeSystem system)
{
    switch (system) {
    case CodeSystem::Icd10Cm:
        return {"code", "billable", "description"};
    case CodeSystem::Cvx:
        return {"code", "description", "status"};
    case CodeSystem::Loinc:
        return {"code", "kind", "description", "unit"};
    case CodeSystem::Procedure:
        return {"code", "kind", "description"};
    case CodeSystem::Modifier:
    case CodeSystem::PlaceOfService:
        return {"code", "description"};
    }
    return {};
}

std::unexpected<Error> badRow(std::size_t row, const std::string& column, Rule rule, ErrorParams params = {})
{
    params["row"] = std::to_string(row);
    return fail(ErrorCode::Validation, column, rule, std::move(params));
}

// One CSV row as an entry; row is 1-based, the header being row 1.
Result<CodeEntry> entryFromRow(CodeSystem system, const CsvRow& r, std::size_t row)
{
    CodeEntry e;
    e.code = r[0];
    switch (system) {
    case CodeSystem::Icd10Cm:
        if (!isIcd10CmFormat(e.code))
            return badRow(row, "code", Rule::Format, {{"format", "icd10cm"}});
        if (r[1] != "0" && r[1] != "1")
            return badRow(row, "billable", Rule::NotFlag);
        e.billable = r[1] == "1";
        e.description = r[2];
        break;
    case CodeSystem::Cvx:
        e.description = r[1];
        e.status = r[2];
        if (e.status != "active" && e.status != "inactive" && e.status != "never_active" && e.status != "non_us")
            return badRow(row, "status", Rule::Choice, {{"allowed", "active,inactive,never_active,non_us"}});
        e.active = e.status == "active";
        break;
    case CodeSystem::Loinc:
        e.kind = r[1];
        if (e.kind != "vital" && e.kind != "lab" && e.kind != "panel")
            return badRow(row, "kind", Rule::Choice, {{"allowed", "vital,lab,panel"}});
        e.description = r[2];
        e.unit = r[3];
        break;
    case CodeSystem::Procedure:
        if (!isProcedureCodeFormat(e.code))
            return badRow(row, "code", Rule::Format, {{"format", "procedure"}});
        e.kind = r[1];
        if (!isProcedureKind(e.kind))
            return badRow(row, "kind", Rule::Choice, {{"allowed", "em,procedure,lab,vaccine,hcpcs"}});
        e.description = r[2];
        break;
    case CodeSystem::Modifier:
        if (!isModifierFormat(e.code))
            return badRow(row, "code", Rule::Format, {{"format", "modifier"}});
        e.description = r[1];
        break;
    case CodeSystem::PlaceOfService:
        if (e.code.size() != 2 || !isDigit(e.code[0]) || !isDigit(e.code[1]))
            return badRow(row, "code", Rule::Format, {{"format", "place_of_service"}});
        e.description = r[1];
        break;
    }
    if (e.code.empty())
        return badRow(row, "code", Rule::Required);
    if (e.description.empty())
        return badRow(row, "description", Rule::Required);
    return e;
}

CodeSet loadBuiltin(CodeSystem system)
{
    auto set = CodeSet::fromCsv(system, embeddedCodeSetCsv(fileName(system)));
    // tst_codesets proves every shipped file parses, so this only guards against a build that lost a file.
    return set ? std::move(*set) : *CodeSet::fromCsv(system, "");
}

} // namespace

std::string_view codeSystemName(CodeSystem system)
{
    switch (system) {
    case CodeSystem::Icd10Cm:
        return "icd10cm";
    case CodeSystem::Cvx:
        return "cvx";
    case CodeSystem::Loinc:
        return "loinc";
    case CodeSystem::Procedure:
        return "procedure";
    case CodeSystem::Modifier:
        return "modifier";
    case CodeSystem::PlaceOfService:
        return "place_of_service";
    }
    return "";
}

std::string_view codeSystemUri(CodeSystem system)
{
    switch (system) {
    case CodeSystem::Icd10Cm:
        return "http://hl7.org/fhir/sid/icd-10-cm";
    case CodeSystem::Cvx:
        return "http://hl7.org/fhir/sid/cvx";
    case CodeSystem::Loinc:
        return "http://loinc.org";
    case CodeSystem::Procedure:
    case CodeSystem::Modifier:
        return kCptUri;
    case CodeSystem::PlaceOfService:
        return "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
    }
    return "";
}

std::string_view procedureCodeUri(std::string_view code)
{
    const char first = code.empty() ? '\0' : code[0];
    const bool letter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
    return letter ? kHcpcsUri : kCptUri;
}

std::string_view modifierCodeUri(std::string_view code)
{
    const bool cpt = code.size() == 2 && isDigit(code[0]) && (isDigit(code[1]) || code[1] == 'P' || code[1] == 'p');
    return cpt ? kCptUri : kHcpcsUri;
}

const CodeSet& CodeSet::builtin(CodeSystem system)
{
    // One function-local static per system: each is parsed only when first asked for, and C++ makes that
    // initialisation thread-safe.
    switch (system) {
    case CodeSystem::Icd10Cm: {
        static const CodeSet set = loadBuiltin(CodeSystem::Icd10Cm);
        return set;
    }
    case CodeSystem::Cvx: {
        static const CodeSet set = loadBuiltin(CodeSystem::Cvx);
        return set;
    }
    case CodeSystem::Loinc: {
        static const CodeSet set = loadBuiltin(CodeSystem::Loinc);
        return set;
    }
    case CodeSystem::Procedure: {
        static const CodeSet set = loadBuiltin(CodeSystem::Procedure);
        return set;
    }
    case CodeSystem::Modifier: {
        static const CodeSet set = loadBuiltin(CodeSystem::Modifier);
        return set;
    }
    case CodeSystem::PlaceOfService:
        break;
    }
    static const CodeSet set = loadBuiltin(CodeSystem::PlaceOfService);
    return set;
}

Result<CodeSet> CodeSet::fromCsv(CodeSystem system, std::string_view csv)
{
    auto data = std::make_shared<Data>();
    data->system = system;
    auto rows = parseCsv(csv);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->empty())
        return CodeSet(std::move(data));
    const std::vector<std::string> header = expectedHeader(system);
    if ((*rows)[0] != header)
        return badRow(1, "header", Rule::Format, {{"format", std::string(codeSystemName(system))}});
    data->entries.reserve(rows->size() - 1);
    for (std::size_t i = 1; i < rows->size(); ++i) {
        const CsvRow& r = (*rows)[i];
        if (r.size() != header.size())
            return badRow(i + 1, "row", Rule::Format, {{"format", std::string(codeSystemName(system))}});
        auto entry = entryFromRow(system, r, i + 1);
        if (!entry)
            return std::unexpected(entry.error());
        const auto index = static_cast<std::uint32_t>(data->entries.size());
        if (!data->byKey.emplace(codeKey(entry->code), index).second)
            return badRow(i + 1, "code", Rule::Unique, {{"value", entry->code}});
        data->entries.push_back(std::move(*entry));
    }
    return CodeSet(std::move(data));
}

CodeSystem CodeSet::system() const
{
    return m_data->system;
}

std::size_t CodeSet::size() const
{
    return m_data->entries.size();
}

const std::vector<CodeEntry>& CodeSet::entries() const
{
    return m_data->entries;
}

std::optional<CodeEntry> CodeSet::find(std::string_view code) const
{
    auto it = m_data->byKey.find(codeKey(trimmed(code)));
    if (it == m_data->byKey.end())
        return std::nullopt;
    return m_data->entries[it->second];
}

void CodeSet::Data::buildIndex()
{
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
        for (std::string& word : searchTokens(entries[i].description))
            words.emplace_back(std::move(word), i);
        keys.emplace_back(codeKey(entries[i].code), i);
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::sort(keys.begin(), keys.end());
}

std::vector<CodeEntry> CodeSet::search(std::string_view text, std::size_t limit) const
{
    Data& d = *m_data;
    const std::string query = trimmed(text);
    if (query.empty() || limit == 0)
        return {};
    std::call_once(d.indexOnce, [&d] { d.buildIndex(); });

    // (rank, preference, length, code) orders the hits: exact code 0, code prefix 1, description 2.
    using Hit = std::tuple<int, int, std::size_t, std::string_view, std::uint32_t>;
    std::vector<Hit> hits;
    std::vector<char> taken(d.entries.size(), 0);
    auto preferred = [&d](const CodeEntry& e) { return d.system == CodeSystem::Icd10Cm ? e.billable : e.active; };

    if (query.find(' ') == std::string::npos) {
        const std::string key = codeKey(query);
        auto it = std::lower_bound(d.keys.begin(), d.keys.end(), std::make_pair(key, std::uint32_t{0}));
        for (; it != d.keys.end() && it->first.starts_with(key); ++it) {
            const CodeEntry& e = d.entries[it->second];
            taken[it->second] = 1;
            hits.emplace_back(it->first == key ? 0 : 1, 0, it->first.size(), e.code, it->second);
        }
    }

    // Every query word must start some word of the description: keep a count per entry of the query words
    // matched so far, and an entry is a hit when its count reaches the number of words.
    const std::vector<std::string> tokens = searchTokens(query);
    if (!tokens.empty()) {
        std::vector<std::uint16_t> matched(d.entries.size(), 0);
        std::vector<std::uint32_t> lastToken(d.entries.size(), UINT32_MAX);
        for (std::uint32_t t = 0; t < tokens.size(); ++t) {
            auto it = std::lower_bound(d.words.begin(), d.words.end(), std::make_pair(tokens[t], std::uint32_t{0}));
            for (; it != d.words.end() && it->first.starts_with(tokens[t]); ++it) {
                if (lastToken[it->second] == t)
                    continue; // two words of one description start with this token: count it once
                lastToken[it->second] = t;
                ++matched[it->second];
            }
        }
        for (std::uint32_t i = 0; i < d.entries.size(); ++i) {
            if (matched[i] != tokens.size() || taken[i])
                continue;
            const CodeEntry& e = d.entries[i];
            hits.emplace_back(2, preferred(e) ? 0 : 1, e.description.size(), e.code, i);
        }
    }

    const std::size_t n = std::min(limit, hits.size());
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(n), hits.end());
    std::vector<CodeEntry> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(d.entries[std::get<4>(hits[i])]);
    return out;
}

bool isIcd10CmFormat(std::string_view code)
{
    if (code.size() < 3)
        return false;
    if (code[0] < 'A' || code[0] > 'Z' || code[1] < '0' || code[1] > '9' || !isUpperAlnum(code[2]))
        return false;
    if (code.size() == 3)
        return true;
    if (code[3] != '.' || code.size() < 5 || code.size() > 8)
        return false;
    return std::all_of(code.begin() + 4, code.end(), isUpperAlnum);
}

bool isProcedureCodeFormat(std::string_view code)
{
    if (code.size() != 5 || !std::all_of(code.begin() + 1, code.begin() + 4, isDigit))
        return false;
    if (isDigit(code[0]))
        return isDigit(code[4]) || code[4] == 'F' || code[4] == 'T' || code[4] == 'U';
    // HCPCS Level II runs from A to V; W to Z were the local (level III) codes that HIPAA retired.
    return code[0] >= 'A' && code[0] <= 'V' && isDigit(code[4]);
}

bool isModifierFormat(std::string_view code)
{
    return code.size() == 2 && isUpperAlnum(code[0]) && isUpperAlnum(code[1]);
}

std::optional<std::string> normalizeIcd10Cm(std::string_view code)
{
    std::string c = trimmed(code);
    for (char& ch : c)
        if (ch >= 'a' && ch <= 'z')
            ch = static_cast<char>(ch - 'a' + 'A');
    if (c.size() > 3 && c.find('.') == std::string::npos)
        c.insert(3, 1, '.');
    if (!isIcd10CmFormat(c))
        return std::nullopt;
    return c;
}

} // namespace practica::core

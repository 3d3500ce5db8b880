#include "Csv.h"

namespace practica::core {

namespace {

std::unexpected<Error> badCsv(int line)
{
    return fail(ErrorCode::Validation, "csv", Rule::Format, {{"format", "csv"}, {"line", std::to_string(line)}});
}

} // namespace

Result<std::vector<CsvRow>> parseCsv(std::string_view text)
{
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    bool fieldStarted = false; // the row has at least one field (so "a," has two and "" has none)
    int line = 1;
    std::size_t i = 0;
    auto endRow = [&] {
        if (fieldStarted || !field.empty())
            row.push_back(std::move(field));
        if (!row.empty())
            rows.push_back(std::move(row));
        row.clear();
        field.clear();
        fieldStarted = false;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' && field.empty()) {
            const int startLine = line;
            ++i;
            for (;;) {
                if (i >= text.size())
                    return badCsv(startLine);
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (text[i] == '\n')
                    ++line;
                field += text[i++];
            }
            fieldStarted = true;
            if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                return badCsv(line);
            continue;
        }
        if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            fieldStarted = true;
            ++i;
        } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
            endRow();
            i += c == '\r' ? 2 : 1;
            ++line;
        } else {
            field += c;
            ++i;
        }
    }
    endRow();
    return rows;
}

} // namespace practica::core

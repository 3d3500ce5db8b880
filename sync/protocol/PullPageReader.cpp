#include "PullPageReader.h"

#include <cctype>
#include <charconv>

namespace practica::sync {

using core::ErrorCode;
using core::fail;

namespace {

constexpr int kMaxDepth = 16; // of values skipped as unknown

class Reader
{
public:
    explicit Reader(std::string_view text) : m_text(text) {}

    Result<PullResponse> page()
    {
        PullResponse page;
        bool sawChanges = false, sawNext = false, sawHighest = false;
        auto ok = object("pull", [&](const std::string& key) -> core::Status {
            if (key == "changes") {
                sawChanges = true;
                return changes(page.changes);
            }
            if (key == "next") {
                sawNext = true;
                return integer(page.next);
            }
            if (key == "highest_seq") {
                sawHighest = true;
                return integer(page.highestSeq);
            }
            if (key == "scope")
                return string(page.scope, "pull.scope");
            if (key == "more")
                return more(page.more);
            return skipValue(0);
        });
        if (!ok)
            return std::unexpected(ok.error());
        skipSpace();
        if (m_pos != m_text.size())
            return error("pull", "text after the page");
        if (!sawChanges)
            return fail(ErrorCode::ProtocolError, "pull.changes", "missing");
        if (!sawNext || !sawHighest)
            return fail(ErrorCode::ProtocolError, "pull", "cursor is not an integer");
        return page;
    }

    Result<SnapshotPage> snapshotPage()
    {
        SnapshotPage page;
        bool sawEntity = false, sawRows = false, sawAfter = false;
        auto ok = object("snapshot", [&](const std::string& key) -> core::Status {
            if (key == "entity") {
                sawEntity = true;
                return string(page.entity, "snapshot.entity");
            }
            if (key == "rows") {
                sawRows = true;
                return rows(page.rows);
            }
            if (key == "after") {
                sawAfter = true;
                return string(page.after, "snapshot.after");
            }
            if (key == "scope")
                return string(page.scope, "snapshot.scope");
            if (key == "more")
                return more(page.more);
            return skipValue(0);
        });
        if (!ok)
            return std::unexpected(ok.error());
        skipSpace();
        if (m_pos != m_text.size())
            return error("snapshot", "text after the page");
        if (!sawEntity || !isIdentifier(page.entity))
            return fail(ErrorCode::ProtocolError, "snapshot.entity", "missing or not a table name");
        if (!sawRows || !sawAfter)
            return fail(ErrorCode::ProtocolError, "snapshot", "rows or after is missing");
        for (SyncRow& row : page.rows)
            row.entity = page.entity;
        return page;
    }

    Result<SyncRow> storedRow()
    {
        SyncRow row;
        if (Status s = snapshotRow(row, 0); !s)
            return std::unexpected(s.error());
        skipSpace();
        if (m_pos != m_text.size())
            return error("row", "text after the row");
        if (!isIdentifier(row.entity))
            return fail(ErrorCode::ProtocolError, "row.entity", "missing or not a table name");
        row.fillStamps(); // a stored row is merged into: every field gets its stamp
        return row;
    }

private:
    std::unexpected<core::Error> error(const std::string& where, const std::string& what) const
    {
        return fail(ErrorCode::ProtocolError, where, what + " (at byte " + std::to_string(m_pos) + ")");
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    bool take(char ch)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ch) {
            ++m_pos;
            return true;
        }
        return false;
    }

    // { "key": value, ... }: onKey reads each value.
    template <class OnKey> core::Status object(const std::string& where, OnKey&& onKey)
    {
        if (!take('{'))
            return error(where, "not an object");
        if (take('}'))
            return {};
        while (true) {
            std::string key;
            if (Status s = string(key, where); !s)
                return s;
            if (!take(':'))
                return error(where, "no ':' after a key");
            if (Status s = onKey(key); !s)
                return s;
            if (take(','))
                continue;
            if (take('}'))
                return {};
            return error(where, "no ',' or '}' after a value");
        }
    }

    static void appendUtf8(std::string& out, std::uint32_t cp)
    {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    bool hex4(std::uint32_t& out)
    {
        if (m_pos + 4 > m_text.size())
            return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char ch = m_text[m_pos++];
            out <<= 4;
            if (ch >= '0' && ch <= '9')
                out |= static_cast<std::uint32_t>(ch - '0');
            else if (ch >= 'a' && ch <= 'f')
                out |= static_cast<std::uint32_t>(ch - 'a' + 10);
            else if (ch >= 'A' && ch <= 'F')
                out |= static_cast<std::uint32_t>(ch - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    core::Status string(std::string& out, const std::string& where)
    {
        if (!take('"'))
            return error(where, "not a string");
        out.clear();
        while (true) {
            // Copy the plain run up to the next quote or escape at once.
            std::size_t end = m_pos;
            while (end < m_text.size() && m_text[end] != '"' && m_text[end] != '\\') {
                if (static_cast<unsigned char>(m_text[end]) < 0x20)
                    return error(where, "a control character in a string");
                ++end;
            }
            out.append(m_text.substr(m_pos, end - m_pos));
            m_pos = end;
            if (m_pos >= m_text.size())
                return error(where, "an unterminated string");
            if (m_text[m_pos++] == '"')
                return {};
            if (m_pos >= m_text.size())
                return error(where, "an unterminated escape");
            const char esc = m_text[m_pos++];
            switch (esc) {
            case '"':
            case '\\':
            case '/':
                out.push_back(esc);
                break;
            case 'b':
                out.push_back('\b');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(cp))
                    return error(where, "a bad \\u escape");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    std::uint32_t low = 0;
                    if (m_text.substr(m_pos, 2) != "\\u" || (m_pos += 2, !hex4(low)) || low < 0xDC00 || low > 0xDFFF)
                        return error(where, "an unpaired surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return error(where, "an unpaired surrogate");
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                return error(where, "an unknown escape");
            }
        }
    }

    // A string, or null.
    core::Status optionalString(std::optional<std::string>& out, const std::string& where)
    {
        skipSpace();
        if (m_text.substr(m_pos, 4) == "null") {
            m_pos += 4;
            out.reset();
            return {};
        }
        std::string s;
        if (Status st = string(s, where); !st)
            return st;
        out = std::move(s);
        return {};
    }

    core::Status integer(std::int64_t& out)
    {
        skipSpace();
        const char* begin = m_text.data() + m_pos;
        auto [end, ec] = std::from_chars(begin, m_text.data() + m_text.size(), out);
        if (ec != std::errc() || end == begin)
            return error("pull", "not an integer");
        m_pos += static_cast<std::size_t>(end - begin);
        return {};
    }

    // A page's "more": true, or anything else (false, null) read as no more pages.
    core::Status more(bool& out)
    {
        skipSpace();
        if (m_text.substr(m_pos, 4) == "true") {
            out = true;
            m_pos += 4;
            return {};
        }
        out = false;
        return skipValue(0);
    }

    core::Status skipValue(int depth)
    {
        if (depth > kMaxDepth)
            return error("pull", "nested too deeply");
        skipSpace();
        if (m_pos >= m_text.size())
            return error("pull", "a value is missing");
        const char ch = m_text[m_pos];
        if (ch == '"') {
            std::string ignored;
            return string(ignored, "pull");
        }
        if (ch == '{')
            return object("pull", [&](const std::string&) { return skipValue(depth + 1); });
        if (ch == '[') {
            ++m_pos;
            if (take(']'))
                return {};
            while (true) {
                if (Status s = skipValue(depth + 1); !s)
                    return s;
                if (take(','))
                    continue;
                if (take(']'))
                    return {};
                return error("pull", "no ',' or ']' in an array");
            }
        }
        for (std::string_view word : {"true", "false", "null"})
            if (m_text.substr(m_pos, word.size()) == word) {
                m_pos += word.size();
                return {};
            }
        std::size_t end = m_pos;
        while (end < m_text.size() &&
               (std::isdigit(static_cast<unsigned char>(m_text[end])) || m_text[end] == '-' || m_text[end] == '+' ||
                m_text[end] == '.' || m_text[end] == 'e' || m_text[end] == 'E'))
            ++end;
        if (end == m_pos)
            return error("pull", "not a JSON value");
        m_pos = end;
        return {};
    }

    core::Status changes(std::vector<core::SyncChange>& out)
    {
        if (!take('['))
            return error("pull.changes", "not an array");
        if (take(']'))
            return {};
        while (true) {
            core::SyncChange c;
            if (Status s = change(c, out.size()); !s)
                return s;
            out.push_back(std::move(c));
            if (take(','))
                continue;
            if (take(']'))
                return {};
            return error("pull.changes", "no ',' or ']' between changes");
        }
    }

    core::Status change(core::SyncChange& c, std::size_t index)
    {
        const std::string where = "changes[" + std::to_string(index) + "]";
        std::optional<std::string> id, entity, row, op, hlc, device, authorId, author;
        bool sawFields = false, sawSeq = false;
        auto ok = object(where, [&](const std::string& key) -> core::Status {
            if (key == "fields") {
                sawFields = true;
                return fields(c.fields, where);
            }
            if (key == "seq") {
                sawSeq = true;
                return integer(c.seq);
            }
            if (key == "base")
                return optionalString(c.baseHlc, where + ".base");
            std::optional<std::string>* slot = key == "id"          ? &id
                                               : key == "entity"    ? &entity
                                               : key == "row"       ? &row
                                               : key == "op"        ? &op
                                               : key == "hlc"       ? &hlc
                                               : key == "device"    ? &device
                                               : key == "author_id" ? &authorId
                                               : key == "author"    ? &author
                                                                    : nullptr;
            if (!slot)
                return skipValue(0);
            return optionalString(*slot, where + "." + key);
        });
        if (!ok)
            return ok;
        if (!id || !entity || !row || !op || !hlc)
            return fail(ErrorCode::ProtocolError, where, "id, entity, row, op or hlc is missing");
        if (*op != "upsert" && *op != "delete")
            return fail(ErrorCode::ProtocolError, where + ".op", "neither upsert nor delete");
        if (!isIdentifier(*entity))
            return fail(ErrorCode::ProtocolError, where + ".entity", "not a table name");
        if (id->empty() || id->size() > 64 || row->empty() || row->size() > 64 || hlc->size() > 128)
            return fail(ErrorCode::ProtocolError, where, "id, row or hlc has the wrong length");
        if (!sawFields)
            return fail(ErrorCode::ProtocolError, where + ".fields", "missing or not an object");
        if (!sawSeq || !device)
            return fail(ErrorCode::ProtocolError, where, "seq or device is missing");
        c.id = std::move(*id);
        c.entity = std::move(*entity);
        c.rowId = std::move(*row);
        c.deleted = *op == "delete";
        c.hlc = std::move(*hlc);
        c.deviceId = std::move(*device);
        c.authorId = authorId.value_or("");
        c.author = author.value_or("");
        return {};
    }

    core::Status fields(std::vector<core::SyncField>& out, const std::string& where)
    {
        return object(where + ".fields", [&](const std::string& name) -> core::Status {
            if (!isIdentifier(name) || name == "id")
                return fail(ErrorCode::ProtocolError, where + ".fields." + name, "not a field name");
            if (out.size() >= static_cast<std::size_t>(kMaxFieldsPerChange))
                return fail(ErrorCode::ProtocolError, where + ".fields", "too many fields");
            std::optional<std::string> value;
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] != '"' && m_text[m_pos] != 'n')
                return fail(ErrorCode::ProtocolError, where + ".fields." + name, "values are strings or null");
            if (Status s = optionalString(value, where + ".fields." + name); !s)
                return s;
            if (value && value->size() > kMaxFieldBytes)
                return fail(ErrorCode::ProtocolError, where + ".fields." + name, "value too long");
            out.push_back({name, std::move(value)});
            return {};
        });
    }

    core::Status rows(std::vector<SyncRow>& out)
    {
        if (!take('['))
            return error("snapshot.rows", "not an array");
        if (take(']'))
            return {};
        while (true) {
            SyncRow row;
            if (Status s = snapshotRow(row, out.size()); !s)
                return s;
            out.push_back(std::move(row));
            if (take(','))
                continue;
            if (take(']'))
                return {};
            return error("snapshot.rows", "no ',' or ']' between rows");
        }
    }

    core::Status snapshotRow(SyncRow& row, std::size_t index)
    {
        const std::string where = "rows[" + std::to_string(index) + "]";
        bool sawRow = false, sawValues = false, sawStamps = false;
        auto ok = object(where, [&](const std::string& key) -> core::Status {
            if (key == "row") {
                sawRow = true;
                return string(row.rowId, where + ".row");
            }
            if (key == "entity")
                return string(row.entity, where + ".entity");
            if (key == "values") {
                sawValues = true;
                return object(where + ".values", [&](const std::string& name) -> core::Status {
                    if (!isIdentifier(name) || name == "id")
                        return fail(ErrorCode::ProtocolError, where + ".values." + name, "not a field name");
                    if (row.values.size() >= static_cast<std::size_t>(kMaxFieldsPerChange))
                        return fail(ErrorCode::ProtocolError, where + ".values", "too many fields");
                    skipSpace();
                    if (m_pos < m_text.size() && m_text[m_pos] != '"' && m_text[m_pos] != 'n')
                        return fail(ErrorCode::ProtocolError, where + ".values." + name, "values are strings or null");
                    std::optional<std::string> value;
                    if (Status s = optionalString(value, where + ".values." + name); !s)
                        return s;
                    if (value && value->size() > kMaxFieldBytes)
                        return fail(ErrorCode::ProtocolError, where + ".values." + name, "value too long");
                    row.values[name] = std::move(value);
                    return {};
                });
            }
            if (key == "field_hlc") {
                sawStamps = true;
                return object(where + ".field_hlc", [&](const std::string& name) -> core::Status {
                    std::string stamp;
                    if (Status s = string(stamp, where + ".field_hlc." + name); !s)
                        return s;
                    if (stamp.size() > 128)
                        return fail(ErrorCode::ProtocolError, where + ".field_hlc." + name, "too long");
                    row.fieldHlc[name] = std::move(stamp);
                    return {};
                });
            }
            if (key == "deleted_hlc")
                return optionalString(row.deletedHlc, where + ".deleted_hlc");
            if (key == "created_hlc")
                return optionalString(row.createdHlc, where + ".created_hlc");
            return skipValue(0);
        });
        if (!ok)
            return ok;
        if (!sawRow || row.rowId.empty() || row.rowId.size() > 64)
            return fail(ErrorCode::ProtocolError, where + ".row", "missing or the wrong length");
        if (!sawValues || !sawStamps)
            return fail(ErrorCode::ProtocolError, where, "values or field_hlc is missing");
        return {};
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

Result<PullResponse> readPullPage(std::string_view body)
{
    return Reader(body).page();
}

Result<SnapshotPage> readSnapshotPage(std::string_view body)
{
    return Reader(body).snapshotPage();
}

Result<SyncRow> readRow(std::string_view body)
{
    return Reader(body).storedRow();
}

} // namespace practica::sync

// The files a clearinghouse sent that Practica cannot read as a 999 or 277CA (a TA1, a report, a damaged
// file): kept on this workstation, once per content, with why they were not read, so that nothing the
// clearinghouse let go of is lost; a biller lists them and saves them to look at or to send on.
#pragma once

#include "core/Error.h"
#include "core/x12/X12Reader.h"

#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

class Session;

struct UnreadAnswer
{
    std::string sha256;
    std::string name;       // its name at the clearinghouse
    std::string receivedAt; // UTC
    X12Issue issue;         // why it was not read: the problem, and its line where one applies
    std::string content;
};

class UnreadAnswerStore
{
public:
    explicit UnreadAnswerStore(Session& session) : m_session(session) {}

    // Keeps the file unless the same content is kept already.
    Status keep(const std::string& name, std::string_view content, const X12Issue& issue);
    // Newest first.
    Result<std::vector<UnreadAnswer>> list();

private:
    Session& m_session;
};

} // namespace practica::core

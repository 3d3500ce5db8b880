// The clearinghouse's and payers' answers to a batch, applied to its claims: a 999 (was the batch's 837
// accepted; which segment and element of which claim was wrong) and a 277CA (each claim accepted into the
// payer's adjudication, or rejected, with the payer's claim number). Each answer becomes a step in each
// claim's history; a file is applied whole or not at all, and a file applied before changes nothing.
#pragma once

#include "core/Error.h"
#include "core/x12/X12Reader.h"

#include <string>
#include <string_view>
#include <vector>

namespace practica::core {

class Session;

struct AnswerReport
{
    std::string kind;            // "999" or "277"
    std::string batchId;         // 999: the batch it answers
    bool alreadyApplied = false; // the same file was applied before: nothing changed
    int accepted = 0;
    int rejected = 0;
    int pending = 0;
    std::vector<std::string> unknownClaims; // patient control numbers this clinic never sent
};

// A file that is not X12, or an X12 file that breaks its envelope or transaction rules: the problem with
// its line, and nothing applied.
struct AnswerFailure
{
    std::optional<X12Issue> issue; // set when the file itself was refused
    std::optional<Error> error;    // set when applying it failed (no such batch, permission, database)
};

class ClaimAnswerStore
{
public:
    explicit ClaimAnswerStore(Session& session) : m_session(session) {}

    // A 999 or a 277CA, told apart by its transaction set.
    std::expected<AnswerReport, AnswerFailure> importFile(std::string_view text);

private:
    // Inside importFile's transaction, the file not applied before.
    std::expected<AnswerReport, AnswerFailure> apply999(const X12Interchange& x, std::string_view text,
                                                        const std::string& sha);
    std::expected<AnswerReport, AnswerFailure> apply277(const X12Interchange& x, std::string_view text,
                                                        const std::string& sha);
    Session& m_session;
};

} // namespace practica::core

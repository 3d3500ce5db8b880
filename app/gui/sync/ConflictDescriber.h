// Turns the changes the server refused into the clinic's words, from each refusal's code and params: for a
// double booking, whose appointment, when, and which provider, room or patient is already taken and by whom
// (read from this workstation's records); for a duplicate MRN or user name, which one; for a change the
// user's role does not allow, what and why; for a wrong clock, by how much. The server's own words are
// shown only when an older server sent no params.
#pragma once

#include "core/sync/Replica.h"

#include <QCoreApplication>
#include <QString>
#include <vector>

namespace practica::core {
class Session;
}

namespace practica::app {

struct ConflictSummary
{
    QString conflictId;
    QString title;
    QString detail;
    std::string entity;
    std::string rowId;
    bool appointment = false;  // offers "Pick another time"
    bool serverHasRow = false; // taking the server's version puts the record back rather than removing it
    bool sendAgain = true;     // sending the change again can succeed (false: only the server's version will do)
    bool signedNote = false;   // an edit of a note signed elsewhere: offers "Turn my edit into an addendum"
};

class ConflictDescriber
{
    Q_DECLARE_TR_FUNCTIONS(ConflictDescriber)

public:
    static ConflictSummary describe(core::Session& session, const core::SyncConflict& conflict);
    // "appointment", "patient record", "insurance coverage"… for an entity (table) name.
    static QString recordName(const std::string& entity);

private:
    static ConflictSummary refusedByRole(const core::SyncConflict& conflict, ConflictSummary summary);
    static ConflictSummary wrongClock(const core::SyncConflict& conflict, ConflictSummary summary);
    static ConflictSummary doubleBooking(core::Session& session, const core::SyncConflict& conflict,
                                         ConflictSummary summary);
    static ConflictSummary duplicate(core::Session& session, const core::SyncConflict& conflict,
                                     ConflictSummary summary);
};

} // namespace practica::app

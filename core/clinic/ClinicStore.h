// Reads and edits the clinic's own settings (name, identifiers, address, time zone, MRN scheme).
#pragma once

#include "core/Error.h"
#include "core/model/Clinic.h"

namespace practica::core {

class Session;

class ClinicStore
{
public:
    explicit ClinicStore(Session& session) : m_session(session) {}

    Result<Clinic> get();
    Status update(const Clinic& clinic);

    // Field checks shared by first start and edits: the first broken rule as a Validation error.
    static Status validate(const Clinic& clinic);
    // Inserts the clinic row inside an open transaction (first start only).
    static Status insertInitial(Session& session, const Clinic& clinic);

private:
    Session& m_session;
};

} // namespace practica::core

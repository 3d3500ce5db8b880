// Payers and the coverage policies that tie patients to them.
#pragma once

#include "core/Error.h"
#include "core/model/Coverage.h"

#include <string>
#include <vector>

namespace practica::core {

class Session;

class PayerStore
{
public:
    explicit PayerStore(Session& session) : m_session(session) {}
    Result<Payer> create(Payer payer);
    Status update(Payer payer);
    Result<std::vector<Payer>> list(bool includeInactive = false);
    Result<Payer> get(const std::string& id);

private:
    Session& m_session;
};

class CoverageStore
{
public:
    explicit CoverageStore(Session& session) : m_session(session) {}
    // Adds a policy; a patient has at most one active policy of each rank.
    Result<Coverage> add(Coverage coverage);
    Status update(Coverage coverage);
    Status deactivate(const std::string& coverageId);
    Result<std::vector<Coverage>> forPatient(const std::string& patientId, bool includeInactive = true);

private:
    Status checkRankFree(const Coverage& coverage);
    Session& m_session;
};

} // namespace practica::core

// One push on PostgreSQL: a transaction holding the clinic's counter row until commit (see ServerStore.h).
#pragma once

#include "PostgresPool.h"

namespace practica::sync {

// Begins the transaction on the leased connection and locks the clinic's counter; NotFound when the
// clinic does not exist.
Result<std::unique_ptr<PushTransaction>> beginPostgresPush(pg::PostgresPool::Lease conn, const std::string& clinicId);

} // namespace practica::sync

// Where a workstation syncs: the server's address and the certificate file to trust. One check of what
// a person typed and one reading of what enrolment stored, for the GUI and the CLI alike.
#pragma once

#include "core/Error.h"
#include "sync/client/SyncClient.h"

#include <optional>
#include <string>

namespace practica::core {
class Replica;
}

namespace practica::sync {

// Checks a server address and certificate file given by a person. The address must be http:// or
// https:// (Validation on server_url, Rule::Format "server_url"); the file, when given, must exist
// (Validation on ca_file, Rule::MissingReference "file" with its path as id). The file is kept as an
// absolute path, since it is stored and read again from another folder.
core::Result<ClientOptions> connectionOptions(const std::string& serverUrl, const std::string& caFile);

// The server and certificate file stored at enrolment; nullopt when this workstation is not enrolled.
core::Result<std::optional<ClientOptions>> storedConnection(core::Replica& replica);

} // namespace practica::sync

#include "Connection.h"

#include "core/sync/Replica.h"

#include <filesystem>

namespace practica::sync {

using core::ErrorCode;
using core::Rule;

core::Result<ClientOptions> connectionOptions(const std::string& serverUrl, const std::string& caFile)
{
    if (!serverUrl.starts_with("https://") && !serverUrl.starts_with("http://"))
        return core::fail(ErrorCode::Validation, "server_url", Rule::Format, {{"format", "server_url"}});
    ClientOptions options;
    options.serverUrl = serverUrl;
    if (caFile.empty())
        return options;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(caFile, ec))
        return core::fail(ErrorCode::Validation, "ca_file", Rule::MissingReference,
                          {{"references", "file"}, {"id", caFile}});
    options.caFile = std::filesystem::absolute(caFile, ec).string();
    return options;
}

core::Result<std::optional<ClientOptions>> storedConnection(core::Replica& replica)
{
    auto server = replica.setting("sync_server");
    if (!server)
        return std::unexpected(server.error());
    auto caFile = replica.setting("sync_ca_file");
    if (!caFile)
        return std::unexpected(caFile.error());
    if (!*server || (*server)->empty())
        return std::optional<ClientOptions>{};
    ClientOptions options;
    options.serverUrl = **server;
    options.caFile = caFile->value_or("");
    return std::optional(options);
}

} // namespace practica::sync

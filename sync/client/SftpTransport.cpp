#include "SftpTransport.h"

#include "core/util/Validators.h"

#include <algorithm>
#include <curl/curl.h>
#include <mutex>
#include <regex>

namespace practica::sync {

using core::ErrorCode;
using core::fail;

namespace {

constexpr std::size_t kMaxFile = 64 * 1024 * 1024;

std::once_flag g_curlInit;

struct Sink
{
    std::string data;
    bool tooBig = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* sink = static_cast<Sink*>(user);
    if (sink->data.size() + size * count > kMaxFile) {
        sink->tooBig = true;
        return 0;
    }
    sink->data.append(data, size * count);
    return size * count;
}

struct Source
{
    const std::string* data = nullptr;
    std::size_t at = 0;
};

std::size_t provide(char* buffer, std::size_t size, std::size_t count, void* user)
{
    auto* source = static_cast<Source*>(user);
    const std::size_t n = std::min(size * count, source->data->size() - source->at);
    std::copy_n(source->data->data() + source->at, n, buffer);
    source->at += n;
    return n;
}

int progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<std::atomic<bool>*>(user)->load() ? 1 : 0;
}

// A name the transport reads or writes: a plain file name that a quoted SFTP command can carry.
bool isPlainName(const std::string& name)
{
    if (name.empty() || name[0] == '.' || name.size() > 200)
        return false;
    if (name.size() >= 5 && name.compare(name.size() - 5, 5, ".part") == 0)
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return c > ' ' && c <= '~' && c != '"' && c != '\\' && c != '/'; });
}

// The transaction set a file holds, from its first ST segment: "999", "277" or "" when neither.
std::string setOf(const std::string& content)
{
    if (content.size() < 106 || content.compare(0, 3, "ISA") != 0)
        return {};
    const char element = content[3];
    const std::string st = std::string("ST") + element;
    const auto at = content.find(st);
    if (at == std::string::npos)
        return {};
    return content.substr(at + 3, 3);
}

std::string joinPath(const std::string& dir, const std::string& name)
{
    return dir.empty() || dir.back() != '/' ? dir + "/" + name : dir + name;
}

} // namespace

struct SftpTransport::Request
{
    std::string path;
    std::string field; // the settings' field an error about the path names
    bool dirList = false;
    bool noBody = false;
    const std::string* upload = nullptr;
    std::vector<std::string> quote;     // SFTP commands before the transfer
    std::vector<std::string> postQuote; // and after it
    Sink sink;
};

SftpTransport::SftpTransport(SftpOptions options) : m_options(std::move(options))
{
    std::call_once(g_curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_curl = curl_easy_init();
}

SftpTransport::~SftpTransport()
{
    if (m_curl)
        curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

core::Result<SftpOptions> SftpTransport::optionsFor(const core::Clearinghouse& settings,
                                                    const TransportSecrets& secrets)
{
    static const std::regex endpoint(R"(^sftp://([A-Za-z0-9.-]+)(:([0-9]{1,5}))?/?$)");
    std::smatch m;
    const std::string given = settings.endpoint.value_or("");
    if (!std::regex_match(given, m, endpoint))
        return fail(ErrorCode::Validation, "endpoint", core::Rule::Format, {{"format", "sftp_url"}});
    SftpOptions o;
    o.host = m[1].str();
    if (m[3].matched) {
        o.port = std::stoi(m[3].str());
        if (o.port < 1 || o.port > 65535)
            return fail(ErrorCode::Validation, "endpoint", core::Rule::Format, {{"format", "sftp_url"}});
    }
    o.userName = settings.username.value_or("");
    o.password = secrets.password;
    o.keyFile = secrets.keyFile.value_or("");
    o.hostKey = settings.hostKey.value_or("");
    o.uploadDir = settings.uploadDir.value_or("");
    o.downloadDir = settings.downloadDir.value_or("");
    auto wrong = [](const char* field, const std::string& value, const char* format) {
        return value.empty() ? fail(ErrorCode::Validation, field, core::Rule::Required)
                             : fail(ErrorCode::Validation, field, core::Rule::Format, {{"format", format}});
    };
    if (o.userName.empty())
        return fail(ErrorCode::Validation, "username", core::Rule::Required);
    if (!core::isRemotePath(o.uploadDir))
        return wrong("upload_dir", o.uploadDir, "remote_path");
    if (!core::isRemotePath(o.downloadDir))
        return wrong("download_dir", o.downloadDir, "remote_path");
    if (!core::isSshHostKey(o.hostKey))
        return wrong("host_key", o.hostKey, "ssh_host_key");
    return o;
}

std::string SftpTransport::url(const std::string& path) const
{
    CURL* curl = static_cast<CURL*>(m_curl);
    std::string out = "sftp://" + m_options.host + ":" + std::to_string(m_options.port);
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        if (end > start) {
            const std::string segment = path.substr(start, end - start);
            char* escaped = curl_easy_escape(curl, segment.data(), static_cast<int>(segment.size()));
            out += "/";
            out += escaped ? escaped : "";
            curl_free(escaped);
        }
        start = end + 1;
    }
    if (!path.empty() && path.back() == '/')
        out += "/";
    return out;
}

core::Status SftpTransport::perform(Request& r)
{
    CURL* curl = static_cast<CURL*>(m_curl);
    if (!curl)
        return fail(ErrorCode::Internal, "curl", "no handle");
    if (m_cancelled)
        return fail(ErrorCode::Offline, "clearinghouse", "cancelled");
    curl_easy_reset(curl);
    const std::string address = url(r.path);
    // ssh-keygen prints the fingerprint without base64's padding; libcurl compares it with the padding.
    const std::string fingerprint = m_options.hostKey.substr(7) + "=";
    char reason[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, address.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "sftp");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, m_options.connectTimeoutMs);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, m_options.timeoutMs);
    curl_easy_setopt(curl, CURLOPT_SSH_HOST_PUBLIC_KEY_SHA256, fingerprint.c_str());
    curl_easy_setopt(curl, CURLOPT_USERNAME, m_options.userName.c_str());
    if (!m_options.keyFile.empty()) {
        curl_easy_setopt(curl, CURLOPT_SSH_AUTH_TYPES, static_cast<long>(CURLSSH_AUTH_PUBLICKEY));
        curl_easy_setopt(curl, CURLOPT_SSH_PRIVATE_KEYFILE, m_options.keyFile.c_str());
        curl_easy_setopt(curl, CURLOPT_SSH_PUBLIC_KEYFILE, ""); // derived from the private key
        if (!m_options.password.empty())
            curl_easy_setopt(curl, CURLOPT_KEYPASSWD, m_options.password.c_str());
    } else {
        curl_easy_setopt(curl, CURLOPT_SSH_AUTH_TYPES,
                         static_cast<long>(CURLSSH_AUTH_PASSWORD | CURLSSH_AUTH_KEYBOARD));
        curl_easy_setopt(curl, CURLOPT_PASSWORD, m_options.password.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &m_cancelled);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, reason);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.sink);
    if (r.dirList)
        curl_easy_setopt(curl, CURLOPT_DIRLISTONLY, 1L);
    if (r.noBody)
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    Source source{r.upload, 0};
    if (r.upload) {
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, provide);
        curl_easy_setopt(curl, CURLOPT_READDATA, &source);
        curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(r.upload->size()));
    }
    curl_slist* quote = nullptr;
    curl_slist* postQuote = nullptr;
    for (const std::string& c : r.quote)
        quote = curl_slist_append(quote, c.c_str());
    for (const std::string& c : r.postQuote)
        postQuote = curl_slist_append(postQuote, c.c_str());
    if (quote)
        curl_easy_setopt(curl, CURLOPT_QUOTE, quote);
    if (postQuote)
        curl_easy_setopt(curl, CURLOPT_POSTQUOTE, postQuote);
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(quote);
    curl_slist_free_all(postQuote);
    if (rc == CURLE_OK)
        return {};
    const std::string why = reason[0] ? reason : curl_easy_strerror(rc);
    switch (rc) {
    case CURLE_LOGIN_DENIED:
        return fail(ErrorCode::NotAuthorized, "clearinghouse", why);
    case CURLE_PEER_FAILED_VERIFICATION: {
        // "... mismatch sha256 fingerprint. Remote <base64>= is not equal to ...": the key it showed, in
        // the form ssh-keygen prints, for the person who checks it with the clearinghouse.
        static const std::regex shown(R"(Remote ([A-Za-z0-9+/]{43})=? is not equal)");
        std::smatch m;
        if (std::regex_search(why, m, shown))
            return fail(ErrorCode::NotAuthorized, "host_key", "SHA256:" + m[1].str());
        return fail(ErrorCode::NotAuthorized, "host_key", why);
    }
    case CURLE_REMOTE_FILE_NOT_FOUND:
        return fail(ErrorCode::NotFound, r.field, r.path);
    case CURLE_REMOTE_ACCESS_DENIED:
    case CURLE_QUOTE_ERROR:
    case CURLE_UPLOAD_FAILED:
        return fail(ErrorCode::ProtocolError, r.field, why);
    case CURLE_WRITE_ERROR:
        if (r.sink.tooBig)
            return fail(ErrorCode::ProtocolError, r.field, "file larger than 64 MiB");
        return fail(ErrorCode::Offline, "clearinghouse", why);
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_FAILED_INIT:
        return fail(ErrorCode::Internal, "curl", why);
    default:
        // Not reached, timed out, cut off, the server's disk full: the batch waits for the next run.
        return fail(ErrorCode::Offline, "clearinghouse", why);
    }
}

core::Result<std::vector<std::string>> SftpTransport::list(const std::string& dir, const std::string& field)
{
    Request r;
    r.path = dir.empty() || dir.back() != '/' ? dir + "/" : dir;
    r.field = field;
    r.dirList = true;
    if (core::Status s = perform(r); !s)
        return std::unexpected(s.error());
    std::vector<std::string> names;
    std::size_t start = 0;
    const std::string& text = r.sink.data;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string name = text.substr(start, end - start);
        if (!name.empty() && name.back() == '\r')
            name.pop_back();
        if (isPlainName(name))
            names.push_back(std::move(name));
        start = end + 1;
    }
    std::sort(names.begin(), names.end());
    return names;
}

core::Result<std::string> SftpTransport::download(const std::string& path, const std::string& field)
{
    Request r;
    r.path = path;
    r.field = field;
    if (core::Status s = perform(r); !s)
        return std::unexpected(s.error());
    return std::move(r.sink.data);
}

core::Status SftpTransport::upload(const std::string& dir, const std::string& name, const std::string& content)
{
    const std::string part = joinPath(dir, "." + name + ".part");
    Request r;
    r.path = part;
    r.field = "upload_dir";
    r.upload = &content;
    // Whole or not at all: the clearinghouse sees the file under its name only once every byte is there.
    r.postQuote = {"rename \"" + part + "\" \"" + joinPath(dir, name) + "\""};
    return perform(r);
}

core::Status SftpTransport::remove(const std::string& path, const std::string& field)
{
    Request r;
    r.path = m_options.downloadDir + "/";
    r.field = field;
    r.noBody = true;
    r.quote = {"rm \"" + path + "\""};
    return perform(r);
}

core::Result<std::string> SftpTransport::submit(const core::ClaimBatch& batch, const std::string& x12)
{
    const std::string name = batch.id + ".837";
    auto present = [&]() -> core::Result<bool> {
        auto names = list(m_options.uploadDir, "upload_dir");
        if (!names)
            return std::unexpected(names.error());
        return std::binary_search(names->begin(), names->end(), name);
    };
    auto before = present();
    if (before && *before)
        return std::string(); // sent before; the answer was lost
    // A folder this account may write but not list is no reason to hold the batch back.
    if (!before && before.error().code != ErrorCode::ProtocolError)
        return std::unexpected(before.error());
    if (core::Status s = upload(m_options.uploadDir, name, x12); !s) {
        // A rename refused because the file is there now: the same batch, sent from here a moment ago.
        if (s.error().code == ErrorCode::ProtocolError) {
            auto after = present();
            if (after && *after)
                return std::string();
        }
        return std::unexpected(s.error());
    }
    return std::string();
}

core::Result<std::optional<AnswerFile>> SftpTransport::nextAnswer()
{
    if (!m_listed) {
        auto names = list(m_options.downloadDir, "download_dir");
        if (!names)
            return std::unexpected(names.error());
        std::vector<AnswerFile> first, then;
        for (const std::string& name : *names) {
            if (static_cast<int>(first.size() + then.size()) >= m_options.maxAnswersPerRun)
                break;
            auto content = download(joinPath(m_options.downloadDir, name), "download_dir");
            if (!content)
                return std::unexpected(content.error());
            (setOf(*content) == "999" ? first : then).push_back({name, std::move(*content)});
        }
        // A 999 before the 277CAs: the clearinghouse's answer to a batch comes before the payers'.
        for (auto& f : first)
            m_waiting.push_back(std::move(f));
        for (auto& f : then)
            m_waiting.push_back(std::move(f));
        m_listed = true;
    }
    if (m_waiting.empty()) {
        m_listed = false; // the next run looks again
        return std::optional<AnswerFile>();
    }
    AnswerFile next = std::move(m_waiting.front());
    m_waiting.pop_front();
    return std::optional<AnswerFile>(std::move(next));
}

core::Status SftpTransport::answered(const AnswerFile& file)
{
    return remove(joinPath(m_options.downloadDir, file.name), "download_dir");
}

} // namespace practica::sync

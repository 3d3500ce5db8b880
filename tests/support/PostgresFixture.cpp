#include "PostgresFixture.h"

#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <algorithm>
#include <arpa/inet.h>
#include <csignal>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace practica::test {

namespace {

constexpr int kToolTimeoutMs = 120'000;
constexpr int kStartTimeoutMs = 60'000;
constexpr int kStartAttempts = 3;
constexpr const char* kServerUser = "postgres";

bool isExecutable(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

QProcessEnvironment toolEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* var : {"PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGOPTIONS", "PGSERVICE", "PGDATA"})
        env.remove(var);
    return env;
}

} // namespace

QString PostgresFixture::findBinDir()
{
    const QString override = qEnvironmentVariable("PRACTICA_PG_BIN");
    if (!override.isEmpty())
        return isExecutable(override + "/initdb") ? override : QString();
    QDir root("/usr/lib/postgresql");
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString& a, const QString& b) { return a.toDouble() > b.toDouble(); });
    for (const QString& v : versions) {
        const QString bin = root.filePath(v + "/bin");
        if (isExecutable(bin + "/initdb") && isExecutable(bin + "/pg_ctl") && isExecutable(bin + "/postgres"))
            return bin;
    }
    const QString initdb = QStandardPaths::findExecutable("initdb");
    if (!initdb.isEmpty() && isExecutable(QFileInfo(initdb).absolutePath() + "/postgres"))
        return QFileInfo(initdb).absolutePath();
    return {};
}

PostgresFixture::PostgresFixture(const std::string& database) : m_binDir(findBinDir()), m_database(database)
{
    if (m_binDir.isEmpty()) {
        m_error = "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found under /usr/lib/postgresql/*/bin "
                  "or on PATH; install the postgresql package or set PRACTICA_PG_BIN";
        return;
    }
    if (!start())
        return;
    if (createDatabase(m_database).empty())
        return;
    m_running = true;
}

PostgresFixture::~PostgresFixture()
{
    stop();
}

std::string PostgresFixture::uri(const std::string& database) const
{
    return "postgresql://postgres@127.0.0.1:" + std::to_string(m_port) + "/" + database;
}

bool PostgresFixture::prepareDirectory()
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + "/practica-pg-XXXXXX");
    if (!m_dir->isValid()) {
        m_error = "cannot create a temporary folder: " + m_dir->errorString();
        return false;
    }
    m_dataDir = m_dir->filePath("data");
    if (::geteuid() != 0)
        return true;
    const passwd* pw = ::getpwnam(kServerUser);
    if (!pw) {
        m_error = "running as root, and there is no postgres system user to run the server as";
        return false;
    }
    m_account.switchUser = true;
    m_account.uid = pw->pw_uid;
    m_account.gid = pw->pw_gid;
    int count = 32;
    m_account.groups.resize(static_cast<std::size_t>(count));
    if (::getgrouplist(kServerUser, pw->pw_gid, m_account.groups.data(), &count) < 0) {
        m_account.groups.resize(static_cast<std::size_t>(count));
        ::getgrouplist(kServerUser, pw->pw_gid, m_account.groups.data(), &count);
    }
    m_account.groups.resize(static_cast<std::size_t>(count));
    // The temporary folder (under /tmp, which everyone may enter) becomes the server's.
    if (::chown(QFile::encodeName(m_dir->path()).constData(), m_account.uid, m_account.gid) != 0) {
        m_error = "cannot hand the temporary folder to the postgres user";
        return false;
    }
    return true;
}

bool PostgresFixture::writeSettings()
{
    QFile conf(m_dataDir + "/postgresql.conf");
    if (!conf.open(QIODevice::Append | QIODevice::Text)) {
        m_error = "cannot write postgresql.conf: " + conf.errorString();
        return false;
    }
    // Later lines win, so a retry with another port just appends. Durability is not under test.
    const QString settings = QString("\nlisten_addresses = '127.0.0.1'\n"
                                     "port = %1\n"
                                     "unix_socket_directories = '%2'\n"
                                     "max_connections = 100\n"
                                     "shared_buffers = 32MB\n"
                                     "fsync = off\n"
                                     "synchronous_commit = off\n"
                                     "full_page_writes = off\n")
                                 .arg(m_port)
                                 .arg(m_dir->path());
    return conf.write(settings.toUtf8()) > 0;
}

bool PostgresFixture::start()
{
    if (!prepareDirectory())
        return false;
    if (!run("initdb",
             {"-D", m_dataDir, "-U", kServerUser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"}, true))
        return false;
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        m_port = freeLoopbackPort();
        if (m_port == 0) {
            m_error = "cannot find a free TCP port on 127.0.0.1";
            return false;
        }
        if (!writeSettings())
            return false;
        if (launchServer())
            return true;
    }
    return false;
}

// Started directly rather than through pg_ctl, which would leave the server orphaned: as a child it
// can be told to quit when the test process dies, and its exit is reaped here.
bool PostgresFixture::launchServer()
{
    m_server = std::make_unique<QProcess>();
    const QString log = m_dir->filePath("server.log");
    m_server->setStandardOutputFile(log, QIODevice::Append);
    m_server->setStandardErrorFile(log, QIODevice::Append);
    prepare(*m_server, true, true);
    m_server->start(QDir(m_binDir).filePath("postgres"), {"-D", m_dataDir});
    if (!m_server->waitForStarted()) {
        m_error = "cannot start postgres: " + m_server->errorString();
        m_server.reset();
        return false;
    }
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_server->waitForFinished(100)) {
            m_error = "postgres exited while starting:\n" + logTail();
            m_server.reset();
            return false;
        }
        QProcess probe;
        probe.setProcessEnvironment(toolEnvironment());
        probe.start(QDir(m_binDir).filePath("pg_isready"),
                    {"-q", "-h", "127.0.0.1", "-p", QString::number(m_port), "-U", kServerUser});
        if (probe.waitForFinished(10'000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return true;
    }
    m_error = "postgres did not accept connections in time:\n" + logTail();
    stop();
    return false;
}

void PostgresFixture::stop()
{
    if (!m_server)
        return;
    if (m_server->state() != QProcess::NotRunning) {
        const bool stopped = run("pg_ctl", {"-D", m_dataDir, "-m", "fast", "-w", "-t", "60", "stop"}, true);
        if (!stopped && m_server->processId() > 0)
            ::kill(static_cast<pid_t>(m_server->processId()), SIGQUIT); // immediate shutdown
        if (!m_server->waitForFinished(stopped ? 60'000 : 10'000)) {
            m_server->kill();
            m_server->waitForFinished(5'000);
        }
    }
    m_server.reset();
}

std::string PostgresFixture::createDatabase(const std::string& name)
{
    static const QRegularExpression identifier("^[a-z_][a-z0-9_]{0,62}$");
    if (!identifier.match(QString::fromStdString(name)).hasMatch()) {
        m_error = "not a database name for the fixture: " + QString::fromStdString(name);
        return {};
    }
    if (!run("createdb",
             {"-h", "127.0.0.1", "-p", QString::number(m_port), "-U", kServerUser, "-w", QString::fromStdString(name)},
             false))
        return {};
    return uri(name);
}

void PostgresFixture::prepare(QProcess& process, bool asServer, bool dieWithTest) const
{
    // The tools chdir back to where they were started; the postgres user may not enter the caller's folder.
    process.setWorkingDirectory(m_dir->path());
    process.setProcessEnvironment(toolEnvironment());
    if (!asServer || (!m_account.switchUser && !dieWithTest))
        return;
    // Runs in the child between fork and exec: system calls only, on data copied beforehand. The
    // parent-death signal is set after the user switch, which would clear it.
    const Account account = m_account;
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([account, parent, dieWithTest] {
        if (account.switchUser && (::setgroups(account.groups.size(), account.groups.data()) != 0 ||
                                   ::setgid(account.gid) != 0 || ::setuid(account.uid) != 0))
            ::_exit(126);
        if (dieWithTest && (::prctl(PR_SET_PDEATHSIG, SIGQUIT) != 0 || ::getppid() != parent))
            ::_exit(1);
    });
}

bool PostgresFixture::run(const QString& tool, const QStringList& args, bool asServer)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    prepare(process, asServer, false);
    process.start(QDir(m_binDir).filePath(tool), args);
    const bool finished = process.waitForFinished(kToolTimeoutMs);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    if (!finished) {
        process.kill();
        process.waitForFinished(5'000);
    }
    m_error = tool + " " + args.join(' ') + " failed: " + QString::fromLocal8Bit(process.readAll()).trimmed();
    return false;
}

QString PostgresFixture::logTail() const
{
    QFile log(m_dir->filePath("server.log"));
    if (!log.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromLocal8Bit(log.readAll().right(2000));
}

} // namespace practica::test

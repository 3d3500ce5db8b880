#include "PostgresFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>
#include <algorithm>
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace practica::test {

namespace {

constexpr int kToolTimeoutMs = 120'000;
constexpr int kStartAttempts = 3;
constexpr const char* kServerUser = "postgres";

bool isRoot()
{
    return geteuid() == 0;
}

// A port nobody listens on right now. Another process may take it before the server binds it, so
// start() tries again with a new port when the server fails to start.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

bool isExecutable(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
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
        if (isExecutable(bin + "/initdb") && isExecutable(bin + "/pg_ctl"))
            return bin;
    }
    const QString initdb = QStandardPaths::findExecutable("initdb");
    if (!initdb.isEmpty() && isExecutable(QFileInfo(initdb).absolutePath() + "/pg_ctl"))
        return QFileInfo(initdb).absolutePath();
    return {};
}

PostgresFixture::PostgresFixture(const std::string& database) : m_binDir(findBinDir()), m_database(database)
{
    if (m_binDir.isEmpty()) {
        m_error = "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or on "
                  "PATH; install the postgresql package or set PRACTICA_PG_BIN";
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
    if (!isRoot())
        return true;
    const passwd* pw = ::getpwnam(kServerUser);
    if (!pw) {
        m_error = "running as root, and there is no postgres system user to run the server as";
        return false;
    }
    if (::chown(QFile::encodeName(m_dir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
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
        m_port = freePort();
        if (m_port == 0) {
            m_error = "cannot find a free TCP port on 127.0.0.1";
            return false;
        }
        if (!writeSettings())
            return false;
        if (run("pg_ctl", {"-D", m_dataDir, "-l", m_dir->filePath("server.log"), "-w", "-t", "60", "start"}, true))
            return true;
        m_error += "\n" + logTail();
    }
    return false;
}

void PostgresFixture::stop()
{
    if (!m_dir || !QFile::exists(m_dataDir + "/postmaster.pid"))
        return;
    if (run("pg_ctl", {"-D", m_dataDir, "-m", "fast", "-w", "-t", "60", "stop"}, true))
        return;
    // pg_ctl could not stop it: do not leave a server running after the test.
    QFile pidFile(m_dataDir + "/postmaster.pid");
    if (!pidFile.open(QIODevice::ReadOnly))
        return;
    const pid_t pid = static_cast<pid_t>(pidFile.readLine().trimmed().toLong());
    if (pid <= 0)
        return;
    ::kill(pid, SIGQUIT);
    for (int i = 0; i < 50 && ::kill(pid, 0) == 0; ++i)
        QThread::msleep(100);
    ::kill(pid, SIGKILL);
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

bool PostgresFixture::run(const QString& tool, const QStringList& args, bool asServer)
{
    QProcess process;
    // The tools chdir back to where they were started; the postgres user may not enter the caller's folder.
    process.setWorkingDirectory(m_dir->path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* var : {"PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGOPTIONS", "PGSERVICE", "PGDATA"})
        env.remove(var);
    process.setProcessEnvironment(env);
    const QString program = QDir(m_binDir).filePath(tool);
    if (asServer && isRoot()) {
        const QString setpriv = QStandardPaths::findExecutable("setpriv");
        if (!setpriv.isEmpty())
            process.start(setpriv, QStringList{QString("--reuid=") + kServerUser, QString("--regid=") + kServerUser,
                                               "--init-groups", "--", program} +
                                       args);
        else
            process.start("runuser", QStringList{"-u", kServerUser, "--", program} + args);
    } else {
        process.start(program, args);
    }
    const bool finished = process.waitForFinished(kToolTimeoutMs);
    if (!finished)
        process.kill();
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    m_error = tool + " " + args.join(' ') + " failed: " + QString::fromLocal8Bit(process.readAll()).trimmed();
    if (!finished)
        process.waitForFinished(5000);
    return false;
}

QString PostgresFixture::logTail() const
{
    QFile log(m_dir->filePath("server.log"));
    if (!log.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QByteArray text = log.readAll();
    return QString::fromLocal8Bit(text.right(2000));
}

} // namespace practica::test

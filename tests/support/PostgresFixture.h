// A private PostgreSQL server for one test: a fresh cluster in a temporary folder, listening on
// 127.0.0.1 at a free port (and on a Unix socket in that folder), stopped and deleted with the object.
// PostgreSQL refuses to run as root, so under root the server runs as the postgres system user.
// The server is this process's child and gets SIGQUIT if the test dies, so a crash leaves no server
// behind. Create and destroy it on one thread (the test's main thread).
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

class QProcess;

namespace practica::test {

class PostgresFixture
{
public:
    // Starts the server and creates database (a lower-case identifier).
    explicit PostgresFixture(const std::string& database = "practica_test");
    ~PostgresFixture();
    PostgresFixture(const PostgresFixture&) = delete;
    PostgresFixture& operator=(const PostgresFixture&) = delete;

    // False when no PostgreSQL server binaries are installed: a test says PRACTICA_NEEDS_POSTGRES(error()).
    bool available() const { return !m_binDir.isEmpty(); }
    // True when the server is up and the database exists; otherwise error() says why.
    bool running() const { return m_running; }
    const QString& error() const { return m_error; }

    int port() const { return m_port; }
    // postgresql://postgres@127.0.0.1:PORT/DATABASE
    std::string conninfo() const { return uri(m_database); }
    std::string uri(const std::string& database) const;
    // Creates another empty database and returns its URI, or an empty string (see error()).
    std::string createDatabase(const std::string& name);

    // The folder holding initdb and pg_ctl (the newest /usr/lib/postgresql/*/bin, or PATH), or empty.
    static QString findBinDir();

private:
    // Whom the server's processes run as: the postgres user under root, else this process's user.
    struct Account
    {
        bool switchUser = false;
        uid_t uid = 0;
        gid_t gid = 0;
        std::vector<gid_t> groups;
    };

    bool start();
    bool launchServer();
    void stop();
    bool prepareDirectory();
    bool writeSettings();
    // Runs a PostgreSQL tool to its end; asServer runs it as the server's account.
    bool run(const QString& tool, const QStringList& args, bool asServer);
    void prepare(QProcess& process, bool asServer, bool dieWithTest) const;
    QString logTail() const;

    QString m_binDir;
    Account m_account;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_server;
    QString m_dataDir;
    std::string m_database;
    int m_port = 0;
    bool m_running = false;
    QString m_error;
};

} // namespace practica::test

// A test that needs PostgreSQL where none is installed: skipped on a developer's machine, failed under
// the ci preset (PRACTICA_REQUIRE_POSTGRES), where CTest would count a skip as a pass.
#ifdef PRACTICA_REQUIRE_POSTGRES
#define PRACTICA_NEEDS_POSTGRES(why) QFAIL(qPrintable(why))
#else
#define PRACTICA_NEEDS_POSTGRES(why) QSKIP(qPrintable(why))
#endif

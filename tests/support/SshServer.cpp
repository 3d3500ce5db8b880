#include "SshServer.h"

#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <csignal>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace practica::test {

namespace {

constexpr const char* kSshd = "/usr/sbin/sshd";
constexpr int kStartTimeoutMs = 15'000;

} // namespace

SshServer::SshServer() : m_dir(std::make_unique<QTemporaryDir>())
{
    if (const passwd* pw = ::getpwuid(::getuid()))
        m_user = pw->pw_name;
    start();
}

SshServer::~SshServer()
{
    stop();
}

std::string SshServer::keyFile() const
{
    return m_dir->filePath("client").toStdString();
}

std::string SshServer::unknownKeyFile() const
{
    return m_dir->filePath("stranger").toStdString();
}

bool SshServer::keygen(const QString& name, const QString& passphrase)
{
    QProcess p;
    p.start("ssh-keygen", {"-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", m_dir->filePath(name)});
    if (!p.waitForFinished(30'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = "ssh-keygen failed for " + name + ": " + QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    return true;
}

QString SshServer::fingerprint(const QString& name)
{
    QProcess p;
    p.start("ssh-keygen", {"-l", "-E", "sha256", "-f", m_dir->filePath(name + ".pub")});
    if (!p.waitForFinished(30'000) || p.exitCode() != 0)
        return {};
    // "256 SHA256:xxxx comment (ED25519)"
    const QStringList parts = QString::fromUtf8(p.readAllStandardOutput()).split(' ');
    return parts.size() > 1 ? parts[1] : QString();
}

bool SshServer::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool SshServer::start()
{
    if (running())
        return true;
    m_error.clear();
    if (!QFile::exists(kSshd)) {
        m_error = "sshd is not installed (openssh-server; installer/install-deps.sh installs it)";
        return false;
    }
    if (!m_dir->isValid()) {
        m_error = "no temporary folder";
        return false;
    }
    if (!m_prepared) {
        if (!keygen("host", "") || !keygen("other", "") || !keygen("client", kPassphrase) ||
            !keygen("stranger", kPassphrase))
            return false;
        m_hostKey = fingerprint("host").toStdString();
        m_otherHostKey = fingerprint("other").toStdString();
        QFile::copy(m_dir->filePath("client.pub"), m_dir->filePath("authorized_keys"));
        m_prepared = true;
    }
    // sshd run by root separates privileges into /run/sshd, which a machine without a running sshd lacks.
    if (::geteuid() == 0 && !QDir("/run/sshd").exists())
        ::mkdir("/run/sshd", 0755);
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (m_port == 0 || attempt > 0)
            m_port = freeLoopbackPort();
        QFile config(m_dir->filePath("sshd_config"));
        if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_error = "cannot write sshd_config";
            return false;
        }
        config.write(QString("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nPidFile %3\nAuthorizedKeysFile %4\n"
                             "StrictModes no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                             "UsePAM no\nPermitRootLogin prohibit-password\nAllowUsers %5\n"
                             "Subsystem sftp internal-sftp\nForceCommand internal-sftp\nLogLevel VERBOSE\n")
                         .arg(m_port)
                         .arg(m_dir->filePath("host"), m_dir->filePath("sshd.pid"), m_dir->filePath("authorized_keys"),
                              QString::fromStdString(m_user))
                         .toUtf8());
        config.close();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        const pid_t parent = ::getpid();
        m_process->setChildProcessModifier([parent] {
            if (::prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || ::getppid() != parent)
                ::_exit(1);
        });
        m_process->start(kSshd, {"-D", "-e", "-f", config.fileName()});
        QByteArray log;
        QDeadlineTimer deadline(kStartTimeoutMs);
        while (!deadline.hasExpired() && m_process->state() != QProcess::NotRunning &&
               !log.contains("Server listening on")) {
            m_process->waitForReadyRead(200);
            log += m_process->readAll();
        }
        if (log.contains("Server listening on"))
            return true;
        m_error = "sshd did not start: " + QString::fromUtf8(log);
        stop();
    }
    return false;
}

void SshServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10'000)) {
            m_process->kill();
            m_process->waitForFinished(5'000);
        }
    }
    m_process.reset();
}

} // namespace practica::test

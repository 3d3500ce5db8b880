// A private OpenSSH server for one test, serving SFTP only on 127.0.0.1 at a free port: its own host key,
// one authorized client key (with a passphrase), public-key sign-in as this process's user. Paths are the
// machine's own (a test passes absolute folders in its temporary directory). The server is this process's
// child and gets SIGTERM if the test dies. sshd must be installed (openssh-server, installer/install-deps.sh);
// under root it needs /run/sshd, which start() makes.
#pragma once

#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <string>

class QProcess;

namespace practica::test {

class SshServer
{
public:
    SshServer();
    ~SshServer();
    SshServer(const SshServer&) = delete;
    SshServer& operator=(const SshServer&) = delete;

    // Starts (again, on the same port and keys) after stop(); false with error() saying why.
    bool start();
    void stop();
    bool running() const;
    const QString& error() const { return m_error; }

    int port() const { return m_port; }
    std::string endpoint() const { return "sftp://127.0.0.1:" + std::to_string(m_port); }
    std::string userName() const { return m_user; }
    // The host key's fingerprint as ssh-keygen -l prints it (SHA256:...).
    std::string hostKey() const { return m_hostKey; }
    // Another key's fingerprint: what a server in the middle would show.
    std::string otherHostKey() const { return m_otherHostKey; }
    // The authorized client key (OpenSSH format) and its passphrase; a key the server does not know.
    std::string keyFile() const;
    static constexpr const char* kPassphrase = "sftp key passphrase";
    std::string unknownKeyFile() const;

private:
    bool keygen(const QString& name, const QString& passphrase);
    QString fingerprint(const QString& name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
    int m_port = 0;
    std::string m_user;
    std::string m_hostKey;
    std::string m_otherHostKey;
    bool m_prepared = false;
};

} // namespace practica::test

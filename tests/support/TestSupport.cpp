#include "TestSupport.h"

#include "core/auth/UserStore.h"
#include "words/ErrorWords.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace practica::test {

core::Clinic sampleClinic()
{
    core::Clinic c;
    c.name = "Riverside Family Practice";
    c.npi = "1234567893";
    c.taxId = "12-3456789";
    c.addressLine1 = "100 Main Street";
    c.city = "Springfield";
    c.state = "IL";
    c.zip = "62701";
    c.phone = "(217) 555-0100";
    c.timeZone = "America/Chicago";
    return c;
}

TempClinic::TempClinic(core::KdfCost cost) : m_cost(cost)
{
    m_path = QDir(m_dir.path()).filePath("clinic.db").toStdString();
    auto session =
        core::Vault::createClinic(m_path, sampleClinic(), {"admin", "Ada Admin", kAdminPassword}, m_clock, m_cost);
    if (!session)
        qFatal("cannot create test clinic: %s", words::errorSentence(session.error()).c_str());
    m_admin = std::move(*session);
}

std::string TempClinic::dir() const
{
    return m_dir.path().toStdString();
}

std::unique_ptr<core::Session> TempClinic::addAndLogin(const std::string& username, core::Role role,
                                                       const std::string& password)
{
    auto user = core::UserStore(*m_admin).add(username, "Test " + username, role, password, m_cost);
    if (!user)
        qFatal("cannot add user: %s", words::errorSentence(user.error()).c_str());
    return login(username, password);
}

std::unique_ptr<core::Session> TempClinic::login(const std::string& username, const std::string& password)
{
    auto session = core::Vault::unlock(m_path, username, password, m_clock);
    if (!session)
        return nullptr;
    return std::move(*session);
}

QString binaryPath(const QString& name)
{
    const QByteArray dir = qgetenv("PRACTICA_BIN_DIR");
    if (!dir.isEmpty())
        return QDir(QString::fromLocal8Bit(dir)).filePath(name);
    return QDir(QCoreApplication::applicationDirPath()).filePath("../../bin/" + name);
}

int freeLoopbackPort()
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

} // namespace practica::test

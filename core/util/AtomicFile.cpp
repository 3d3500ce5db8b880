#include "AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace practica::core {

namespace {
Error ioError(int err, const std::string& path)
{
    if (err == ENOSPC || err == EDQUOT)
        return Error::make(ErrorCode::DiskFull, path);
    if (err == EACCES || err == EROFS || err == EPERM)
        return Error::make(ErrorCode::ReadOnly, path, std::strerror(err));
    return Error::make(ErrorCode::Io, path, std::strerror(err));
}
} // namespace

Status writeFileAtomically(const std::string& path, std::string_view content)
{
    const std::filesystem::path target(path);
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return std::unexpected(ioError(errno, path));
    ::fchmod(fd, 0600);
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            return std::unexpected(ioError(err, path));
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return std::unexpected(ioError(err, path));
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return std::unexpected(ioError(err, path));
    }
    const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

} // namespace practica::core

#include "io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/errors.h"

namespace cs {

static std::string sysError() { return std::strerror(errno); }

void writeFileAtomically(const std::string& path, const std::string& bytes) {
    std::string tmpl = path + ".tmp-XXXXXX";
    const int fd = mkstemp(tmpl.data());
    if (fd < 0) throw FileError("cannot write '" + path + "': " + sysError());
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = sysError();
            ::close(fd);
            ::unlink(tmpl.c_str());
            throw FileError("cannot write '" + path + "': " + why);
        }
        done += static_cast<std::size_t>(n);
    }
    fchmod(fd, 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string why = sysError();
        ::unlink(tmpl.c_str());
        throw FileError("cannot write '" + path + "': " + why);
    }
    if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
        const std::string why = sysError();
        ::unlink(tmpl.c_str());
        throw FileError("cannot replace '" + path + "': " + why);
    }
}

std::string readWholeFile(const std::string& path, std::size_t maxBytes) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw FileError("cannot open '" + path + "': " + sysError());
    if (S_ISDIR(st.st_mode)) throw FileError("'" + path + "' is a folder, not a file");
    // Checked before opening: opening a FIFO blocks until a writer comes, a device never ends.
    if (!S_ISREG(st.st_mode))
        throw FileError(msg("file.not_regular_quoted",
                            "'{file}' is not a regular file (a named pipe, device or socket)", {{"file", path}}));
    if (static_cast<std::size_t>(st.st_size) > maxBytes)
        throw FileError("'" + path + "' is " + std::to_string(st.st_size) + " bytes, more than the " +
                        std::to_string(maxBytes) + " this reader accepts");
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw FileError("cannot open '" + path + "': " + sysError());
    std::string data(static_cast<std::size_t>(st.st_size), '\0');
    const std::size_t got = std::fread(data.data(), 1, data.size(), f);
    std::fclose(f);
    if (got != data.size())
        throw FileError("cannot read '" + path + "': read " + std::to_string(got) + " of " +
                        std::to_string(data.size()) + " bytes");
    return data;
}

}  // namespace cs

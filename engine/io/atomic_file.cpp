#include "io/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

#include "core/errors.h"

namespace cs {

namespace {

constexpr const char* kTemporaryInfix = ".tmp-";
constexpr std::size_t kTemporarySuffixLength = 6;  // mkstemp's XXXXXX

std::string sysError() { return std::strerror(errno); }

Message cannotWrite(const std::string& path, const std::string& why) {
    return msg("file.cannot_write", "cannot write '{file}': {reason}", {{"file", path}, {"reason", why}});
}

Message cannotRead(const std::string& path, const std::string& why) {
    return msg("file.cannot_read", "cannot read '{file}': {reason}", {{"file", path}, {"reason", why}});
}

// A file descriptor closed on every path out.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

std::string folderOf(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string nameOf(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// `entry` is `<name>.tmp-` followed by exactly mkstemp's six letters or digits.
bool isTemporaryOf(const std::string& entry, const std::string& name) {
    const std::string prefix = name + kTemporaryInfix;
    if (entry.size() != prefix.size() + kTemporarySuffixLength || entry.compare(0, prefix.size(), prefix) != 0)
        return false;
    for (std::size_t i = prefix.size(); i < entry.size(); ++i) {
        const char c = entry[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

// Removes `candidate` if it is our regular file and no live writer holds its lock.
bool removeIfAbandoned(const std::string& candidate) {
    Fd fd(::open(candidate.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) return false;
    struct stat opened {};
    if (::fstat(fd.get(), &opened) != 0 || !S_ISREG(opened.st_mode) || opened.st_uid != ::geteuid()) return false;
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) return false;  // a writer is alive and holds it
    // Still the same file under that name (not renamed into place meanwhile)?
    struct stat named {};
    if (::lstat(candidate.c_str(), &named) != 0 || named.st_ino != opened.st_ino || named.st_dev != opened.st_dev)
        return false;
    return ::unlink(candidate.c_str()) == 0;
}

// The folder's entry reaches the disk too, so the renamed file survives a power loss.
void syncFolder(const std::string& folder) {
    Fd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() >= 0) ::fsync(fd.get());
}

}  // namespace

int removeAbandonedTemporaries(const std::string& path) {
    const std::string folder = folderOf(path), name = nameOf(path);
    if (name.empty()) return 0;
    std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(folder.c_str()), ::closedir);
    if (!dir) return 0;
    int removed = 0;
    while (const dirent* entry = ::readdir(dir.get()))
        if (isTemporaryOf(entry->d_name, name) && removeIfAbandoned(folder + "/" + entry->d_name)) ++removed;
    return removed;
}

void writeFileAtomically(const std::string& path, const std::string& bytes) {
    removeAbandonedTemporaries(path);
    std::string tmp;
    int rawFd = -1;
    // A cleaner in another process may take the new file's lock before we do and remove it as
    // abandoned; then its name is gone (no links left) and we start again with a new one.
    for (int attempt = 0; rawFd < 0; ++attempt) {
        tmp = path + kTemporaryInfix + "XXXXXX";
        Fd fd(::mkostemp(tmp.data(), O_CLOEXEC));
        if (fd.get() < 0) throw FileError(cannotWrite(path, sysError()));
        struct stat st {};
        if (::flock(fd.get(), LOCK_EX) != 0 || ::fstat(fd.get(), &st) != 0) {
            const std::string why = sysError();
            ::unlink(tmp.c_str());
            throw FileError(cannotWrite(path, why));
        }
        if (st.st_nlink > 0)
            rawFd = fd.release();
        else if (attempt == 10)
            throw FileError(msg("file.temporary_vanishes",
                                "cannot write '{file}': its temporary file keeps disappearing", {{"file", path}}));
    }
    Fd fd(rawFd);
    auto fail = [&](bool replacing) {
        const std::string why = sysError();
        ::unlink(tmp.c_str());
        if (replacing)
            throw FileError(
                msg("file.cannot_replace", "cannot replace '{file}': {reason}", {{"file", path}, {"reason", why}}));
        throw FileError(cannotWrite(path, why));
    };
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(false);
        }
        done += static_cast<std::size_t>(n);
    }
    ::fchmod(fd.get(), 0644);
    if (::fsync(fd.get()) != 0) fail(false);
    // Renamed while still locked: until then a cleaner sees a live writer.
    if (std::rename(tmp.c_str(), path.c_str()) != 0) fail(true);
    if (::close(fd.release()) != 0) throw FileError(cannotWrite(path, sysError()));
    syncFolder(folderOf(path));
}

std::string readWholeFile(const std::string& path, std::size_t maxBytes) {
    removeAbandonedTemporaries(path);
    // Non-blocking open: a FIFO would otherwise wait for a writer forever.
    Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == EISDIR)
            throw FileError(msg("file.is_folder", "'{file}' is a folder, not a file", {{"file", path}}));
        throw FileError(
            msg("file.cannot_open", "cannot open '{file}': {reason}", {{"file", path}, {"reason", sysError()}}));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throw FileError(cannotRead(path, sysError()));
    if (S_ISDIR(st.st_mode))
        throw FileError(msg("file.is_folder", "'{file}' is a folder, not a file", {{"file", path}}));
    // Regular files only: a device never ends, a socket or FIFO is no saved file.
    if (!S_ISREG(st.st_mode))
        throw FileError(msg("file.not_regular_quoted",
                            "'{file}' is not a regular file (a named pipe, device or socket)", {{"file", path}}));
    if (static_cast<std::size_t>(st.st_size) > maxBytes)
        throw FileError(
            msg("file.too_large", "'{file}' is {bytes} bytes, more than the {limit} this reader accepts",
                {{"file", path}, {"bytes", std::to_string(st.st_size)}, {"limit", std::to_string(maxBytes)}}));
    std::string data(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t got = 0;
    while (got < data.size()) {
        const ssize_t n = ::read(fd.get(), data.data() + got, data.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw FileError(cannotRead(path, sysError()));
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got != data.size())
        throw FileError(msg("file.short_read", "cannot read '{file}': read {got} of {bytes} bytes",
                            {{"file", path}, {"got", std::to_string(got)}, {"bytes", std::to_string(data.size())}}));
    return data;
}

}  // namespace cs

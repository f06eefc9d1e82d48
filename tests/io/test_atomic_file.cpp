// Atomic writes and whole-file reads (engine/io/atomic_file): abandoned temporaries of a killed
// save are removed by the next save or read of the same file, a live writer's temporary (locked)
// and every other file are left alone, and special files are refused instead of read.
#include <QtTest>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>

#include "core/errors.h"
#include "io/atomic_file.h"

using namespace cs;

class TestAtomicFile : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    std::string path(const QString& name) const { return dir_.filePath(name).toStdString(); }
    bool exists(const QString& name) const { return QFileInfo::exists(dir_.filePath(name)); }
    void touch(const QString& name) const { std::ofstream(path(name)) << "half a model"; }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void abandonedTemporariesGoOnTheNextSaveAndRead() {
        // What a killed save leaves: its temporary, no lock held (the kernel dropped it).
        touch(QStringLiteral("m.csmodel.tmp-Ab3dE9"));
        touch(QStringLiteral("m.csmodel.tmp-zz0000"));
        // Not ours, or not of this file: kept.
        touch(QStringLiteral("m.csmodel.tmp-short"));
        touch(QStringLiteral("m.csmodel.tmp-toolong7"));
        touch(QStringLiteral("other.csmodel.tmp-Ab3dE9"));
        touch(QStringLiteral("m.csmodel.bak"));
        writeFileAtomically(path(QStringLiteral("m.csmodel")), "model");
        QVERIFY(!exists(QStringLiteral("m.csmodel.tmp-Ab3dE9")));
        QVERIFY(!exists(QStringLiteral("m.csmodel.tmp-zz0000")));
        for (const char* kept :
             {"m.csmodel.tmp-short", "m.csmodel.tmp-toolong7", "other.csmodel.tmp-Ab3dE9", "m.csmodel.bak"})
            QVERIFY2(exists(QString::fromLatin1(kept)), kept);
        QCOMPARE(readWholeFile(path(QStringLiteral("m.csmodel"))), std::string("model"));

        touch(QStringLiteral("m.csmodel.tmp-Qw12er"));
        QCOMPARE(readWholeFile(path(QStringLiteral("m.csmodel"))), std::string("model"));
        QVERIFY(!exists(QStringLiteral("m.csmodel.tmp-Qw12er")));
    }

    void aLiveWritersTemporaryStays() {
        // Another process saving the same file right now holds the lock on its temporary.
        touch(QStringLiteral("shared.csmodel.tmp-L1ve00"));
        const int fd = ::open(path(QStringLiteral("shared.csmodel.tmp-L1ve00")).c_str(), O_RDWR);
        QVERIFY(fd >= 0);
        QCOMPARE(::flock(fd, LOCK_EX), 0);
        // flock() locks belong to the open file, so this process's own second open is refused
        // the lock just as another process would be.
        writeFileAtomically(path(QStringLiteral("shared.csmodel")), "ours");
        QCOMPARE(removeAbandonedTemporaries(path(QStringLiteral("shared.csmodel"))), 0);
        QVERIFY(exists(QStringLiteral("shared.csmodel.tmp-L1ve00")));
        ::close(fd);  // the writer died
        QCOMPARE(removeAbandonedTemporaries(path(QStringLiteral("shared.csmodel"))), 1);
        QVERIFY(!exists(QStringLiteral("shared.csmodel.tmp-L1ve00")));
        QCOMPARE(readWholeFile(path(QStringLiteral("shared.csmodel"))), std::string("ours"));
    }

    void aSaveLeavesNoTemporaryAndReplacesTheFile() {
        const std::string file = path(QStringLiteral("replace.csmodel"));
        writeFileAtomically(file, "first");
        writeFileAtomically(file, "second");
        QCOMPARE(readWholeFile(file), std::string("second"));
        QCOMPARE(QDir(dir_.path()).entryList({QStringLiteral("replace.csmodel*")}, QDir::Files).size(), 1);
    }

    void specialFilesAreRefusedNotRead() {
        const std::string fifo = path(QStringLiteral("pipe.csmodel"));
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        try {
            readWholeFile(fifo);  // would block for ever without a writer if it were opened for reading
            QFAIL("a FIFO was read");
        } catch (const FileError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("pipe.csmodel")), e.what());
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("named pipe")), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(FileError, readWholeFile("/dev/zero"));
        QVERIFY_THROWS_EXCEPTION(FileError, readWholeFile(dir_.path().toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"

// Image folders written with OpenCV: class folders, a train/val/test level, and every bad-input
// case from issue #3 (corrupt files, image-named directories, empty folders, a single class,
// mixed sizes and channels, non-ASCII paths, permissions, cancellation).
#include <QProcess>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "data/data_source.h"
#include "data/image_folder_loader.h"
#include "data_test_helpers.h"

using namespace cs;
namespace fs = std::filesystem;

class TestImageFolderLoader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::string path(const std::string& name) const {
        return dir_.filePath(QString::fromStdString(name)).toStdString();
    }

    // A BGR or gray image whose pixels encode `value`.
    static void writeImage(const std::string& file, int h, int w, int channels, int value) {
        fs::create_directories(fs::path(file).parent_path());
        cv::Mat img(h, w, CV_8UC(channels), cv::Scalar::all(value));
        QVERIFY(cv::imwrite(file, img));
    }

    static bool hasProblem(const DataSplits& s, const std::string& pathPart, const std::string& msgPart) {
        for (const auto& p : s.problems)
            if (p.path.find(pathPart) != std::string::npos && p.message.find(msgPart) != std::string::npos) return true;
        return false;
    }

    static std::string fileErrorOf(const std::function<void()>& f) {
        try {
            f();
        } catch (const FileError& e) {
            return e.what();
        }
        return "no FileError";
    }

private slots:
    void classFolders() {
        const std::string root = path("basic");
        for (int i = 0; i < 3; ++i) writeImage(root + "/cat/" + std::to_string(i) + ".png", 8, 8, 1, 10 + i);
        for (int i = 0; i < 2; ++i) writeImage(root + "/dog/" + std::to_string(i) + ".jpg", 8, 8, 1, 200);
        writeImage(root + "/dog/extra.BMP", 8, 8, 1, 200);
        testdata::writeBytes(root + "/dog/notes.txt", {'h', 'i'});  // not an image type: ignored
        const DataSplits s = loadImageFolder(root);
        QVERIFY(s.train.classNames == (std::vector<std::string>{"cat", "dog"}));
        QCOMPARE(s.train.size(), std::size_t(6));
        QCOMPARE(s.train.height, 8);
        QCOMPARE(s.train.channels, 1);
        // Samples go by file name across the classes (ties: class order).
        const char* expected[] = {"dog/0.jpg", "cat/0.png", "dog/1.jpg", "cat/1.png", "cat/2.png", "dog/extra.BMP"};
        for (int i = 0; i < 6; ++i)
            QVERIFY2(s.train.sourceOf(i).find(expected[i]) != std::string::npos, s.train.sourceOf(i).c_str());
        QCOMPARE(int(s.train.labels[0]), 1);
        QCOMPARE(int(s.train.labels[1]), 0);
        QCOMPARE(int(s.train.image(4)[5]), 12);
        QVERIFY(s.problems.empty());
        QVERIFY(s.test.labels.empty());
        QCOMPARE(detectDataFormat(root), DataFormat::ImageFolder);
    }

    void splitLevel() {
        const std::string root = path("splits");
        writeImage(root + "/train/a/0.png", 6, 6, 3, 50);
        writeImage(root + "/train/b/0.png", 6, 6, 3, 60);
        writeImage(root + "/train/b/1.png", 6, 6, 3, 60);
        writeImage(root + "/val/a/0.png", 6, 6, 3, 70);
        writeImage(root + "/test/b/0.png", 6, 6, 3, 80);
        writeImage(root + "/test/c/0.png", 6, 6, 3, 90);  // a class only the test set has
        const DataSplits s = loadImageFolder(root);
        QCOMPARE(s.train.size(), std::size_t(3));
        QCOMPARE(s.validation.size(), std::size_t(1));
        QCOMPARE(s.test.size(), std::size_t(2));
        QVERIFY(s.train.classNames == (std::vector<std::string>{"a", "b", "c"}));
        QVERIFY(s.test.classNames == s.train.classNames);
        QCOMPARE(int(s.test.labels[1]), 2);
        QCOMPARE(s.train.channels, 3);
    }

    void corruptAndOddFilesAreSkippedAndReported() {
        const std::string root = path("corrupt");
        writeImage(root + "/a/good.png", 5, 5, 1, 1);
        writeImage(root + "/b/good.png", 5, 5, 1, 2);
        testdata::writeBytes(root + "/a/broken.png", {0x89, 'P', 'N', 'G', 1, 2, 3});
        testdata::writeBytes(root + "/a/empty.jpg", {});
        fs::create_directories(root + "/b/folder.png");  // a directory named like an image
        writeImage(root + "/stray.png", 5, 5, 1, 3);     // not inside a class folder
        // A file that cannot be opened, testable as root (unlike chmod 000): a dangling link.
        fs::create_symlink(root + "/gone.png", root + "/b/dangling.png");
        const DataSplits s = loadImageFolder(root);
        QCOMPARE(s.train.size(), std::size_t(2));
        QVERIFY(hasProblem(s, "a/broken.png", "not a decodable image (7 bytes); skipped"));
        QVERIFY(hasProblem(s, "a/empty.jpg", "is empty"));
        QVERIFY(hasProblem(s, "b/folder.png", "is a directory"));
        QVERIFY(hasProblem(s, "stray.png", "not inside a class folder"));
        QVERIFY(hasProblem(s, "b/dangling.png", "cannot be opened: No such file or directory"));
        QCOMPARE(s.problems.size(), std::size_t(5));
    }

    // Special files are skipped by their type, never opened (a FIFO would block the open), and
    // a file too large for an image is skipped by its size, never read (a sparse 8 GB file).
    void specialAndHugeFilesAreSkipped() {
        const std::string root = path("special");
        writeImage(root + "/a/good.png", 5, 5, 1, 1);
        writeImage(root + "/b/good.png", 5, 5, 1, 2);
        QCOMPARE(::mkfifo((root + "/a/pipe.png").c_str(), 0600), 0);
        { std::ofstream(root + "/b/sparse.png"); }
        fs::resize_file(root + "/b/sparse.png", uint64_t{8} << 30);
        const DataSplits s = loadImageFolder(root);
        QCOMPARE(s.train.size(), std::size_t(2));
        QVERIFY(hasProblem(s, "a/pipe.png", "is a named pipe (FIFO), not an image file; skipped"));
        QVERIFY(hasProblem(s, "b/sparse.png", "is 8589934592 bytes, more than the limit of 268435456 bytes"));
        fs::remove(root + "/b/sparse.png");
    }

    // An image whose header promises more pixels than the limit is skipped before decoding.
    void hugeImageHeadersAreSkipped() {
        const std::string root = path("huge-headers");
        writeImage(root + "/a/good.png", 4, 4, 1, 1);
        writeImage(root + "/b/good.png", 4, 4, 1, 2);
        // A real PNG with its IHDR patched to 100000 x 100000 (about 30 GB decoded).
        std::vector<uchar> png;
        QVERIFY(cv::imencode(".png", cv::Mat(4, 4, CV_8UC1, cv::Scalar(9)), png));
        for (int i = 0; i < 2; ++i) {
            const uint32_t side = 100000;
            for (int k = 0; k < 4; ++k) png[16 + 4 * i + k] = static_cast<uchar>(side >> (24 - 8 * k));
        }
        testdata::writeBytes(root + "/a/huge.png", {png.begin(), png.end()});
        // A BMP whose info header says 60000 x 60000.
        std::vector<uchar> bmp;
        QVERIFY(cv::imencode(".bmp", cv::Mat(4, 4, CV_8UC3, cv::Scalar::all(9)), bmp));
        for (int at : {18, 22})
            for (int k = 0; k < 4; ++k) bmp[at + k] = static_cast<uchar>(60000u >> (8 * k));
        testdata::writeBytes(root + "/b/huge.bmp", {bmp.begin(), bmp.end()});
        // A file of another format (PPM) named like a PNG: OpenCV would decode it by content.
        const std::string ppm = "P5 60000 60000 255\n";
        testdata::writeBytes(root + "/b/other.png", {ppm.begin(), ppm.end()});
        const DataSplits s = loadImageFolder(root);
        QCOMPARE(s.train.size(), std::size_t(2));
        QVERIFY(hasProblem(s, "a/huge.png", "is a PNG of 100000x100000 pixels, more than the limit of 67108864"));
        QVERIFY(hasProblem(s, "b/huge.bmp", "is a BMP of 60000x60000 pixels"));
        QVERIFY(hasProblem(s, "b/other.png", "not a decodable image (19 bytes); skipped"));
        // The limit is the caller's.
        LoadOptions tight;
        tight.maxImagePixels = 15;
        QVERIFY(fileErrorOf([&] { loadImageFolder(root, tight); }).find("more than the limit of 15 pixels") !=
                std::string::npos);
    }

    // Class names go into JSON (model files, run records, dataset info --json), which holds only
    // UTF-8: a folder name that is not is refused up front, naming it with its bad bytes escaped.
    void nonUtf8ClassFolderIsRefusedUpFront() {
        const std::string root = path("latin1");
        writeImage(root + "/caf\xE9/1.png", 4, 4, 1, 1);
        writeImage(root + "/tea/1.png", 4, 4, 1, 2);
        const std::string error = fileErrorOf([&] { loadImageFolder(root); });
        QVERIFY2(
            error.find("caf\\xE9: the class folder name is not valid UTF-8; rename the folder") != std::string::npos,
            error.c_str());
        QVERIFY(nlohmann::json(error).dump().size() > 0);      // the message itself is valid UTF-8
        fs::rename(root + "/caf\xE9", root + "/caf\xC3\xA9");  // the same name in UTF-8 loads
        QCOMPARE(loadImageFolder(root).train.size(), std::size_t(2));
    }

    void emptyFoldersAreErrors() {
        fs::create_directories(path("empty"));
        QVERIFY(fileErrorOf([&] { loadImageFolder(path("empty")); }).find("no images found") != std::string::npos);
        fs::create_directories(path("emptyclasses/a"));
        fs::create_directories(path("emptyclasses/b"));
        QVERIFY(fileErrorOf([&] { loadImageFolder(path("emptyclasses")); }).find("emptyclasses: no images found") !=
                std::string::npos);
        fs::create_directories(path("allbad/a"));
        testdata::writeBytes(path("allbad/a/x.png"), {1, 2, 3});
        const std::string msg = fileErrorOf([&] { loadImageFolder(path("allbad")); });
        QVERIFY2(msg.find("none of its 1 image files can be read") != std::string::npos, msg.c_str());
        QVERIFY(msg.find("x.png") != std::string::npos);
        QVERIFY(fileErrorOf([&] { loadImageFolder(path("missing")); }).find("does not exist") != std::string::npos);
        testdata::writeBytes(path("plainfile"), {1});
        QVERIFY(fileErrorOf([&] { loadImageFolder(path("plainfile")); }).find("is not a folder") != std::string::npos);
    }

    void emptyClassAndSingleClassAreWarnings() {
        writeImage(path("single/only/0.png"), 4, 4, 1, 9);
        fs::create_directories(path("single/vacant"));
        const DataSplits s = loadImageFolder(path("single"));
        QCOMPARE(s.train.size(), std::size_t(1));
        QVERIFY(hasProblem(s, "vacant", "class folder holds no images"));
        QCOMPARE(s.train.classCount(), 2);  // the empty class keeps its label slot

        writeImage(path("one/solo/0.png"), 4, 4, 1, 9);
        const DataSplits one = loadImageFolder(path("one"));
        QVERIFY(hasProblem(one, "one", "only one class ('solo')"));
    }

    void mixedSizesAndChannels() {
        const std::string root = path("mixed");
        writeImage(root + "/a/0.png", 10, 10, 1, 100);  // first: decides size and channels
        writeImage(root + "/a/1.png", 20, 30, 3, 200);
        writeImage(root + "/b/2.jpg", 7, 5, 3, 50);
        cv::Mat rgba(6, 6, CV_8UC4, cv::Scalar(10, 20, 30, 128));
        QVERIFY(cv::imwrite(root + "/b/1.png", rgba));
        DataSplits s = loadImageFolder(root);
        QCOMPARE(s.train.size(), std::size_t(4));
        QCOMPARE(s.train.height, 10);
        QCOMPARE(s.train.channels, 1);
        QCOMPARE(int(s.train.image(1)[0]), 200);  // uniform colour stays uniform after resize

        LoadOptions o;
        o.height = 16;
        o.width = 12;
        o.channels = 3;
        s = loadImageFolder(root, o);
        QCOMPARE(s.train.width, 12);
        QCOMPARE(s.train.channels, 3);
        // BGR (10,20,30) on disk is stored as RGB (30,20,10).
        QCOMPARE(int(s.train.image(2)[0]), 30);  // b/1.png: samples go by file name
        QCOMPARE(int(s.train.image(2)[2]), 10);
    }

    void nonAsciiPaths() {
        const std::string root = path("数据/手写");
        writeImage(root + "/猫/图片一.png", 6, 6, 1, 11);
        writeImage(root + "/狗/图片二.png", 6, 6, 1, 22);
        const DataSplits s = loadDataSource(root);
        QVERIFY(s.train.classNames == (std::vector<std::string>{"狗", "猫"}) ||
                s.train.classNames == (std::vector<std::string>{"猫", "狗"}));
        QCOMPARE(s.train.size(), std::size_t(2));
        QVERIFY(s.train.sourceOf(0).find("图片") != std::string::npos);
    }

    void naturalOrder() {
        QVERIFY(naturalLess("2", "10"));
        QVERIFY(naturalLess("img9.png", "img10.png"));
        QVERIFY(!naturalLess("b", "a"));
        QVERIFY(naturalLess("a", "ab"));
        for (int c : {10, 2, 1}) writeImage(path("numbers/" + std::to_string(c) + "/0.png"), 4, 4, 1, c);
        QVERIFY(loadImageFolder(path("numbers")).train.classNames == (std::vector<std::string>{"1", "2", "10"}));
    }

    void unreadablePermissions() {
        const std::string root = path("perm");
        writeImage(root + "/a/0.png", 4, 4, 1, 1);
        writeImage(root + "/a/locked.png", 4, 4, 1, 1);
        writeImage(root + "/b/0.png", 4, 4, 1, 1);
        fs::permissions(root + "/a/locked.png", fs::perms::none);
        if (geteuid() != 0) {
            const DataSplits s = loadImageFolder(root);
            QCOMPARE(s.train.size(), std::size_t(2));
            QVERIFY(hasProblem(s, "locked.png", "cannot be opened: Permission denied"));
            return;
        }
        // Root reads a chmod-000 file anyway (CI runs as root), so the real CLI loads the folder
        // as the unprivileged user 'nobody' instead (setpriv is in util-linux, always present).
        for (const std::string& dir : {dir_.path().toStdString(), root, root + "/a", root + "/b"})
            fs::permissions(dir, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
        for (const char* f : {"/a/0.png", "/b/0.png"})
            fs::permissions(root + f, fs::perms::others_read, fs::perm_options::add);
        QProcess cli;
        cli.start(QStringLiteral("/usr/bin/setpriv"),
                  {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                   QStringLiteral("--clear-groups"), QStringLiteral(CONVSTUDIO_CLI), QStringLiteral("dataset"),
                   QStringLiteral("info"), QString::fromStdString(root), QStringLiteral("--json")});
        QVERIFY2(cli.waitForFinished(60000), "the CLI did not finish");
        const QByteArray out = cli.readAllStandardOutput();
        QVERIFY2(cli.exitCode() == 0, (out + cli.readAllStandardError()).constData());
        const auto j = nlohmann::json::parse(out.toStdString());
        QCOMPARE(j.at("sets").at("train").at("count").get<int>(), 2);
        bool found = false;
        for (const auto& p : j.at("problems"))
            found = found || (p.at("path").get<std::string>().find("locked.png") != std::string::npos &&
                              p.at("message").get<std::string>().find("cannot be opened: Permission denied") !=
                                  std::string::npos);
        QVERIFY2(found, out.constData());
    }

    void progressAndCancel() {
        const std::string root = path("many");
        for (int i = 0; i < 60; ++i)
            writeImage(root + "/" + std::to_string(i % 3) + "/" + std::to_string(i) + ".png", 32, 32, 3, i);
        LoadOptions o;
        std::size_t last = 0, total = 0, calls = 0;
        const auto caller = std::this_thread::get_id();
        bool sameThread = true;
        o.progress = [&](std::size_t done, std::size_t all) {
            QVERIFY(done >= last);
            last = done;
            total = all;
            ++calls;
            sameThread = sameThread && std::this_thread::get_id() == caller;
        };
        const DataSplits s = loadImageFolder(root, o);
        QCOMPARE(s.train.size(), std::size_t(60));
        QCOMPARE(last, std::size_t(60));
        QCOMPARE(total, std::size_t(60));
        QVERIFY(calls >= 1);
        QVERIFY(sameThread);

        // Cancelled from the progress callback (as the GUI's cancel button would, via the flag).
        std::atomic<bool> cancel{false};
        o.cancel = &cancel;
        o.progress = [&](std::size_t, std::size_t) { cancel = true; };
        QVERIFY_THROWS_EXCEPTION(LoadCancelled, loadImageFolder(root, o));
        cancel = true;
        QVERIFY_THROWS_EXCEPTION(LoadCancelled, loadImageFolder(root, o));
    }

    void parallelDecodeIsDeterministic() {
        const std::string root = path("many");  // written by progressAndCancel
        LoadOptions one;
        one.threads = 1;
        LoadOptions two;
        two.threads = 2;
        const DataSplits a = loadImageFolder(root, one), b = loadImageFolder(root, two);
        QVERIFY(a.train.pixels == b.train.pixels);
        QVERIFY(a.train.labels == b.train.labels);
        QVERIFY(a.train.sources == b.train.sources);
    }
};

QTEST_APPLESS_MAIN(TestImageFolderLoader)
#include "test_image_folder_loader.moc"

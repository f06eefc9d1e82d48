#include "data/image_folder_loader.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include "core/utf8.h"
#include "data/dataset_export.h"
#include "data/image_decode.h"

namespace cs {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Which split a top-level folder name stands for: 0 train, 1 validation, 2 test, -1 none.
int splitOfFolder(const std::string& name) {
    const std::string n = lower(name);
    if (n == "train" || n == "training") return 0;
    if (n == "val" || n == "valid" || n == "validation") return 1;
    if (n == "test" || n == "testing") return 2;
    return -1;
}

struct Job {
    std::string path;
    int split;  // 0 train, 1 validation, 2 test
    int32_t label;
    std::size_t slot;  // position in its split's buffer
};

std::vector<fs::path> sortedEntries(const fs::path& dir, std::vector<LoadProblem>& problems) {
    std::vector<fs::path> entries;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
        problems.push_back({dir.string(), "cannot be listed: " + ec.message()});
        return entries;
    }
    for (const auto& e : it) entries.push_back(e.path());
    std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) {
        return naturalLess(a.filename().string(), b.filename().string());
    });
    return entries;
}

// The class folders of one class root, and the image files of each.
struct ClassRoot {
    fs::path dir;
    int split;
    std::vector<std::pair<std::string, std::vector<std::string>>> classes;  // name, files
};

ClassRoot scanClassRoot(const fs::path& dir, int split, std::vector<LoadProblem>& problems) {
    ClassRoot root{dir, split, {}};
    std::error_code ec;
    for (const fs::path& entry : sortedEntries(dir, problems)) {
        const std::string name = entry.filename().string();
        if (name.empty() || name[0] == '.') continue;  // hidden files and folders
        if (!fs::is_directory(entry, ec)) {
            if (isImageFileName(name)) problems.push_back({entry.string(), "is not inside a class folder; ignored"});
            continue;
        }
        // Class names end up in JSON (model files, run records, `dataset info --json`), which holds
        // only UTF-8: refuse now, before any training, rather than lose a finished run at saving.
        if (!isValidUtf8(name))
            throw FileError(msg("image_folder.class_name_not_utf8",
                                "{folder}: the class folder name is not valid UTF-8; rename the folder",
                                {{"folder", escapeInvalidUtf8(entry.string())}}));
        std::vector<std::string> files;
        for (const fs::path& f : sortedEntries(entry, problems)) {
            const std::string fname = f.filename().string();
            // Image-named directories are kept so that they are reported, not silently dropped.
            if (!fname.empty() && fname[0] != '.' && isImageFileName(fname)) files.push_back(f.string());
        }
        root.classes.emplace_back(name, std::move(files));
    }
    return root;
}

ImageLimits imageLimits(const LoadOptions& options) {
    return ImageLimits{options.maxImageFileBytes, options.maxImagePixels};
}

// Decodes every job into its split's buffer on `threads` threads; marks failures in `errors`.
void decodeAll(const std::vector<Job>& jobs, DataSplits& out, int height, int width, int channels,
               const LoadOptions& options, std::vector<std::string>& errors) {
    Dataset* sets[3] = {&out.train, &out.validation, &out.test};
    const std::size_t bytes = static_cast<std::size_t>(height) * width * channels;
    const ImageLimits limits = imageLimits(options);
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable finished;
    auto worker = [&] {
        for (;;) {
            if (stop.load() || (options.cancel && options.cancel->load())) break;
            const std::size_t i = next.fetch_add(1);
            if (i >= jobs.size()) break;
            const Job& job = jobs[i];
            uint8_t* dst = sets[job.split]->pixels.data() + job.slot * bytes;
            std::string error;
            try {
                if (!decodeImageFile(job.path, height, width, channels, dst, error, limits)) errors[i] = error;
            } catch (const std::exception& e) {  // never let an exception end a worker thread
                errors[i] = std::string("cannot be decoded: ") + e.what();
            }
            if (done.fetch_add(1) + 1 == jobs.size()) {
                std::lock_guard lock(mutex);
                finished.notify_all();
            }
        }
    };
    const int threadCount = std::clamp(options.threads, 1, 16);
    std::vector<std::thread> threads;
    for (int t = 0; t < threadCount; ++t) threads.emplace_back(worker);
    // The calling thread only reports progress, so the callback never runs on a worker thread.
    {
        std::unique_lock lock(mutex);
        while (done.load() < jobs.size()) {
            finished.wait_for(lock, std::chrono::milliseconds(100));
            if (options.cancel && options.cancel->load()) break;
            if (options.progress) {
                lock.unlock();
                options.progress(done.load(), jobs.size());
                lock.lock();
            }
        }
    }
    stop = true;
    for (auto& t : threads) t.join();
    if (options.cancel && options.cancel->load()) throw LoadCancelled();
    if (options.progress) options.progress(jobs.size(), jobs.size());
    // A cancel asked for from the last report still counts: when the decoding finishes before
    // the first report, that report is the caller's only chance to cancel.
    if (options.cancel && options.cancel->load()) throw LoadCancelled();
}

// Drops the samples whose decode failed, keeping order.
void compact(Dataset& ds, const std::vector<char>& ok) {
    const std::size_t bytes = ds.imageBytes();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < ds.labels.size(); ++i) {
        if (!ok[i]) continue;
        if (kept != i) {
            std::memmove(ds.pixels.data() + kept * bytes, ds.pixels.data() + i * bytes, bytes);
            ds.labels[kept] = ds.labels[i];
            ds.sources[kept] = std::move(ds.sources[i]);
        }
        ++kept;
    }
    ds.pixels.resize(kept * bytes);
    ds.pixels.shrink_to_fit();
    ds.labels.resize(kept);
    ds.sources.resize(kept);
}

// classes.txt (written by exportImageFolder) in the root or the first split folder holding one.
std::vector<std::string> readClassList(const fs::path& root, const std::vector<ClassRoot>& roots) {
    std::vector<fs::path> candidates{root / kClassListFile};
    for (const auto& r : roots) candidates.push_back(r.dir / kClassListFile);
    std::error_code ec;
    for (const auto& file : candidates) {
        if (!fs::is_regular_file(file, ec)) continue;
        std::ifstream in(file);
        std::vector<std::string> names;
        for (std::string line; std::getline(in, line);) {
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
            if (!line.empty()) names.push_back(line);
        }
        std::vector<std::string> sorted = names;
        std::sort(sorted.begin(), sorted.end());
        if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) return names;
    }
    return {};
}

}  // namespace

bool isImageFileName(const std::string& name) {
    const std::string ext = lower(fs::path(name).extension().string());
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp" || ext == ".webp";
}

bool naturalLess(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
            while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
            // Compare digit runs by value: strip leading zeros, then length, then digits.
            std::size_t is = i, js = j;
            while (is + 1 < ie && a[is] == '0') ++is;
            while (js + 1 < je && b[js] == '0') ++js;
            if (ie - is != je - js) return ie - is < je - js;
            const int c = a.compare(is, ie - is, b, js, je - js);
            if (c != 0) return c < 0;
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
    return a < b;  // equal by value ("01" vs "1"): fall back to a strict, total order
}

DataSplits loadImageFolder(const std::string& rootPath, const LoadOptions& options) {
    std::error_code ec;
    const fs::path root(rootPath);
    if (!fs::exists(root, ec))
        throw FileError(msg("folder.missing", "{folder}: folder does not exist", {{"folder", rootPath}}));
    if (!fs::is_directory(root, ec))
        throw FileError(msg("folder.not_folder", "{folder}: is not a folder", {{"folder", rootPath}}));

    DataSplits out;
    // A train/val/test level when any top-level folder is named like a split.
    std::vector<ClassRoot> roots;
    for (const fs::path& entry : sortedEntries(root, out.problems)) {
        const int split = splitOfFolder(entry.filename().string());
        if (split >= 0 && fs::is_directory(entry, ec)) roots.push_back(scanClassRoot(entry, split, out.problems));
    }
    if (roots.empty()) {
        roots.push_back(scanClassRoot(root, 0, out.problems));
    } else {
        for (const fs::path& entry : sortedEntries(root, out.problems))
            if (splitOfFolder(entry.filename().string()) < 0 && entry.filename().string()[0] != '.')
                out.problems.push_back({entry.string(), "is not a train/val/test folder; ignored"});
    }

    // One class list for all splits: the union of class folder names, in natural order.
    std::vector<std::string> classNames;
    for (const auto& r : roots)
        for (const auto& [name, files] : r.classes) classNames.push_back(name);
    std::sort(classNames.begin(), classNames.end(), naturalLess);
    classNames.erase(std::unique(classNames.begin(), classNames.end()), classNames.end());
    std::map<std::string, int32_t> labelOf;  // by folder name
    std::vector<std::string> listed = readClassList(root, roots);
    if (!listed.empty()) {
        // classes.txt fixes label order and display names; unlisted folders follow.
        std::vector<std::string> names = listed;
        for (std::size_t c = 0; c < listed.size(); ++c)
            labelOf[folderNameForClass(listed[c])] = static_cast<int32_t>(c);
        for (const auto& folderName : classNames)
            if (!labelOf.count(folderName)) {
                labelOf[folderName] = static_cast<int32_t>(names.size());
                names.push_back(folderName);
            }
        classNames = std::move(names);
    } else {
        for (std::size_t c = 0; c < classNames.size(); ++c) labelOf[classNames[c]] = static_cast<int32_t>(c);
    }

    std::vector<Job> jobs;
    Dataset* sets[3] = {&out.train, &out.validation, &out.test};
    for (const auto& r : roots) {
        // Samples are ordered by file name across the classes (ties: class folder order), so a
        // dataset exported with numbered files (dataset export) reloads in its original order:
        // same content hash, same shuffles, same training run.
        struct Entry {
            std::string fileName;
            const std::string* path;
            int32_t label;
        };
        std::vector<Entry> entries;
        for (const auto& [name, files] : r.classes) {
            if (files.empty()) out.problems.push_back({(r.dir / name).string(), "class folder holds no images"});
            for (const auto& f : files) entries.push_back({fs::path(f).filename().string(), &f, labelOf[name]});
        }
        std::stable_sort(entries.begin(), entries.end(),
                         [](const Entry& a, const Entry& b) { return naturalLess(a.fileName, b.fileName); });
        Dataset& ds = *sets[r.split];
        for (const Entry& e : entries) {
            jobs.push_back({*e.path, r.split, e.label, ds.labels.size()});
            ds.labels.push_back(e.label);
            ds.sources.push_back(*e.path);
        }
    }
    if (jobs.empty())
        throw FileError(msg("image_folder.no_images",
                            "{folder}: no images found; expected one sub-folder per class holding "
                            ".png, .jpg, .jpeg, .bmp or .webp files (optionally below "
                            "train/, val/ and test/)",
                            {{"folder", rootPath}}));

    // The target size: the options', or the first readable image's.
    int height = options.height, width = options.width, channels = options.channels;
    std::vector<std::string> errors(jobs.size());
    if (height <= 0 || width <= 0 || channels <= 0) {
        ImageInfo info;
        std::size_t i = 0;
        for (; i < jobs.size(); ++i) {
            if (options.cancel && options.cancel->load()) throw LoadCancelled();
            if (probeImageFile(jobs[i].path, info, errors[i], imageLimits(options))) break;
        }
        if (i == jobs.size())
            throw FileError(msg("image_folder.none_readable",
                                "{folder}: none of its {count} image files can be read (first: {file}: {reason})",
                                {{"folder", rootPath},
                                 {"count", std::to_string(jobs.size())},
                                 {"file", jobs[0].path},
                                 {"reason", errors[0]}}));
        if (height <= 0 || width <= 0) {
            height = info.height;
            width = info.width;
        }
        if (channels <= 0) channels = info.channels;
    }
    if (height > 4096 || width > 4096 || (channels != 1 && channels != 3))
        throw FileError(
            msg("image_folder.bad_size", "{folder}: image size {size} is not supported (up to 4096, 1 or 3 channels)",
                {{"folder", rootPath},
                 {"size", std::to_string(width) + "x" + std::to_string(height) + "x" + std::to_string(channels)}}));
    for (Dataset* ds : sets) {
        ds->height = height;
        ds->width = width;
        ds->channels = channels;
        ds->pixels.resize(ds->labels.size() * ds->imageBytes());
    }
    std::fill(errors.begin(), errors.end(), std::string());
    decodeAll(jobs, out, height, width, channels, options, errors);

    std::vector<char> ok[3];
    for (int s = 0; s < 3; ++s) ok[s].assign(sets[s]->labels.size(), 1);
    for (std::size_t i = 0; i < jobs.size(); ++i)
        if (!errors[i].empty()) {
            out.problems.push_back({jobs[i].path, errors[i] + "; skipped"});
            ok[jobs[i].split][jobs[i].slot] = 0;
        }
    for (int s = 0; s < 3; ++s) {
        compact(*sets[s], ok[s]);
        if (!sets[s]->labels.empty()) sets[s]->classNames = classNames;
    }
    if (out.train.labels.empty()) {
        if (out.problems.empty())
            throw FileError(msg("image_folder.no_training_images",
                                "{folder}: no readable training images ({count} files tried, no problems)",
                                {{"folder", rootPath}, {"count", std::to_string(jobs.size())}}));
        throw FileError(msg("image_folder.no_readable_training_images",
                            "{folder}: no readable training images ({count} files tried, {problems} problems; "
                            "first: {file}: {reason})",
                            {{"folder", rootPath},
                             {"count", std::to_string(jobs.size())},
                             {"problems", std::to_string(out.problems.size())},
                             {"file", out.problems.front().path},
                             {"reason", out.problems.front().message}}));
    }
    if (classNames.size() < 2)
        out.problems.push_back(
            {rootPath, "only one class ('" + classNames.front() + "'); a classifier needs at least two"});
    return out;
}

}  // namespace cs

// The studio's project save under kill -9 (driven by tests/reliability/kill9_trials.py).
//   project_save_loop save PATH   saves two different projects to PATH in turns, for ever,
//                                 through ProjectController::writeProject (the studio's Save)
//   project_save_loop check PATH  opens PATH as the studio does (ProjectController::readProject)
//                                 and says which of the two it holds; exit 1 when it cannot
#include <QCoreApplication>
#include <cstdio>
#include <cstring>
#include <exception>

#include "project_controller.h"

namespace {

// Two projects that differ in their graph and weights; each is one of the two, never a mixture.
cs::ModelFile variant(int which) {
    cs::ModelFile f;
    f.graph = cs::GraphSpec::sequential({{"Input", {{"height", 28}, {"width", 28}, {"channels", 1}}},
                                         {"Flatten", nlohmann::json::object()},
                                         {"Dense", {{"units", which == 0 ? 10 : 12}, {"activation", "softmax"}}}});
    f.project["dataset"] = "builtin";
    f.project["variant"] = which;
    // About 4 MB of weights, so a save takes long enough to be interrupted in the middle.
    cs::Tensor t(1, cs::Shape{1 << 20});
    for (int i = 0; i < t.size(); ++i) t.data()[i] = float(which * 1000 + i % 997);
    f.weights["payload/values"] = t;
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc != 3 || (std::strcmp(argv[1], "save") != 0 && std::strcmp(argv[1], "check") != 0)) {
        std::fprintf(stderr, "usage: project_save_loop save|check PATH\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[2]);
    try {
        if (std::strcmp(argv[1], "save") == 0) {
            const cs::ModelFile files[2] = {variant(0), variant(1)};
            for (long n = 0;; ++n) {
                cs::gui::ProjectController::writeProject(path, files[n % 2]);
                std::printf("saved %ld\n", n);
                std::fflush(stdout);
            }
        }
        const cs::ModelFile f = cs::gui::ProjectController::readProject(path);
        const int which = f.project.value("variant", -1);
        const auto& w = f.weights.at("payload/values");
        if ((which != 0 && which != 1) || w.size() != (1 << 20) || w.data()[5] != float(which * 1000 + 5)) {
            std::fprintf(stderr, "%s: holds neither saved project\n", argv[2]);
            return 1;
        }
        std::printf("variant %d\n", which);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}

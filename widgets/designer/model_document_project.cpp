// ModelDocument, project half: the dataset reference, training settings, weights and runs,
// read as typed values and changed by undoable steps. The only code in the studio that reads
// or writes the project's JSON.
#include <QCoreApplication>
#include <QDateTime>
#include <QUndoStack>

#include "data/augment.h"
#include "designer/apply_trained_command.h"
#include "designer/model_document.h"
#include "designer/set_metadata_command.h"

namespace cs::gui {

namespace {

QString trc(const char* s) { return QCoreApplication::translate("Commands", s); }

nlohmann::json objectOr(const nlohmann::json& j) { return j.is_object() ? j : nlohmann::json::object(); }

// One key of a JSON object (null when absent), for comparing two versions of it.
nlohmann::json member(const nlohmann::json& j, const char* key) {
    return j.is_object() && j.contains(key) ? j[key] : nlohmann::json();
}

std::string stringMember(const nlohmann::json& j, const char* key) {
    const nlohmann::json v = member(j, key);
    return v.is_string() ? v.get<std::string>() : std::string();
}

// The JSON pointer of the one value that differs between two versions of an object, or empty
// when none or several do (an edit that may merge with the previous edit of that field).
std::string singleChangedField(const nlohmann::json& before, const nlohmann::json& after) {
    const nlohmann::json patch = nlohmann::json::diff(before, after);
    return patch.size() == 1 ? patch[0].value("path", std::string()) : std::string();
}

}  // namespace

// ---- Typed accessors ----

DatasetProject ModelDocument::dataset() const {
    DatasetProject p = DatasetProject::fromFile(file_);
    if (p.source.empty()) p.source = defaults_.dataset.empty() ? std::string("builtin") : defaults_.dataset;
    return p;
}

TrainSettings ModelDocument::trainingSettings(std::string* problem) const {
    const nlohmann::json& t = file_.training;
    try {
        if (t.is_object() && !t.empty()) return TrainSettings::fromJson(t);
    } catch (const std::exception& e) {
        if (problem) *problem = e.what();
    }
    return TrainSettings{};
}

std::string ModelDocument::checkpointFolder() const { return stringMember(file_.project, "checkpoint_folder"); }
std::string ModelDocument::presetName() const { return stringMember(file_.project, "preset"); }
std::string ModelDocument::importedFrom() const { return stringMember(file_.project, "imported_from"); }

void ModelDocument::resetImported(ModelFile file, const std::string& path) {
    file.project = objectOr(file.project);
    file.project["imported_from"] = path;
    reset(std::move(file));
    undoStack_->resetClean();
}

// ---- Defaults ----

void ModelDocument::setProjectDefaults(ProjectDefaults defaults) {
    defaults_ = std::move(defaults);
    const nlohmann::json project = file_.project, training = file_.training;
    applyDefaults();
    if (file_.project != project) {
        nlohmann::json applied = std::exchange(file_.project, project);
        setProject(std::move(applied));
    }
    if (file_.training != training) {
        nlohmann::json applied = std::exchange(file_.training, training);
        setTraining(std::move(applied));
    }
}

void ModelDocument::applyDefaults() {
    const DatasetProject p = DatasetProject::fromFile(file_);
    if (p.source.empty() && !defaults_.dataset.empty()) {
        file_.project = objectOr(file_.project);
        file_.project["dataset"] = defaults_.dataset;
    }
    // A validation split makes the live validation curves possible; presets often leave it 0.
    if (defaults_.validationSplit > 0 && p.validationFraction == 0.0 && runCount() == 0) {
        file_.training = objectOr(file_.training);
        file_.training["validation_split"] = defaults_.validationSplit;
    }
}

// ---- Edits ----

void ModelDocument::setDatasetSource(const std::string& source) {
    const DatasetProject before = DatasetProject::fromFile(file_);
    if (before.source == source) return;
    nlohmann::json p = objectOr(file_.project);
    p["dataset"] = source;
    // Exclusions name files of the previous dataset.
    if (!before.excluded.empty()) p["excluded"] = nlohmann::json::array();
    undoStack_->push(new SetMetadataCommand(this, SetMetadataCommand::Part::Project, std::move(p),
                                            trc(QT_TRANSLATE_NOOP("Commands", "Change dataset"))));
}

void ModelDocument::setExcludedImages(std::vector<std::string> relativePaths) {
    if (relativePaths == DatasetProject::fromFile(file_).excluded) return;
    nlohmann::json p = objectOr(file_.project);
    p["excluded"] = std::move(relativePaths);
    undoStack_->push(new SetMetadataCommand(this, SetMetadataCommand::Part::Project, std::move(p),
                                            trc(QT_TRANSLATE_NOOP("Commands", "Change excluded images"))));
}

void ModelDocument::followMovedImages(std::vector<std::string> relativePaths) {
    if (relativePaths == DatasetProject::fromFile(file_).excluded) return;
    nlohmann::json p = objectOr(file_.project);
    p["excluded"] = std::move(relativePaths);
    setProject(std::move(p));
}

void ModelDocument::setCheckpointFolder(const std::string& folder) {
    if (folder == checkpointFolder()) return;
    nlohmann::json p = objectOr(file_.project);
    p["checkpoint_folder"] = folder;
    undoStack_->push(new SetMetadataCommand(this, SetMetadataCommand::Part::Project, std::move(p),
                                            trc(QT_TRANSLATE_NOOP("Commands", "Change checkpoint folder")),
                                            "/checkpoint_folder"));
}

void ModelDocument::pushTrainingEdit(nlohmann::json training, const QString& text) {
    if (training == file_.training) return;
    // Compared as the settings they mean: a preset's sparse settings gain every default key with
    // the first edit, yet typing "12" into one field is still one step.
    std::string field;
    try {
        field = singleChangedField(trainingSettings().toJson(), TrainSettings::fromJson(training).toJson());
    } catch (const std::exception&) {
    }
    undoStack_->push(
        new SetMetadataCommand(this, SetMetadataCommand::Part::Training, std::move(training), text, field));
}

void ModelDocument::setTrainingSettings(const TrainSettings& settings) {
    std::string problem;
    const TrainSettings current = trainingSettings(&problem);
    if (problem.empty() && settings.toJson() == current.toJson()) return;
    nlohmann::json t = objectOr(file_.training);
    nlohmann::json edited = settings.toJson();
    // The default start is no choice yet: Train asks once (see hasStartChoice).
    if (!t.contains("continue_from_weights") && !settings.continueFromWeights) edited.erase("continue_from_weights");
    t.update(edited);  // keys the settings do not know are kept
    pushTrainingEdit(std::move(t), trc(QT_TRANSLATE_NOOP("Commands", "Change training settings")));
}

void ModelDocument::setContinueFromWeights(bool on) {
    nlohmann::json t = objectOr(file_.training);
    t["continue_from_weights"] = on;
    pushTrainingEdit(std::move(t), on ? trc(QT_TRANSLATE_NOOP("Commands", "Continue training from the weights"))
                                      : trc(QT_TRANSLATE_NOOP("Commands", "Train from scratch")));
}

bool ModelDocument::hasStartChoice() const {
    return file_.training.is_object() && file_.training.contains("continue_from_weights");
}

void ModelDocument::setValidationSplit(double fraction, uint64_t seed) {
    nlohmann::json t = objectOr(file_.training);
    t["validation_split"] = fraction;
    t["seed"] = seed;
    pushTrainingEdit(std::move(t), trc(QT_TRANSLATE_NOOP("Commands", "Change validation split")));
}

void ModelDocument::setAugmentation(const AugmentOptions& options) {
    nlohmann::json t = objectOr(file_.training);
    t["augment"] = options.enabled() ? options.toJson() : nlohmann::json::object();
    pushTrainingEdit(std::move(t), trc(QT_TRANSLATE_NOOP("Commands", "Change augmentation")));
}

int ModelDocument::weightsRunIndex() const {
    const nlohmann::json mark = member(file_.project, "trained");
    const nlohmann::json run = member(mark, "run");
    if (!hasWeights() || !run.is_number_integer()) return -1;
    const int64_t index = run.get<int64_t>() - 1;  // stored 1-based; not get<int>(), which wraps 2^32 + 1
    return index >= 0 && index < int64_t(runCount()) ? int(index) : -1;
}

std::optional<RunRecord> ModelDocument::weightsRun() const {
    const int index = weightsRunIndex();
    if (index < 0) return std::nullopt;
    try {
        return RunRecord::fromJson(file_.history[std::size_t(index)]);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

namespace {

nlohmann::json trainedMarkFor(std::size_t runNumber) {
    return {{"run", runNumber}, {"at", QDateTime::currentDateTime().toString(Qt::ISODate).toStdString()}};
}

nlohmann::json historyWith(const nlohmann::json& history, const ModelFile& trained) {
    nlohmann::json next = history.is_array() ? history : nlohmann::json::array();
    if (trained.history.is_array() && !trained.history.empty()) next.push_back(trained.history.back());
    return next;
}

// The project's run weights with the finished run's (its last history entry) joined as the
// run `next.history` ends with, then only the latest runs' kept (the engine's bound).
void addRunWeights(TrainedState& next, const std::map<int, RunWeights>& current, const ModelFile& trained) {
    ModelFile bounded;
    bounded.history = next.history;
    bounded.runWeights = current;
    const int mine = trained.history.is_array() ? int(trained.history.size()) - 1 : -1;
    if (const auto it = trained.runWeights.find(mine); it != trained.runWeights.end() && mine >= 0)
        bounded.runWeights[int(next.history.size()) - 1] = it->second;
    keepRecentRunWeights(bounded);
    next.runWeights = std::move(bounded.runWeights);
}

// The project's evaluation once other weights are put in: kept (Undo brings the weights and it
// back together) but marked as describing the weights used before.
nlohmann::json outdatedEvaluation(nlohmann::json evaluation) {
    if (evaluation.is_object()) evaluation["outdated"] = true;
    return evaluation;
}

}  // namespace

void ModelDocument::applyTrained(const ModelFile& trained) {
    TrainedState next;
    next.weights = trained.weights;
    next.classNames = trained.classNames;
    next.history = historyWith(file_.history, trained);
    next.trainedMark = trainedMarkFor(next.history.size());
    addRunWeights(next, file_.runWeights, trained);
    // A run without its own evaluation (stopped) leaves the last one describing the weights before.
    next.evaluation = trained.evaluation.is_null() ? outdatedEvaluation(file_.evaluation) : trained.evaluation;
    const QString text = trc(QT_TRANSLATE_NOOP("Commands", "Apply trained weights (run #%1)")).arg(next.history.size());
    undoStack_->push(new ApplyTrainedCommand(this, std::move(next), text));
}

void ModelDocument::recordRun(const ModelFile& trained) {
    TrainedState next;
    next.weights = file_.weights;
    next.classNames = file_.classNames;
    next.history = historyWith(file_.history, trained);
    next.checkpoint = file_.checkpoint;
    next.trainedMark = member(file_.project, "trained");
    addRunWeights(next, file_.runWeights, trained);
    next.evaluation = file_.evaluation;  // the run's evaluation measured weights the project does not take
    const QString text = trc(QT_TRANSLATE_NOOP("Commands", "Record run #%1 (weights kept)")).arg(next.history.size());
    undoStack_->push(new ApplyTrainedCommand(this, std::move(next), text));
}

void ModelDocument::useRunWeights(const ModelFile& trained, int index) {
    if (index < 0 || index >= int(runCount())) return;
    TrainedState next;
    next.weights = trained.weights;
    next.classNames = trained.classNames;
    next.history = file_.history;
    next.trainedMark = trainedMarkFor(std::size_t(index) + 1);
    next.runWeights = file_.runWeights;
    next.evaluation = outdatedEvaluation(file_.evaluation);
    const QString text = trc(QT_TRANSLATE_NOOP("Commands", "Use the weights of run #%1")).arg(index + 1);
    undoStack_->push(new ApplyTrainedCommand(this, std::move(next), text));
}

void ModelDocument::setLastEvaluation(nlohmann::json evaluation) {
    file_.evaluation = std::move(evaluation);
    undoStack_->resetClean();
}

bool ModelDocument::usesLastWeights() const {
    return stringMember(member(file_.project, "trained"), "weights") == "last";
}

bool ModelDocument::hasDistinctLastWeights(int index) const {
    const auto it = file_.runWeights.find(index);
    return it != file_.runWeights.end() && !it->second.last.empty();
}

void ModelDocument::useRunWeights(int index, bool last) {
    const auto it = file_.runWeights.find(index);
    if (index < 0 || index >= int(runCount()) || it == file_.runWeights.end()) return;
    TrainedState next;
    next.weights = last ? it->second.lastOrBest() : it->second.best;
    next.classNames = file_.classNames;
    next.history = file_.history;
    next.trainedMark = trainedMarkFor(std::size_t(index) + 1);
    next.trainedMark["weights"] = last ? "last" : "best";
    next.runWeights = file_.runWeights;
    next.evaluation = outdatedEvaluation(file_.evaluation);
    const QString text = last ? trc(QT_TRANSLATE_NOOP("Commands", "Use the last weights of run #%1")).arg(index + 1)
                              : trc(QT_TRANSLATE_NOOP("Commands", "Use the best weights of run #%1")).arg(index + 1);
    undoStack_->push(new ApplyTrainedCommand(this, std::move(next), text));
}

// ---- Primitives ----

void ModelDocument::setProject(nlohmann::json project) {
    const nlohmann::json before = std::exchange(file_.project, std::move(project));
    const auto changed = [&](const char* key) { return member(before, key) != member(file_.project, key); };
    if (changed("dataset") || changed("excluded")) emit datasetChanged();
    if (changed("checkpoint_folder")) emit settingsChanged();
}

void ModelDocument::setTraining(nlohmann::json training) {
    file_.training = std::move(training);
    emit settingsChanged();
}

TrainedState ModelDocument::exchangeTrainedState(TrainedState state) {
    TrainedState before{std::move(file_.weights),    std::move(file_.classNames),      std::move(file_.history),
                        std::move(file_.checkpoint), member(file_.project, "trained"), std::move(file_.runWeights),
                        std::move(file_.evaluation)};
    file_.weights = std::move(state.weights);
    file_.runWeights = std::move(state.runWeights);
    file_.evaluation = std::move(state.evaluation);
    file_.classNames = std::move(state.classNames);
    file_.history = std::move(state.history);
    file_.checkpoint = std::move(state.checkpoint);
    file_.project = objectOr(file_.project);
    if (state.trainedMark.is_null())
        file_.project.erase("trained");
    else
        file_.project["trained"] = std::move(state.trainedMark);
    emit weightsChanged();
    return before;
}

}  // namespace cs::gui

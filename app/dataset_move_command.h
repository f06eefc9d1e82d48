#pragma once
// Moves image files of an image-folder dataset to another class folder, as one undoable step.
// redo() renames each file into the target class's folder (next to its current one, so a
// train/ or test/ level is kept), choosing a free name instead of overwriting; undo() renames
// it back. Nothing is ever deleted. The catalog is updated through `apply` after each step.
#include <QString>
#include <QUndoCommand>
#include <functional>
#include <vector>

namespace cs::gui {

class DatasetCatalog;

class DatasetMoveCommand : public QUndoCommand {
public:
    struct Move {
        std::size_t sample = 0;
        QString from, to;  // absolute file paths
        int fromLabel = -1, toLabel = -1;
    };
    // Called after files moved: (sample, its label now, its path now). Errors (a rename that
    // failed) are reported through `error`, and the step leaves those files where they were.
    using Apply = std::function<void(std::size_t sample, int label, const QString& path)>;
    using Report = std::function<void(const QString& message)>;

    DatasetMoveCommand(std::vector<Move> moves, Apply apply, Report error, const QString& text);

    // The moves for `samples` to class `classIndex` (samples already there are skipped).
    static std::vector<Move> plan(const DatasetCatalog& catalog, const std::vector<std::size_t>& samples,
                                  int classIndex);
    // The folder that holds class `classIndex` next to `file`'s class folder.
    static QString classFolderFor(const DatasetCatalog& catalog, const QString& file, int classIndex);

    void redo() override;
    void undo() override;
    const std::vector<Move>& moves() const { return moves_; }

private:
    bool rename(const QString& from, const QString& to);

    std::vector<Move> moves_;
    std::vector<char> done_;  // which moves the last redo() carried out
    Apply apply_;
    Report error_;
};

}  // namespace cs::gui

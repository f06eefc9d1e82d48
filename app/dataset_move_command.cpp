#include "dataset_move_command.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "data/dataset_export.h"
#include "dataset/dataset_catalog.h"

namespace cs::gui {

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }

// `dir`/`name`, or "stem (2).ext", "stem (3).ext" ... when taken.
QString freeName(const QString& dir, const QString& name, const std::vector<QString>& reserved) {
    const QFileInfo info(name);
    const auto taken = [&reserved](const QString& path) {
        return QFileInfo::exists(path) || std::find(reserved.begin(), reserved.end(), path) != reserved.end();
    };
    QString candidate = QDir(dir).filePath(name);
    for (int n = 2; taken(candidate); ++n) {
        const QString suffix = info.suffix().isEmpty() ? QString() : QStringLiteral(".") + info.suffix();
        candidate = QDir(dir).filePath(QStringLiteral("%1 (%2)%3").arg(info.completeBaseName()).arg(n).arg(suffix));
    }
    return candidate;
}
}  // namespace

DatasetMoveCommand::DatasetMoveCommand(std::vector<Move> moves, Apply apply, Report error, const QString& text)
    : QUndoCommand(text),
      moves_(std::move(moves)),
      done_(moves_.size(), 0),
      apply_(std::move(apply)),
      error_(std::move(error)) {}

QString DatasetMoveCommand::classFolderFor(const DatasetCatalog& catalog, const QString& file, int classIndex) {
    // The loaded samples tell which folder holds the class (classes.txt may name it differently).
    const QDir splitDir = QFileInfo(QFileInfo(file).absolutePath()).absolutePath();
    for (std::size_t g = 0; g < catalog.size(); ++g) {
        if (catalog.label(g) != classIndex) continue;
        const QFileInfo other(qs(catalog.sourceOf(g)));
        if (QFileInfo(other.absolutePath()).absolutePath() == splitDir.absolutePath()) return other.absolutePath();
    }
    const std::string name = classIndex >= 0 && classIndex < catalog.classCount()
                                 ? catalog.classNames()[std::size_t(classIndex)]
                                 : std::to_string(classIndex);
    return splitDir.filePath(qs(folderNameForClass(name)));
}

std::vector<DatasetMoveCommand::Move> DatasetMoveCommand::plan(const DatasetCatalog& catalog,
                                                               const std::vector<std::size_t>& samples,
                                                               int classIndex) {
    std::vector<Move> moves;
    std::vector<QString> reserved;
    if (!catalog.isImageFolder()) return moves;
    for (std::size_t g : samples) {
        if (g >= catalog.size() || catalog.label(g) == classIndex) continue;
        const QString from = QFileInfo(qs(catalog.sourceOf(g))).absoluteFilePath();
        const QString dir = classFolderFor(catalog, from, classIndex);
        const QString to = freeName(dir, QFileInfo(from).fileName(), reserved);
        reserved.push_back(to);
        moves.push_back({g, from, to, catalog.label(g), classIndex});
    }
    return moves;
}

bool DatasetMoveCommand::rename(const QString& from, const QString& to) {
    if (!QFileInfo::exists(from)) {
        error_(QCoreApplication::translate("DatasetMoveCommand", "%1: the file is gone")
                   .arg(QDir::toNativeSeparators(from)));
        return false;
    }
    if (QFileInfo::exists(to)) {
        error_(QCoreApplication::translate("DatasetMoveCommand", "%1: already exists; nothing was overwritten")
                   .arg(QDir::toNativeSeparators(to)));
        return false;
    }
    if (!QDir().mkpath(QFileInfo(to).absolutePath()) || !QFile::rename(from, to)) {
        error_(QCoreApplication::translate("DatasetMoveCommand", "%1 could not be moved to %2")
                   .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to)));
        return false;
    }
    return true;
}

void DatasetMoveCommand::redo() {
    for (std::size_t i = 0; i < moves_.size(); ++i) {
        const Move& m = moves_[i];
        done_[i] = rename(m.from, m.to);
        if (done_[i]) apply_(m.sample, m.toLabel, m.to);
    }
}

void DatasetMoveCommand::undo() {
    for (std::size_t i = moves_.size(); i-- > 0;) {
        if (!done_[i]) continue;
        const Move& m = moves_[i];
        if (rename(m.to, m.from)) {
            apply_(m.sample, m.fromLabel, m.from);
            done_[i] = 0;
        }
    }
}

}  // namespace cs::gui

// CameraController, capture half: the capture folder (the project's image-folder dataset, or
// one next to the project), classes, single shots and hold-to-record, saved off the GUI thread.
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>

#include "camera/camera_panel.h"
#include "camera/camera_view.h"
#include "camera/capture_panel.h"
#include "camera_controller.h"
#include "camera_worker.h"
#include "common/engine_message.h"
#include "core/errors.h"
#include "data/capture_writer.h"
#include "data/data_source.h"
#include "dataset_session.h"
#include "designer/model_document.h"
#include "train/transfer.h"

namespace cs::gui {

namespace {

// The project's dataset when it is an image folder (captures belong there), else empty.
QString projectImageFolder(const ModelDocument* doc) {
    if (!doc) return {};
    const QString source = QString::fromStdString(doc->datasetSource());
    if (!QFileInfo(source).isDir()) return {};
    try {
        return detectDataFormat(source.toStdString()) == DataFormat::ImageFolder ? source : QString();
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace

QString CameraController::defaultCaptureFolder(const QString& projectPath) {
    if (!projectPath.isEmpty()) {
        const QFileInfo info(projectPath);
        return info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral("-captures"));
    }
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(docs.isEmpty() ? QDir::homePath() : docs).filePath(QStringLiteral("ConvStudio/untitled-captures"));
}

QString CameraController::captureFolder() const {
    if (!userFolder_.isEmpty()) return userFolder_;
    const QString dataset = projectImageFolder(doc_);
    return dataset.isEmpty() ? defaultCaptureFolder(doc_ ? doc_->filePath() : QString()) : dataset;
}

void CameraController::setCaptureFolder(const QString& folder) {
    userFolder_ = folder;
    refreshCaptureFolder();
}

void CameraController::refreshCaptureFolder() {
    const QString folder = captureFolder();
    if (!writer_ || QString::fromStdString(writer_->root()) != folder) {
        setRecording(false);
        writer_ = std::make_shared<CaptureWriter>(folder.toStdString());
    } else {
        writer_->rescan();
    }
    const bool isDataset = projectImageFolder(doc_) == folder;
    panel_->capture()->setFolder(folder, isDataset ? QString()
                                         : decidedFolder_ == folder && !adoptDecided_
                                             ? tr("The project trains on another dataset; captures "
                                                  "are only saved here.")
                                             : tr("The project trains on another dataset; the first "
                                                  "capture asks whether it should train on this "
                                                  "folder."));
    refreshCounts();
}

void CameraController::refreshCounts() {
    QMap<QString, int> counts;
    int withImages = 0;
    for (const auto& [name, n] : writer_->counts()) {
        counts.insert(QString::fromStdString(name), n);
        withImages += n > 0;
    }
    panel_->capture()->setClasses(counts);
    panel_->capture()->setTrainAvailable(withImages >= 2 &&
                                         projectImageFolder(doc_) == QString::fromStdString(writer_->root()));
}

// Captures are only useful when the project trains on them: the first one points the
// project's dataset at the capture folder (an undoable project edit, announced).
void CameraController::adoptCaptureFolder() {
    const QString folder = QString::fromStdString(writer_->root());
    if (!doc_ || projectImageFolder(doc_) == folder) return;
    if (decidedFolder_ == folder && !adoptDecided_) return;  // the user keeps the project's dataset
    userFolder_ = folder;
    doc_->setDatasetSource(folder.toStdString());
    panel_->capture()->setFolder(folder);
    panel_->capture()->showStatus(tr("The project now trains on %1.").arg(QDir::toNativeSeparators(folder)));
}

bool CameraController::confirmCaptureFolder(const QString& newClass) {
    if (!doc_ || !writer_) return true;
    const QString folder = QString::fromStdString(writer_->root());
    if (projectImageFolder(doc_) == folder || decidedFolder_ == folder) return true;
    if (!interactive_) {
        decidedFolder_ = folder;
        adoptDecided_ = true;
        return true;
    }
    QStringList folderClasses;
    for (const auto& [name, n] : writer_->counts()) folderClasses << QString::fromStdString(name);
    if (!newClass.isEmpty() && !folderClasses.contains(newClass)) folderClasses << newClass;
    QStringList modelClasses;
    for (const std::string& name : doc_->classNames()) modelClasses << QString::fromStdString(name);
    const QString dataset = QString::fromStdString(doc_->datasetSource());
    QString classes = tr("The capture folder has %n class(es): %1.", nullptr, int(folderClasses.size()))
                          .arg(folderClasses.join(QStringLiteral(", ")));
    if (!modelClasses.isEmpty())
        classes += QLatin1Char(' ') + tr("The model was trained on %n class(es) (%1); its weights stay in the "
                                         "project, and the next training learns the folder's classes instead.",
                                         nullptr, int(modelClasses.size()))
                                          .arg(modelClasses.join(QStringLiteral(", ")));
    QMessageBox box(
        QMessageBox::Question, tr("Capture"),
        tr("Captures are saved in %1, but the project trains on %2.\n\nShould the project train on the "
           "captures from now on?\n\n%3")
            .arg(QDir::toNativeSeparators(folder),
                 dataset == QLatin1String("builtin") ? tr("the built-in dataset") : QDir::toNativeSeparators(dataset),
                 classes),
        QMessageBox::Cancel, panel_);
    box.setObjectName(QStringLiteral("captureFolderDialog"));
    QPushButton* adopt = box.addButton(tr("Train on the Captures"), QMessageBox::AcceptRole);
    adopt->setObjectName(QStringLiteral("adoptCaptures"));
    QPushButton* keep = box.addButton(tr("Only Save the Captures"), QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepDataset"));
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() != static_cast<QAbstractButton*>(adopt) &&
        box.clickedButton() != static_cast<QAbstractButton*>(keep))
        return false;
    decidedFolder_ = folder;
    adoptDecided_ = box.clickedButton() == static_cast<QAbstractButton*>(adopt);
    return true;
}

void CameraController::chooseCaptureFolder() {
    if (!interactive_) return;
    const QString folder = QFileDialog::getExistingDirectory(panel_, tr("Capture Folder"), captureFolder());
    if (!folder.isEmpty()) setCaptureFolder(folder);
}

bool CameraController::addClass(const QString& name) {
    if (!confirmCaptureFolder(name)) return false;
    try {
        writer_->addClass(name.toStdString());
    } catch (const std::exception& e) {
        panel_->capture()->showStatus(engineText(e), true);
        emit error(engineText(e));
        return false;
    }
    adoptCaptureFolder();
    refreshCounts();
    panel_->capture()->selectClass(name);
    panel_->capture()->showStatus(tr("Class '%1' is ready: show it to the camera and capture.").arg(name));
    return true;
}

Frame CameraController::frameForCapture() const {
    if (frozen_) return frozenFrame_;
    Frame f;
    if (frames_ && frames_->latest(f, 0)) return f;
    return shown_;
}

void CameraController::captureOnce(const QString& className) {
    const Frame f = frameForCapture();
    if (f.empty() || className.isEmpty() || !writer_) return;
    if (!confirmCaptureFolder()) return;
    const QRect r = CameraView::roiInFrame(panel_->view()->roi(), QSize(f.image.cols, f.image.rows));
    const cv::Mat crop = f.image(cv::Rect(r.x(), r.y(), r.width(), r.height())).clone();
    auto outcome = std::make_shared<CaptureOutcome>();
    outcome->className = className;
    ++savesInFlight_;
    background(
        [writer = writer_, crop, outcome] {
            try {
                const CaptureResult r = writer->save(outcome->className.toStdString(), crop);
                outcome->saved = r.saved;
                outcome->duplicate = !r.saved;
                outcome->path = QString::fromStdString(r.path);
                outcome->blurred = r.blurred;
                outcome->sharpness = r.sharpness;
                outcome->count = r.count;
            } catch (...) {
                outcome->error = currentExceptionText();
            }
        },
        [this, outcome] {
            --savesInFlight_;
            panel_->capture()->showOutcome(*outcome);
            if (outcome->saved) {
                adoptCaptureFolder();
                // The project's images changed on disk: the pages that show or train on them
                // load them again when they next need them.
                if (data_) data_->markStale(QString::fromStdString(writer_->root()));
                refreshCounts();  // and whether "Train on the Captures" is offered
            }
            if (!outcome->error.isEmpty()) emit error(outcome->error);
            emit captured(*outcome);
        });
}

void CameraController::setRecording(bool on, const QString& className, double perSecond) {
    if (on && (state_ != State::Running || className.isEmpty())) on = false;
    if (!on) {
        recordTimer_->stop();
        recordClass_.clear();
        return;
    }
    if (!confirmCaptureFolder()) return;  // asked before the first frame, not in the middle
    recordClass_ = className;
    recordTimer_->setInterval(std::max(33, static_cast<int>(1000.0 / std::max(0.1, perSecond))));
    captureOnce(className);  // the first frame at once, then at the rate
    recordTimer_->start();
}

bool CameraController::isRecording() const { return recordTimer_->isActive(); }

void CameraController::trainOnCaptures() {
    if (doc_ && writer_ && doc_->hasWeights() && doc_->check().ok) {
        std::vector<std::string> classes;
        for (const auto& [name, n] : writer_->counts()) classes.push_back(name);
        const std::optional<std::string> cut = defaultHeadCut(doc_->graph());
        const NodeSpec* cutNode = cut ? doc_->graph().findByName(*cut) : nullptr;
        // Already a head on frozen layers for these classes: it trains on, nothing to replace.
        const bool sameHead = cutNode && !cutNode->trainable && classes == doc_->classNames();
        if (cutNode && !sameHead && !classes.empty()) {
            bool onTop = true;
            if (interactive_) {
                QMessageBox box(QMessageBox::Question, tr("Train on the Captures"),
                                tr("The model has trained layers. Learn the %n captured class(es) on top of them? "
                                   "The layers up to '%1' keep their weights (frozen) and only a new classifier "
                                   "trains: it takes seconds and works with few images. Or train the whole "
                                   "model on the captures.",
                                   nullptr, int(classes.size()))
                                    .arg(QString::fromStdString(*cut)),
                                QMessageBox::Cancel, panel_);
                box.setObjectName(QStringLiteral("transferDialog"));
                QPushButton* top = box.addButton(tr("Learn on Top (Fast)"), QMessageBox::AcceptRole);
                top->setObjectName(QStringLiteral("learnOnTop"));
                QPushButton* whole = box.addButton(tr("Train the Whole Model"), QMessageBox::AcceptRole);
                whole->setObjectName(QStringLiteral("trainWholeModel"));
                box.setDefaultButton(top);
                box.exec();
                if (box.clickedButton() != static_cast<QAbstractButton*>(top) &&
                    box.clickedButton() != static_cast<QAbstractButton*>(whole))
                    return;
                onTop = box.clickedButton() == static_cast<QAbstractButton*>(top);
            }
            if (onTop) {
                try {
                    doc_->replaceHead(cutNode->id, classes);
                } catch (const Error& e) {
                    panel_->capture()->showStatus(engineText(e), true);
                    return;
                }
                // The frozen layers' weights are the point: the run starts from them.
                if (!doc_->hasStartChoice() || !doc_->trainingSettings().continueFromWeights)
                    doc_->setContinueFromWeights(true);
                panel_->capture()->showStatus(
                    tr("A new head for %n class(es) on the frozen layers up to '%1'.", nullptr, int(classes.size()))
                        .arg(QString::fromStdString(*cut)));
            }
        }
    }
    emit trainOnCapturesRequested();
}

}  // namespace cs::gui

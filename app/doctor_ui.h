#pragma once
// Composes the data doctor into the studio: the Doctor page (widgets/doctor), the controller
// that runs the engine's doctor off the GUI thread, and the glue to the rest:
//   - Run examines the project's dataset as the Dataset page shows it (loaded first when
//     needed), with the project's trained model when it has weights for these classes, else
//     the pixels only (the page says which);
//   - a finding's fixes are the Dataset page's own undoable edits (exclude: a project edit;
//     move: a file edit), so Ctrl+Z on the page undoes the last fix, whichever stack holds it;
//   - "Retrain with fixes" starts a run through the training feature, whose record says what
//     the fixes changed (RunRecord::dataChanges).
#include <QObject>
#include <memory>
#include <vector>

class QUndoStack;

namespace cs::gui {

class DatasetCatalog;
class DatasetUi;
class DoctorController;
class DoctorPanel;
class MainWindow;
class ModelDocument;
class TrainingUi;

class DoctorUi : public QObject {
    Q_OBJECT
public:
    DoctorUi(MainWindow& window, ModelDocument& doc, DatasetUi& dataset, TrainingUi& training,
             QObject* parent = nullptr);
    ~DoctorUi() override;

    DoctorPanel* panel() const { return panel_; }
    DoctorController* controller() const { return controller_; }
    // The fixes made since the last "Retrain with fixes" that are still in effect.
    std::size_t excludedByFixes() const;
    std::size_t movedByFixes() const;

public slots:
    void run();
    void cancel();
    void undoLastFix();
    void retrain();

private:
    // One fix: the undo step it pushed (stack and its index after the push) and what it did.
    struct Fix {
        QUndoStack* stack = nullptr;
        int index = 0;
        std::size_t excluded = 0, moved = 0;
        bool inEffect() const;
    };
    void exclude(const std::vector<std::size_t>& samples);
    void move(const std::vector<std::size_t>& samples, int classIndex);
    void catalogEdited();  // a fix, an undo, or any other edit of the dataset
    void startWhenLoaded();

    MainWindow& window_;
    ModelDocument& doc_;
    DatasetUi& dataset_;
    TrainingUi& training_;
    DoctorPanel* panel_;
    DoctorController* controller_;
    std::shared_ptr<DatasetCatalog> runCatalog_;  // the catalog the running or shown report is about
    bool waitingForData_ = false;
    std::vector<Fix> fixes_;
};

}  // namespace cs::gui

#pragma once
// The Doctor page: runs the data doctor (Run, a progress bar with the stage, Cancel), lists its
// findings in tabs (leakage and duplicates, label suspects, outliers) and shows the dataset's
// 2-D map. Choosing a finding, or lassoing dots on the map, shows those images side by side;
// the buttons under them ask for the Dataset page's undoable edits (exclude, move to a class,
// exclude all but one of a duplicate group), and "Retrain with fixes" for a training run.
// The panel only asks (signals); the studio's DoctorUi runs the doctor and makes the edits,
// then calls catalogChanged() so fixed findings are ticked. Ctrl+Z on the page asks to undo
// the last fix (undoRequested), whichever undo stack holds it. GUI thread only.
#include <QWidget>
#include <memory>
#include <vector>

#include "doctor/data_doctor.h"
#include "doctor/doctor_findings.h"

class QComboBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace cs::gui {

class DatasetCatalog;
class DoctorImagesModel;
class DoctorMapView;

class DoctorPanel : public QWidget {
    Q_OBJECT
public:
    explicit DoctorPanel(QWidget* parent = nullptr);
    ~DoctorPanel() override;

    // A finished run's report on the images of `catalog` (the Dataset page's, shared).
    void setReport(DoctorReport report, std::shared_ptr<const DatasetCatalog> catalog);
    const DoctorReport& report() const { return report_; }
    void clearReport();
    // The catalog's labels or exclusions changed: tick fixed findings, repaint the images.
    void catalogChanged();

    void setRunning(bool running);
    void setProgress(const QString& stage, double fraction);
    void setNote(const QString& text, bool error = false);  // under the buttons
    void setRetrainText(const QString& text);               // "Retrain with fixes (3 excluded)"
    void setRetrainEnabled(bool on);

    // The images shown (global sample indices) and those selected among them.
    std::vector<std::size_t> shownSamples() const;
    std::vector<std::size_t> selectedSamples() const;
    // Shows finding `row` of a tab (tests, and the lists' own selection).
    void showFinding(FindingKind kind, int row);
    bool findingFixed(FindingKind kind, int row) const;

    QPushButton* runButton() const { return run_; }
    QPushButton* cancelButton() const { return cancel_; }
    QPushButton* excludeButton() const { return exclude_; }
    QPushButton* moveButton() const { return move_; }
    QPushButton* keepOneButton() const { return keepOne_; }
    QPushButton* retrainButton() const { return retrain_; }
    QComboBox* moveTarget() const { return target_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* stageLabel() const { return stage_; }
    QLabel* noteLabel() const { return note_; }
    QTabWidget* tabs() const { return tabs_; }
    QTreeWidget* list(FindingKind kind) const;
    DoctorMapView* map() const { return map_; }
    QListView* imagesView() const { return images_; }

signals:
    void runRequested();
    void cancelRequested();
    void retrainRequested();
    void excludeRequested(const std::vector<std::size_t>& samples);
    void moveRequested(const std::vector<std::size_t>& samples, int classIndex);
    void undoRequested();

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QWidget* createImagesPane();
    void fillLists();
    void fillMap();
    void listSelectionChanged(FindingKind kind);
    void mapSelectionChanged();
    void showSamples(std::vector<std::size_t> samples, int suggestedClass, const DoctorFinding* group);
    void updateActions();
    std::vector<DoctorFinding>& findings(FindingKind kind);
    const std::vector<DoctorFinding>& findings(FindingKind kind) const;

    DoctorReport report_;
    std::shared_ptr<const DatasetCatalog> catalog_;
    std::vector<DoctorFinding> duplicates_, suspects_, outliers_;
    std::vector<std::size_t> mapSamples_;  // map point -> global index
    const DoctorFinding* shownGroup_ = nullptr;

    QPushButton* run_;
    QPushButton* cancel_;
    QPushButton* retrain_;
    QProgressBar* progress_;
    QLabel* stage_;
    QLabel* note_;
    QTabWidget* tabs_;
    QTreeWidget* lists_[3];
    DoctorMapView* map_;
    QLabel* imagesCaption_;
    QListView* images_;
    DoctorImagesModel* imagesModel_;
    QPushButton* exclude_;
    QComboBox* target_;
    QPushButton* move_;
    QPushButton* keepOne_;
};

}  // namespace cs::gui

#pragma once
// The hyper-parameters of a run: where its weights start (from scratch, or from the project's
// current weights), optimizer, learning rate and schedule, batch size, epochs, validation
// split, class balance, augmentation, seed, threads, early stopping and the checkpoint folder.
// Fields that do not apply to the chosen optimizer or schedule are hidden. problem() says
// what is wrong in words; the panel refuses to start until it is empty.
#include <QWidget>

#include "train/train_settings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace cs::gui {

class AugmentForm;

class TrainingSettingsForm : public QWidget {
    Q_OBJECT
public:
    explicit TrainingSettingsForm(QWidget* parent = nullptr);

    void setSettings(const TrainSettings& settings);  // emits changed() once, not edited()
    TrainSettings settings() const;                   // as entered (may be invalid: see problem())
    // Empty when the settings can start a run; else what is wrong.
    QString problem() const;

    void setCheckpointFolder(const QString& folder);
    QString checkpointFolder() const;  // empty: next to the project
    // While a run is going the form shows its settings read-only.
    void setLocked(bool locked);
    // Whether the project has weights a run can continue from; when not, the form shows why
    // and "from scratch", keeping the stored choice for when there are weights again.
    void setWeightsAvailable(bool available, const QString& why = {});

signals:
    void changed();  // the settings shown changed, by the user or by setSettings()/setCheckpointFolder()
    void edited();   // the user changed a field (what goes to the project)

private:
    void updateVisibility();
    void setRowVisible(QFormLayout* form, QWidget* field, bool visible);
    void browseCheckpointFolder();
    void updateClassWeightsNote();
    void showStart();

    QRadioButton* fromScratch_;
    QRadioButton* fromWeights_;
    QLabel* startNote_;  // why the weights cannot be continued from
    bool weightsAvailable_ = false;
    bool continueFromWeights_ = false;  // the project's choice, also while no weights are available
    QComboBox* optimizer_;
    QDoubleSpinBox* learningRate_;
    QDoubleSpinBox* momentum_;
    QCheckBox* nesterov_;
    QDoubleSpinBox* weightDecay_;
    QDoubleSpinBox* clipNorm_;
    QComboBox* schedule_;
    QSpinBox* stepEpochs_;
    QDoubleSpinBox* factor_;
    QSpinBox* warmup_;
    QDoubleSpinBox* minRate_;
    QSpinBox* plateauPatience_;
    QSpinBox* epochs_;
    QSpinBox* batchSize_;
    QDoubleSpinBox* validation_;
    QComboBox* balance_;
    QLabel* classWeightsNote_;  // shown when the settings carry explicit loss.classWeights
    QSpinBox* seed_;
    QSpinBox* threads_;
    QSpinBox* patience_;
    QCheckBox* restoreBest_;
    AugmentForm* augment_;
    QLineEdit* checkpointFolder_;
    QFormLayout* optimForm_;
    QLabel* problemLabel_;
    QList<QWidget*> groups_;
    TrainSettings base_;  // keeps what the form does not show (loss and its class weights, top-k,
                          // plateau min delta)
};

}  // namespace cs::gui

#pragma once
// The "Inspect" page: the probe image and its live prediction on the left, the feature maps
// and the filters and weight statistics on the right, and where the model looks in the probe
// (an explanation's heat map).
#include <QWidget>
#include <memory>

#include "training/training_types.h"

class QLabel;
class QTabWidget;

namespace cs::gui {

class ExplanationView;
class FeatureMapView;
class FilterView;
class PredictionBars;
class ProbePicker;

class InspectPanel : public QWidget {
    Q_OBJECT
public:
    explicit InspectPanel(QWidget* parent = nullptr);

    void setData(std::shared_ptr<const DataSplits> data);
    void setProbe(const ProbeResult& probe);
    void beginRun();  // clears the weight history
    void setStatus(const QString& text);
    // The project whose weights the "Where it looks" tab explains (null: none yet).
    void setProject(std::shared_ptr<const ModelFile> project);

    ProbePicker* picker() const { return picker_; }
    FeatureMapView* featureMaps() const { return maps_; }
    FilterView* filters() const { return filters_; }
    ExplanationView* explanation() const { return explanation_; }
    PredictionBars* prediction() const { return bars_; }
    QTabWidget* tabs() const { return tabs_; }

signals:
    void probeImageChanged(const cs::gui::ProbeImage& image);

private:
    ProbePicker* picker_;
    PredictionBars* bars_;
    QLabel* predictionCaption_;
    QLabel* status_;
    FeatureMapView* maps_;
    FilterView* filters_;
    ExplanationView* explanation_;
    QTabWidget* tabs_;
};

}  // namespace cs::gui

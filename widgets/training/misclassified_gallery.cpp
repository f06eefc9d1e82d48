#include "training/misclassified_gallery.h"

#include <QAbstractListModel>
#include <QHash>
#include <QLabel>
#include <QListView>
#include <QPixmap>
#include <QVBoxLayout>
#include <algorithm>

#include "inspect/color_map.h"
#include "inspect/probe_capture.h"

namespace cs::gui {

class GalleryModel : public QAbstractListModel {
public:
    using QAbstractListModel::QAbstractListModel;
    const EvalReport* report = nullptr;
    std::vector<int> samples;
    mutable QHash<int, QPixmap> thumbs;

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(samples.size()); }
    QVariant data(const QModelIndex& index, int role) const override {
        if (!report || !index.isValid() || index.row() >= int(samples.size())) return {};
        const int s = samples[index.row()];
        switch (role) {
            case Qt::DisplayRole:
                return MisclassifiedGallery::caption(*report, s);
            case Qt::DecorationRole: {
                auto it = thumbs.find(s);
                if (it == thumbs.end()) {
                    const QImage img = probeToImage(probeFromDataset(*report->data, std::size_t(s)));
                    it = thumbs.insert(
                        s, QPixmap::fromImage(img.scaled(64, 64, Qt::KeepAspectRatio, Qt::FastTransformation)));
                }
                return *it;
            }
            case Qt::ToolTipRole: {
                const auto& r = report->result;
                const int classes = r.classes;
                std::vector<int> order(classes);
                for (int c = 0; c < classes; ++c) order[c] = c;
                const float* probs = r.probabilities.data() + std::size_t(s) * classes;
                std::partial_sort(order.begin(), order.begin() + std::min(3, classes), order.end(),
                                  [probs](int a, int b) { return probs[a] > probs[b]; });
                QStringList lines{QString::fromStdString(report->data->sourceOf(std::size_t(s)))};
                for (int k = 0; k < std::min(3, classes); ++k)
                    lines << QStringLiteral("%1: %2%")
                                 .arg(QString::fromStdString(report->data->classNames.at(order[k])))
                                 .arg(double(probs[order[k]]) * 100, 0, 'f', 1);
                return lines.join(QLatin1Char('\n'));
            }
            default:
                return {};
        }
    }
    void reset(std::vector<int> s) {
        beginResetModel();
        samples = std::move(s);
        endResetModel();
    }
};

MisclassifiedGallery::MisclassifiedGallery(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(tr("Misclassified images appear here after an evaluation."));
    title_->setWordWrap(true);
    model_ = new GalleryModel(this);
    view_ = new QListView;
    view_->setViewMode(QListView::IconMode);
    view_->setResizeMode(QListView::Adjust);
    view_->setMovement(QListView::Static);
    view_->setUniformItemSizes(true);
    view_->setIconSize(QSize(64, 64));
    view_->setGridSize(QSize(118, 128));
    view_->setWordWrap(true);
    view_->setSpacing(2);
    view_->setModel(model_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addWidget(view_, 1);
}

MisclassifiedGallery::~MisclassifiedGallery() = default;

QString MisclassifiedGallery::caption(const EvalReport& report, int s) {
    const auto& names = report.data->classNames;
    const int t = report.data->labels.at(s);
    const int p = report.result.predicted.at(s);
    auto name = [&](int c) {
        return c >= 0 && c < int(names.size()) ? QString::fromStdString(names[c]) : QString::number(c);
    };
    return tr("%1\n→ %2\n%3%").arg(name(t), name(p)).arg(double(report.result.confidence.at(s)) * 100, 0, 'f', 1);
}

void MisclassifiedGallery::setReport(const EvalReport& report) {
    report_ = report;
    model_->report = &report_;
    model_->thumbs.clear();
    setFilter(-1, -1);
}

void MisclassifiedGallery::setFilter(int trueClass, int predicted) {
    std::vector<int> s;
    const auto& r = report_.result;
    if (report_.data && r.predicted.size() == report_.data->size()) {
        for (int i = 0; i < int(r.predicted.size()); ++i) {
            const int t = report_.data->labels[i], p = r.predicted[i];
            if (trueClass < 0 ? t != p : (t == trueClass && p == predicted)) s.push_back(i);
        }
        std::stable_sort(s.begin(), s.end(), [&r](int a, int b) { return r.confidence[a] > r.confidence[b]; });
    }
    const auto& names = report_.data ? report_.data->classNames : std::vector<std::string>{};
    auto name = [&](int c) {
        return c >= 0 && c < int(names.size()) ? QString::fromStdString(names[c]) : QString::number(c);
    };
    if (trueClass < 0)
        title_->setText(
            tr("%n misclassified image(s), the most confident mistakes first. Click a cell of the matrix "
               "to see its images.",
               nullptr, int(s.size())));
    else
        title_->setText(tr("%n image(s) of %1 predicted as %2, the most confident first.", nullptr, int(s.size()))
                            .arg(name(trueClass), name(predicted)));
    model_->reset(std::move(s));
}

const std::vector<int>& MisclassifiedGallery::shownSamples() const { return model_->samples; }

}  // namespace cs::gui

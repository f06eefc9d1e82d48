#include "training/misclassified_gallery.h"

#include <QAbstractListModel>
#include <QApplication>
#include <QHash>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QStyledItemDelegate>
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
                // The caption in full first: the tile may show it elided.
                const auto& r = report->result;
                const int classes = r.classes;
                std::vector<int> order(classes);
                for (int c = 0; c < classes; ++c) order[c] = c;
                const float* probs = r.probabilities.data() + std::size_t(s) * classes;
                std::partial_sort(order.begin(), order.begin() + std::min(3, classes), order.end(),
                                  [probs](int a, int b) { return probs[a] > probs[b]; });
                QStringList lines{
                    MisclassifiedGallery::caption(*report, s).replace(QLatin1Char('\n'), QLatin1Char(' ')),
                    QString::fromStdString(report->data->sourceOf(std::size_t(s)))};
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

// A tile: the thumbnail, then each caption line elided in the middle to the tile's width (the
// style's elision would cut the end of a wrapped line, which loses the predicted class).
class GalleryDelegate : public QStyledItemDelegate {
public:
    static constexpr int kTileWidth = 136;
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override {
        return {kTileWidth, 64 + 2 * QFontMetrics(option.font).height() + 8};
    }
    void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyleOptionViewItem o = option;
        initStyleOption(&o, index);
        const QString text = o.text;
        o.text.clear();
        o.icon = QIcon();
        o.features &= ~QStyleOptionViewItem::HasDecoration;
        const QWidget* w = option.widget;
        QStyle* style = w ? w->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &o, p, w);  // background and selection
        const QPixmap thumb = index.data(Qt::DecorationRole).value<QPixmap>();
        const QRect r = option.rect.adjusted(2, 2, -2, -2);
        QPoint at(r.center().x() - thumb.width() / 2, r.top());
        p->drawPixmap(at, thumb);
        p->save();
        p->setPen(
            option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        const QFontMetrics fm(option.font);
        int y = r.top() + thumb.height() + 2;
        for (const QString& line : MisclassifiedGallery::fittedLines(text, option.font, r.width())) {
            p->drawText(QRect(r.left(), y, r.width(), fm.height()), Qt::AlignHCenter | Qt::AlignTop, line);
            y += fm.height();
        }
        p->restore();
    }
};

MisclassifiedGallery::MisclassifiedGallery(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(tr("Misclassified images appear here after an evaluation."));
    title_->setWordWrap(true);
    title_->setTextFormat(Qt::RichText);
    connect(title_, &QLabel::linkActivated, this, &MisclassifiedGallery::evaluateRequested);
    model_ = new GalleryModel(this);
    view_ = new QListView;
    view_->setViewMode(QListView::IconMode);
    view_->setResizeMode(QListView::Adjust);
    view_->setMovement(QListView::Static);
    view_->setUniformItemSizes(true);
    view_->setIconSize(QSize(64, 64));
    view_->setGridSize(QSize(GalleryDelegate::kTileWidth + 4, 64 + 2 * fontMetrics().height() + 12));
    view_->setSpacing(2);
    view_->setModel(model_);
    view_->setItemDelegate(new GalleryDelegate(view_));
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    // A double click opens the image (not `activated`: a single click must only select it,
    // whatever the platform's single-click-activation style hint says).
    connect(view_, &QListView::doubleClicked, this,
            [this](const QModelIndex& i) { request(i.row(), ImageAction::Open); });
    connect(view_, &QListView::customContextMenuRequested, this, &MisclassifiedGallery::showContextMenu);
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
    return tr("%1 → %2\n%3%").arg(name(t), name(p)).arg(double(report.result.confidence.at(s)) * 100, 0, 'f', 1);
}

QStringList MisclassifiedGallery::fittedLines(const QString& caption, const QFont& font, int width) {
    const QFontMetrics fm(font);
    QStringList out;
    for (const QString& line : caption.split(QLatin1Char('\n'))) out << fm.elidedText(line, Qt::ElideMiddle, width);
    return out;
}

int MisclassifiedGallery::sampleAt(int row) const {
    return row >= 0 && row < int(model_->samples.size()) ? model_->samples[std::size_t(row)] : -1;
}

void MisclassifiedGallery::request(int row, ImageAction action, int classIndex) {
    const int s = sampleAt(row);
    if (s < 0 || !report_.data) return;
    emit imageActionRequested(report_.data->sourceOf(std::size_t(s)), action, classIndex);
}

void MisclassifiedGallery::showContextMenu(const QPoint& pos) {
    const QModelIndex at = view_->indexAt(pos);
    if (!at.isValid() || !report_.data) return;
    view_->setCurrentIndex(at);
    const int row = at.row();
    QMenu menu(this);
    menu.addAction(tr("Open Image"), this, [this, row] { request(row, ImageAction::Open); });
    menu.addAction(tr("Use as Probe"), this, [this, row] { request(row, ImageAction::Probe); });
    menu.addAction(tr("Show in Dataset"), this, [this, row] { request(row, ImageAction::ShowInDataset); });
    menu.addSeparator();
    menu.addAction(tr("Exclude from Training"), this, [this, row] { request(row, ImageAction::Exclude); });
    QMenu* move = menu.addMenu(tr("Move to Class"));
    const auto& names = report_.data->classNames;
    for (int k = 0; k < int(names.size()); ++k)
        move->addAction(QString::fromStdString(names[std::size_t(k)]), this,
                        [this, row, k] { request(row, ImageAction::Move, k); });
    menu.exec(view_->viewport()->mapToGlobal(pos));
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
        return (c >= 0 && c < int(names.size()) ? QString::fromStdString(names[c]) : QString::number(c))
            .toHtmlEscaped();
    };
    // A reopened evaluation keeps only its most confident mistakes: say so where a cell holds
    // more images than are kept (always on the diagonal), with a way to measure again.
    const bool inCell = trueClass >= 0 && trueClass < int(r.confusion.size()) && predicted >= 0 &&
                        predicted < int(r.confusion[std::size_t(trueClass)].size());
    const int cellCount = inCell ? r.confusion[std::size_t(trueClass)][std::size_t(predicted)] : 0;
    const QString evaluateLink = QStringLiteral("<a href=\"evaluate\">%1</a>").arg(tr("Evaluate"));
    if (trueClass < 0)
        title_->setText(
            tr("%n misclassified image(s), the most confident mistakes first. Click a cell of the matrix "
               "to see its images.",
               nullptr, int(s.size())));
    else if (report_.mistakesOnly && trueClass == predicted && cellCount > 0)
        title_->setText(tr("The %n correctly classified image(s) of %1 are not kept with the project (it keeps the "
                           "evaluation's mistakes only). %2 to see them.",
                           nullptr, cellCount)
                            .arg(name(trueClass), evaluateLink));
    else if (report_.mistakesOnly && int(s.size()) < cellCount)
        title_->setText(tr("%1 of the %n image(s) of %2 predicted as %3, the most confident first (the project "
                           "keeps the evaluation's most confident mistakes). %4 to see them all.",
                           nullptr, cellCount)
                            .arg(int(s.size()))
                            .arg(name(trueClass), name(predicted), evaluateLink));
    else
        title_->setText(tr("%n image(s) of %1 predicted as %2, the most confident first.", nullptr, int(s.size()))
                            .arg(name(trueClass), name(predicted)));
    model_->reset(std::move(s));
}

const std::vector<int>& MisclassifiedGallery::shownSamples() const { return model_->samples; }

QString MisclassifiedGallery::title() const { return title_->text(); }

}  // namespace cs::gui

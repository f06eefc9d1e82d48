#include "dataset_controller.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <optional>

#include "data/builtin_dataset.h"
#include "data/load_options.h"
#include "dataset_session.h"
#include "designer/model_document.h"
#include "main_window.h"

namespace cs::gui {

namespace {
const QString kBuiltin = QStringLiteral("builtin");
constexpr int kMaxNamesShown = 12;
QString qs(const std::string& s) { return QString::fromStdString(s); }

QString nameList(const std::vector<std::string>& names) {
    QStringList out;
    for (std::size_t i = 0; i < names.size() && i < std::size_t(kMaxNamesShown); ++i)
        out << qs(names[i]).toHtmlEscaped();
    if (names.size() > std::size_t(kMaxNamesShown)) out << QStringLiteral("…");
    return out.join(QStringLiteral(", "));
}

// What the dock can say about a dataset without loading it, or from its load.
struct DatasetFacts {
    std::vector<std::string> classNames;
    std::size_t train = 0, validation = 0, test = 0;
};
}  // namespace

QString DatasetController::fashionMnistDir() {
    const QString dir = QStringLiteral("/usr/share/datasets/fashion-mnist");
    return QFileInfo::exists(dir + QStringLiteral("/train-images-idx3-ubyte.gz")) ? dir : QString();
}

QString DatasetController::defaultSource() {
    const QString fashion = fashionMnistDir();
    return fashion.isEmpty() ? kBuiltin : fashion;
}

DatasetController::DatasetController(MainWindow& window, ModelDocument& doc, DatasetSession& data, QObject* parent)
    : QObject(parent), window_(&window), doc_(&doc), data_(&data) {
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(8, 8, 8, 8);
    auto* row = new QHBoxLayout;
    combo_ = new QComboBox(panel);
    combo_->setObjectName(QStringLiteral("datasetCombo"));
    combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo_->setMinimumContentsLength(12);
    auto* browse = new QToolButton(panel);
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(tr("Choose an image folder (one sub-folder per class), IDX or CIFAR-10 files"));
    row->addWidget(combo_, 1);
    row->addWidget(browse);
    layout->addLayout(row);
    details_ = new QLabel(panel);
    details_->setWordWrap(true);
    details_->setTextFormat(Qt::RichText);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setStyleSheet(QStringLiteral("color: #4a515c;"));
    layout->addWidget(details_);
    layout->addStretch();

    auto* dock = new QDockWidget(tr("Dataset"), window_);
    dock->setObjectName(QStringLiteral("datasetDock"));
    dock->setWindowIcon(QIcon(QStringLiteral(":/icons/dataset.svg")));
    dock->setWidget(panel);
    window_->addDock(dock, Qt::LeftDockWidgetArea);

    connect(combo_, &QComboBox::activated, this, [this](int index) {
        const QString source = combo_->itemData(index).toString();
        if (source.isEmpty()) {
            chooseFolder();
            return;
        }
        refresh();  // the combo shows the project's dataset until the chosen one has loaded
        emit sourceChosen(source);
    });
    connect(browse, &QToolButton::clicked, this, &DatasetController::chooseFolder);
    for (auto revision :
         {&ModelDocument::datasetChanged, &ModelDocument::weightsChanged, &ModelDocument::documentReset})
        connect(doc_, revision, this, &DatasetController::refresh);
    connect(doc_, &ModelDocument::checked, this, &DatasetController::updateDetails);  // the outputs
    connect(data_, &DatasetSession::loaded, this, &DatasetController::updateDetails);
    // Images saved into the project's folder (captures): its counts are loaded again.
    reloadTimer_ = new QTimer(this);
    reloadTimer_->setSingleShot(true);
    reloadTimer_->setInterval(1000);
    connect(data_, &DatasetSession::changedOnDisk, reloadTimer_, qOverload<>(&QTimer::start));
    connect(reloadTimer_, &QTimer::timeout, this, [this] {
        if (data_->source() == currentSource() && !data_->isLoading())
            data_->ensure(currentSource(), doc_->file().preprocessing);
    });
    refresh();
}

QString DatasetController::currentSource() const { return qs(doc_->datasetSource()); }

void DatasetController::chooseFolder() {
    const QString dir = pickFolder_
                            ? pickFolder_()
                            : QFileDialog::getExistingDirectory(window_, tr("Choose Dataset Folder"), currentSource());
    refresh();
    if (!dir.isEmpty()) emit sourceChosen(dir);
}

void DatasetController::refresh() {
    const QString source = currentSource();
    const QSignalBlocker block(combo_);
    combo_->clear();
    const QString fashion = fashionMnistDir();
    if (!fashion.isEmpty()) combo_->addItem(QIcon(QStringLiteral(":/icons/dataset.svg")), tr("Fashion-MNIST"), fashion);
    combo_->addItem(QIcon(QStringLiteral(":/icons/dataset.svg")), tr("Built-in shapes (generated)"), kBuiltin);
    if (!source.isEmpty() && combo_->findData(source) < 0 && source != QLatin1String("builtin:shapes"))
        combo_->addItem(QIcon(QStringLiteral(":/icons/open.svg")), QFileInfo(source).fileName(), source);
    combo_->addItem(tr("Other folder…"), QString());
    int index = combo_->findData(source == QLatin1String("builtin:shapes") ? kBuiltin : source);
    combo_->setCurrentIndex(std::max(0, index));

    combo_->setToolTip(QDir::toNativeSeparators(source));
    updateDetails();
}

void DatasetController::updateDetails() {
    const QString source = currentSource();
    const Preprocessing& pre = doc_->file().preprocessing;
    const std::vector<std::string>& classNames = doc_->classNames();
    QStringList about, dataset, model;  // three paragraphs
    if (source.startsWith(kBuiltin))
        about << tr("Generated on the fly: simple shapes, drawn at the model's input size. Needs no download.");
    else
        about << tr("Source: %1").arg(QDir::toNativeSeparators(source).toHtmlEscaped());
    about << tr("Model input: %1 × %2 × %3").arg(pre.height).arg(pre.width).arg(pre.channels);

    // The dataset's classes: from its load (the session's), or, for the generated set, as the
    // loader makes it.
    std::optional<DatasetFacts> data;
    if (const std::shared_ptr<const DataSplits> d = data_->data(); d && data_->source() == source) {
        const Dataset& first = d->train.size() ? d->train : d->test;
        data = DatasetFacts{first.classNames, d->train.size(), d->validation.size(), d->test.size()};
    } else if (source.startsWith(kBuiltin)) {
        const LoadOptions defaults;
        data = DatasetFacts{shapeClassNames(), std::size_t(defaults.builtinTrainCount), 0,
                            std::size_t(defaults.builtinTestCount)};
    }
    if (data) {
        dataset
            << tr("Dataset: %n class(es) — %1", nullptr, int(data->classNames.size())).arg(nameList(data->classNames));
        QStringList counts;
        const QLocale locale;
        counts << tr("%1 training").arg(locale.toString(qulonglong(data->train)));
        if (data->validation) counts << tr("%1 validation").arg(locale.toString(qulonglong(data->validation)));
        if (data->test) counts << tr("%1 test").arg(locale.toString(qulonglong(data->test)));
        dataset << tr("Images: %1").arg(counts.join(QStringLiteral(", ")));
    } else {
        dataset << tr("Dataset classes: shown once the Dataset page has loaded it.");
    }

    // The model's outputs, as the graph has them, and the names the project gives them.
    int outputs = int(classNames.size());
    if (const NodeCheck* out = doc_->nodeCheck(doc_->check().outputId); out && out->shapeKnown && out->output.isFlat())
        outputs = int(out->output.size());
    if (outputs > 0) {
        if (data && classNames == data->classNames)
            model << tr("Model: %n output(s), the dataset's classes", nullptr, outputs);
        else if (!classNames.empty())
            model << tr("Model: %n output(s) — %1", nullptr, outputs).arg(nameList(classNames));
        else
            model << tr("Model: %n output(s)", nullptr, outputs);
    }
    if (data && outputs > 0) {
        const int classes = int(data->classNames.size());
        if (classes > outputs)
            model << QStringLiteral("<span style='color:#c0392b'>%1</span>")
                         .arg(tr("The dataset has %1 classes, more than the model's outputs (%2): training fails until "
                                 "the last layer has %1 units.")
                                  .arg(classes)
                                  .arg(outputs));
        else if (!classNames.empty() && classNames != data->classNames)
            model << tr("Training on this dataset names the model's outputs after its classes.");
    }
    QString html;
    for (const QStringList& lines : {about, dataset, model})
        if (!lines.isEmpty())
            html += QStringLiteral("<p style='margin:0 0 8px 0'>%1</p>").arg(lines.join(QStringLiteral("<br>")));
    details_->setText(html);
}

}  // namespace cs::gui

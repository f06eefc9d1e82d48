#include "dataset_controller.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include "dataset_ui.h"
#include "designer/model_document.h"
#include "main_window.h"

namespace cs::gui {

namespace {
const QString kBuiltin = QStringLiteral("builtin");
QString qs(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

QString DatasetController::fashionMnistDir() {
    const QString dir = QStringLiteral("/usr/share/datasets/fashion-mnist");
    return QFileInfo::exists(dir + QStringLiteral("/train-images-idx3-ubyte.gz")) ? dir : QString();
}

QString DatasetController::defaultSource() {
    const QString fashion = fashionMnistDir();
    return fashion.isEmpty() ? kBuiltin : fashion;
}

DatasetController::DatasetController(MainWindow* window, ModelDocument* doc, QObject* parent)
    : QObject(parent), window_(window), doc_(doc) {
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
        doc_->setProjectValue("dataset", source.toStdString());
    });
    connect(browse, &QToolButton::clicked, this, &DatasetController::chooseFolder);
    connect(doc_, &ModelDocument::projectChanged, this, &DatasetController::refresh);
    connect(doc_, &ModelDocument::documentReset, this, &DatasetController::applyDefault);
    applyDefault();
    ui_ = new DatasetUi(*window_, doc_, this);
}

QString DatasetController::currentSource() const {
    const auto& p = doc_->file().project;
    return p.is_object() && p.contains("dataset") && p["dataset"].is_string() ? qs(p["dataset"].get<std::string>())
                                                                              : QString();
}

void DatasetController::applyDefault() {
    // A new project trains on the default dataset; setting it is not an edit of the user's.
    if (currentSource().isEmpty()) {
        nlohmann::json p = doc_->file().project.is_object() ? doc_->file().project : nlohmann::json::object();
        p["dataset"] = defaultSource().toStdString();
        doc_->setProject(p);
    }
    refresh();
}

void DatasetController::chooseFolder() {
    const QString dir = QFileDialog::getExistingDirectory(window_, tr("Choose Dataset Folder"), currentSource());
    if (!dir.isEmpty()) doc_->setProjectValue("dataset", dir.toStdString());
    refresh();
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

    const ModelFile& f = doc_->file();
    QString text;
    if (source.startsWith(kBuiltin))
        text = tr("Generated on the fly: simple shapes in 28 × 28 grayscale images. Needs no download.");
    else
        text = tr("Source: %1").arg(QDir::toNativeSeparators(source));
    text += QStringLiteral("\n") + tr("Model input: %1 × %2 × %3")
                                       .arg(f.preprocessing.height)
                                       .arg(f.preprocessing.width)
                                       .arg(f.preprocessing.channels);
    if (!f.classNames.empty()) {
        QStringList names;
        for (const std::string& n : f.classNames) names << qs(n);
        text += QStringLiteral("\n") + tr("%n class(es): %1", nullptr, int(names.size())).arg(names.join(QStringLiteral(", ")));
    }
    details_->setText(text);
    combo_->setToolTip(QDir::toNativeSeparators(source));
}

}  // namespace cs::gui

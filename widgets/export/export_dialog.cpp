#include "export/export_dialog.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "common/engine_message.h"
#include "export/distributed_panel.h"
#include "graph/model.h"
#include "io/code_export.h"

namespace cs::gui {

namespace {

constexpr const char* kOk = "#1e7b34";
constexpr const char* kWarn = "#a35c00";
constexpr const char* kBad = "#b3261e";

QLabel* hint(const QString& text) {
    auto* l = new QLabel(text);
    l->setWordWrap(true);
    l->setContentsMargins(22, 0, 0, 6);
    QPalette pal = l->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    l->setPalette(pal);
    return l;
}

QString coloured(const char* colour, const QString& html) {
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(QLatin1String(colour), html);
}

QString num(double v) { return QString::number(v, 'g', 3); }

}  // namespace

ExportDialog::ExportDialog(QWidget* parent)
    : QDialog(parent), parityCancel_(std::make_shared<std::atomic<bool>>(false)) {
    setWindowTitle(tr("Export Model"));
    setObjectName(QStringLiteral("exportDialog"));

    summary_ = new QLabel;
    summary_->setWordWrap(true);
    weights_ = new QLabel;
    weights_->setObjectName(QStringLiteral("weightsState"));
    weights_->setWordWrap(true);

    path_ = new QLineEdit;
    path_->setObjectName(QStringLiteral("exportPath"));
    browse_ = new QPushButton(tr("&Browse…"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse_);
    auto* pathBox = new QGroupBox(tr("Save to"));
    pathBox->setLayout(pathRow);

    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("exportStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    export_ = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    export_->setDefault(true);
    export_->setObjectName(QStringLiteral("exportButton"));

    auto* left = new QVBoxLayout;
    left->addWidget(createFormatBox());
    left->addWidget(createOnnxBox());
    left->addWidget(pathBox);
    left->addWidget(createParityBox());
    left->addStretch(1);

    distributed_ = new DistributedPanel;
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 5);
    columns->addWidget(distributed_, 4);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(weights_);
    layout->addLayout(columns, 1);
    layout->addWidget(status_);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(export_, &QPushButton::clicked, this, &ExportDialog::exportNow);
    connect(browse_, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(path_, &QLineEdit::textEdited, this, [this] { pathsEdited_[shownFormat_] = true; });
    connect(path_, &QLineEdit::textChanged, this, [this](const QString& p) {
        if (format() == ExportFormat::PyTorch) distributed_->setProjectFolder(p);
    });
    connect(&parityWatcher_, &QFutureWatcher<ParityOutcome>::finished, this, &ExportDialog::onParityDone);
    connect(distributed_, &DistributedPanel::exportRequested, this, [this] {
        setFormat(ExportFormat::PyTorch);
        exportNow();
    });
    connect(distributed_, &DistributedPanel::importRequested, this, &ExportDialog::importRequested);

    setDataSource(QString());
    setOutputDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    onFormatChanged();
    resize(1180, 760);
}

ExportDialog::~ExportDialog() {
    parityCancel_->store(true);
    parityWatcher_.waitForFinished();
}

QWidget* ExportDialog::createFormatBox() {
    auto* box = new QGroupBox(tr("Format"));
    auto* layout = new QVBoxLayout(box);
    formats_ = new QButtonGroup(this);
    const struct {
        ExportFormat format;
        QString title, help, name;
    } entries[] = {
        {ExportFormat::Onnx, tr("&ONNX model (.onnx)"),
         tr("For ONNX Runtime, OpenCV, TensorRT and other runtimes: dynamic batch size; class names, "
            "preprocessing and the graph are kept in the file's metadata."),
         QStringLiteral("formatOnnx")},
        {ExportFormat::Keras, tr("&Keras code (.py)"),
         tr("A TensorFlow/Keras script that rebuilds the layers with the same training settings, "
            "preprocessing and a data loader (architecture only: train it there)."),
         QStringLiteral("formatKeras")},
        {ExportFormat::PyTorch, tr("P&yTorch project (folder)"),
         tr("model.py (an nn.Module, with the weights when trained), train.py (one CPU, GPUs, or torchrun "
            "across machines; writes ONNX the studio imports) and README.md."),
         QStringLiteral("formatPyTorch")},
    };
    for (const auto& e : entries) {
        auto* radio = new QRadioButton(e.title);
        radio->setObjectName(e.name);
        formats_->addButton(radio, int(e.format));
        layout->addWidget(radio);
        layout->addWidget(hint(e.help));
    }
    formats_->button(0)->setChecked(true);
    connect(formats_, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on) onFormatChanged();
    });
    return box;
}

QWidget* ExportDialog::createOnnxBox() {
    onnxBox_ = new QGroupBox(tr("ONNX options"));
    opset_ = new QSpinBox;
    opset_->setObjectName(QStringLiteral("opset"));
    opset_->setRange(kOnnxMinOpset, kOnnxMaxOpset);
    opset_->setValue(kOnnxMinOpset);
    opset_->setToolTip(tr("Opset 13 loads in the most runtimes; later opsets write the same graph."));
    bake_ = new QCheckBox(tr("Bake the preprocessing into the graph"));
    bake_->setObjectName(QStringLiteral("bakePreprocessing"));
    auto* form = new QFormLayout(onnxBox_);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Opset:"), opset_);
    form->addRow(bake_);
    form->addRow(
        hint(tr("Then the model takes raw 0–255 pixels (RGB for colour) and applies inversion, scaling "
                "and normalisation itself; otherwise its input is already preprocessed.")));
    return onnxBox_;
}

QWidget* ExportDialog::createParityBox() {
    parityBox_ = new QGroupBox(tr("Parity check: engine vs OpenCV DNN"));
    parityCount_ = new QSpinBox;
    parityCount_->setObjectName(QStringLiteral("parityCount"));
    parityCount_->setRange(1, 10000);
    parityCount_->setValue(100);
    parityCount_->setSuffix(tr(" images"));
    parityButton_ = new QPushButton(tr("Check &Parity"));
    parityButton_->setObjectName(QStringLiteral("parityButton"));
    parityBusy_ = new QProgressBar;
    parityBusy_->setRange(0, 0);
    parityBusy_->setMaximumWidth(120);
    parityBusy_->setTextVisible(false);
    parityBusy_->hide();
    parityData_ = new QLabel;
    parityData_->setWordWrap(true);
    parityResult_ = new QLabel;
    parityResult_->setObjectName(QStringLiteral("parityResult"));
    parityResult_->setWordWrap(true);
    parityResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    parityResult_->setText(
        tr("Runs the images through the engine and through OpenCV's DNN on the ONNX export "
           "with the options above, and compares the class probabilities."));

    auto* row = new QHBoxLayout;
    row->addWidget(parityCount_);
    row->addWidget(parityButton_);
    row->addWidget(parityBusy_);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(parityBox_);
    layout->addLayout(row);
    layout->addWidget(parityData_);
    layout->addWidget(parityResult_);
    connect(parityButton_, &QPushButton::clicked, this, &ExportDialog::checkParity);
    return parityBox_;
}

// ---- Model, paths, data ----

void ExportDialog::setModel(const ModelFile& file, const QString& name) {
    file_ = file;
    name_ = name.isEmpty() ? QStringLiteral("model") : name;
    try {
        const Model model(file_.graph, file_.seed);
        const Shape& in = model.inputShape();  // shown as the designer does: H × W × C
        summary_->setText(tr("<b>%1</b> — input %2 × %3 × %4, classes: %5, parameters: %6")
                              .arg(name_.toHtmlEscaped())
                              .arg(in.height())
                              .arg(in.width())
                              .arg(in.channels())
                              .arg(file_.classNames.size())
                              .arg(QLocale().toString(qlonglong(model.paramCount()))));
        modelOk_ = true;
    } catch (const std::exception& e) {
        summary_->setText(coloured(kBad, tr("<b>%1</b> cannot be exported: %2")
                                             .arg(name_.toHtmlEscaped(), QString::fromUtf8(e.what()).toHtmlEscaped())));
        modelOk_ = false;
    }
    weights_->setText(file_.hasWeights()
                          ? coloured(kOk, tr("✔ Trained weights are exported."))
                          : coloured(kWarn, tr("⚠ This model is untrained: the export holds its random initial "
                                               "weights. Train it first for a useful model.")));
    distributed_->setHasWeights(file_.hasWeights());
    export_->setEnabled(modelOk_);
    parityButton_->setEnabled(modelOk_ && format() == ExportFormat::Onnx);
    updateDefaultPaths();
}

void ExportDialog::setOutputDir(const QString& dir) {
    dir_ = dir;
    updateDefaultPaths();
}

QString ExportDialog::defaultFileName(const QString& name, ExportFormat format) {
    QString base = name;
    base.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("_"));
    if (base.isEmpty()) base = QStringLiteral("model");
    switch (format) {
        case ExportFormat::Onnx:
            return base + QStringLiteral(".onnx");
        case ExportFormat::Keras:
            return base + QStringLiteral("_keras.py");
        case ExportFormat::PyTorch:
            return base + QStringLiteral("_pytorch");
    }
    return base;
}

void ExportDialog::updateDefaultPaths() {
    for (int f = 0; f < 3; ++f)
        if (!pathsEdited_[f]) paths_[f] = QDir(dir_).filePath(defaultFileName(name_, ExportFormat(f)));
    path_->setText(paths_[shownFormat_]);
    distributed_->setProjectFolder(paths_[int(ExportFormat::PyTorch)]);
}

void ExportDialog::setDataSource(const QString& source) {
    dataSource_ = source;
    // train.py reads a folder (IDX files or one sub-folder per class), not the built-in set.
    QString data;
    if (!source.isEmpty() && !source.startsWith(QLatin1String("builtin")))
        data = QFileInfo(source).isFile() ? QFileInfo(source).absolutePath() : source;
    distributed_->setDataPath(data);
    updateDataLabel();
}

void ExportDialog::updateDataLabel() {
    const bool builtin = dataSource_.isEmpty() || dataSource_.startsWith(QLatin1String("builtin"));
    parityData_->setText(
        builtin ? tr("Images: the built-in set.")
                : tr("Images: %1 (its test split when it has one).").arg(QDir::toNativeSeparators(dataSource_)));
}

ExportFormat ExportDialog::format() const { return ExportFormat(formats_->checkedId()); }

void ExportDialog::setFormat(ExportFormat format) { formats_->button(int(format))->setChecked(true); }

QRadioButton* ExportDialog::formatButton(ExportFormat format) const {
    return static_cast<QRadioButton*>(formats_->button(int(format)));
}

QString ExportDialog::outputPath() const { return path_->text().trimmed(); }

void ExportDialog::setOutputPath(const QString& path) {
    path_->setText(path);
    pathsEdited_[shownFormat_] = true;
    paths_[shownFormat_] = path;
}

OnnxExportOptions ExportDialog::onnxOptions() const {
    OnnxExportOptions o;
    o.opset = opset_->value();
    o.bakePreprocessing = bake_->isChecked();
    return o;
}

void ExportDialog::onFormatChanged() {
    paths_[shownFormat_] = path_->text();
    shownFormat_ = int(format());
    path_->setText(paths_[shownFormat_]);
    const bool onnx = format() == ExportFormat::Onnx;
    onnxBox_->setEnabled(onnx);
    parityButton_->setEnabled(modelOk_ && onnx && !isParityRunning());
    parityBox_->setToolTip(onnx ? QString() : tr("The parity check compares the ONNX export."));
    path_->setPlaceholderText(format() == ExportFormat::PyTorch ? tr("A folder for model.py, train.py and README.md")
                                                                : tr("The file to write"));
    status_->clear();
}

void ExportDialog::browse() {
    QString path;
    switch (format()) {
        case ExportFormat::Onnx:
            path =
                QFileDialog::getSaveFileName(this, tr("Export ONNX Model"), outputPath(), tr("ONNX models (*.onnx)"));
            break;
        case ExportFormat::Keras:
            path = QFileDialog::getSaveFileName(this, tr("Export Keras Code"), outputPath(), tr("Python files (*.py)"));
            break;
        case ExportFormat::PyTorch:
            path = QFileDialog::getExistingDirectory(this, tr("Folder for the PyTorch Project"),
                                                     QFileInfo(outputPath()).absolutePath());
            if (!path.isEmpty() && QDir(path).exists(QStringLiteral("model.py")) == false && !QDir(path).isEmpty())
                path = QDir(path).filePath(defaultFileName(name_, ExportFormat::PyTorch));
            break;
    }
    if (!path.isEmpty()) setOutputPath(QDir::toNativeSeparators(path));
}

// ---- Export ----

void ExportDialog::showStatus(const QString& text, bool error) {
    status_->setText(coloured(error ? kBad : kOk, text.toHtmlEscaped()));
}

bool ExportDialog::exportNow() {
    QString path = outputPath();
    if (path.isEmpty()) {
        showStatus(tr("Choose where to save the export."), true);
        return false;
    }
    const ExportFormat f = format();
    if (f == ExportFormat::Onnx && QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".onnx");
    if (f == ExportFormat::Keras && QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".py");
    const bool exists = f == ExportFormat::PyTorch ? QFileInfo::exists(QDir(path).filePath(QStringLiteral("model.py")))
                                                   : QFileInfo(path).isFile();
    if (exists && interactive_ &&
        QMessageBox::question(this, tr("Export"), tr("%1 exists. Replace it?").arg(QDir::toNativeSeparators(path))) !=
            QMessageBox::Yes)
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        const std::string p = QDir::fromNativeSeparators(path).toStdString();
        switch (f) {
            case ExportFormat::Onnx:
                saveOnnxFile(p, file_, onnxOptions());
                break;
            case ExportFormat::Keras:
                saveKerasCode(p, file_);
                break;
            case ExportFormat::PyTorch:
                writePyTorchProject(p, file_);
                break;
        }
    } catch (...) {
        QApplication::restoreOverrideCursor();
        showStatus(tr("Export failed: %1").arg(currentExceptionText()), true);
        return false;
    }
    QApplication::restoreOverrideCursor();
    QString done;
    switch (f) {
        case ExportFormat::Onnx:
            done = tr("Exported ONNX (opset %1%2) to %3")
                       .arg(opset_->value())
                       .arg(bake_->isChecked() ? tr(", preprocessing baked in") : QString())
                       .arg(QDir::toNativeSeparators(path));
            break;
        case ExportFormat::Keras:
            done = tr("Exported Keras code to %1").arg(QDir::toNativeSeparators(path));
            break;
        case ExportFormat::PyTorch:
            done = tr("Exported the PyTorch project to %1").arg(QDir::toNativeSeparators(path));
            distributed_->setProjectFolder(path);
            break;
    }
    if (!file_.hasWeights()) done += QLatin1Char(' ') + tr("(untrained: random initial weights)");
    showStatus(done, false);
    emit exported(path, f);
    return true;
}

// ---- Parity ----

bool ExportDialog::isParityRunning() const { return parityWatcher_.isRunning(); }

void ExportDialog::checkParity() {
    if (isParityRunning() || !modelOk_) return;
    ParityJob job;
    job.file = file_;
    job.dataSource = dataSource_.toStdString();
    job.options.count = parityCount_->value();
    job.options.exportOptions = onnxOptions();
    job.cancel = parityCancel_;
    parityOptions_ = job.options.exportOptions;
    parityButton_->setEnabled(false);
    parityBusy_->show();
    parityResult_->setText(tr("Checking %1 images…").arg(job.options.count));
    parityWatcher_.setFuture(QtConcurrent::run([job = std::move(job)] { return runParityJob(job); }));
}

QString ExportDialog::describeOutcome(const ParityOutcome& r) const {
    if (!r.ran)
        return coloured(kBad,
                        tr("✘ The parity check failed: %1").arg(QString::fromUtf8(r.error.c_str()).toHtmlEscaped()));
    const ParityReport& p = r.report;
    QString html = r.ok ? coloured(kOk, tr("<b>✔ OK</b> — the ONNX model agrees with the engine."))
                        : coloured(kBad, tr("<b>✘ Failed</b> — the ONNX model differs from the engine."));
    html +=
        QStringLiteral("<br>") + tr("max |Δp| = <b>%1</b>, mean |Δp| = %2, top-1 class agrees for <b>%3/%4</b> images")
                                     .arg(num(p.maxAbsDiff), num(p.meanAbsDiff))
                                     .arg(p.top1Agreements)
                                     .arg(p.samples);
    if (!p.disagreements.empty()) {
        QStringList ids;
        for (std::size_t i = 0; i < p.disagreements.size() && i < 10; ++i) ids << QString::number(p.disagreements[i]);
        html += QStringLiteral(" (") + tr("differs for #%1").arg(ids.join(QStringLiteral(", #"))) + QLatin1Char(')');
    }
    if (p.maxAbsDiff > kParityTolerance)
        html += QStringLiteral("<br>") + tr("Tolerance: %1").arg(num(kParityTolerance));
    QString images;
    switch (r.images) {
        case ParityOutcome::Images::ProjectTest:
            images = tr("test split of the project's dataset");
            break;
        case ParityOutcome::Images::ProjectTraining:
            images = tr("the project's dataset (it has no test split)");
            break;
        case ParityOutcome::Images::Builtin:
            images = tr("the built-in set");
            break;
    }
    QString detail = tr("Images: %1; opset %2%3.")
                         .arg(images)
                         .arg(parityOptions_.opset)
                         .arg(parityOptions_.bakePreprocessing ? tr(", preprocessing baked in") : QString());
    if (!r.datasetSize.empty())
        detail +=
            QLatin1Char(' ') +
            tr("The project's images are %1, not the model's input size.").arg(QString::fromStdString(r.datasetSize));
    else if (!r.loadError.empty())
        detail += QLatin1Char(' ') + tr("The project's dataset could not be loaded (%1).")
                                         .arg(QString::fromUtf8(r.loadError.c_str()).toHtmlEscaped());
    if (r.untrained) detail += QLatin1Char(' ') + tr("Untrained model: its initial weights were compared.");
    return html + QStringLiteral("<br><small>") + detail + QStringLiteral("</small>");
}

void ExportDialog::onParityDone() {
    parityBusy_->hide();
    parityButton_->setEnabled(modelOk_ && format() == ExportFormat::Onnx);
    if (parityButton_->isEnabled() && isActiveWindow()) parityButton_->setFocus();  // disabling it moved the focus
    const ParityOutcome r = parityWatcher_.result();
    parityResult_->setText(describeOutcome(r));
    emit parityFinished(r.ok);
}

}  // namespace cs::gui

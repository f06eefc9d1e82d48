#include "export/distributed_panel.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace cs::gui {

namespace {

QString shellQuote(const QString& s) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (plain.match(s).hasMatch()) return s;
    QString q = s;
    q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

}  // namespace

DistributedPanel::DistributedPanel(QWidget* parent) : QGroupBox(tr("Train beyond this machine"), parent) {
    auto* steps =
        new QLabel(tr("<ol style='margin-left:-20px'>"
                      "<li>Export the model as a <b>PyTorch project</b> (model.py, train.py, README.md).</li>"
                      "<li>Run <tt>train.py</tt> with <tt>torchrun</tt>: several processes on this computer's CPUs "
                      "or GPUs, or several machines (DistributedDataParallel). Needs Python 3 with PyTorch.</li>"
                      "<li>Import the <tt>model.onnx</tt> it writes: File ▸ Import ONNX…</li></ol>"));
    steps->setWordWrap(true);
    steps->setTextFormat(Qt::RichText);

    processes_ = new QSpinBox;
    processes_->setRange(1, 64);
    processes_->setValue(2);
    processes_->setObjectName(QStringLiteral("processesPerMachine"));
    auto* procRow = new QHBoxLayout;
    auto* procLabel = new QLabel(tr("Processes per machine:"));
    procLabel->setBuddy(processes_);
    procRow->addWidget(procLabel);
    procRow->addWidget(processes_);
    procRow->addStretch(1);

    view_ = new QPlainTextEdit;
    view_->setObjectName(QStringLiteral("torchrunCommands"));
    view_->setReadOnly(true);
    view_->setLineWrapMode(QPlainTextEdit::NoWrap);
    view_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view_->setMinimumHeight(180);

    auto* note =
        new QLabel(tr("<tt>--redirects 1 --tee 1</tt> works around a torchrun bug in PyTorch 1.13 "
                      "with Python 3.11 (Debian 12); newer PyTorch does not need it. "
                      "<tt>--batch-size</tt> is the global batch, split over the processes."));
    note->setWordWrap(true);
    note->setTextFormat(Qt::RichText);
    QPalette pal = note->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    note->setPalette(pal);

    copy_ = new QPushButton(tr("Copy Co&mmands"));
    export_ = new QPushButton(tr("1. Export PyTorch Project"));
    import_ = new QPushButton(tr("3. Import Trained ONNX…"));
    copied_ = new QLabel;
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(export_);
    buttons->addWidget(copy_);
    buttons->addWidget(import_);
    buttons->addWidget(copied_);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(steps);
    layout->addLayout(procRow);
    layout->addWidget(view_, 1);
    layout->addWidget(note);
    layout->addLayout(buttons);

    connect(processes_, &QSpinBox::valueChanged, this, &DistributedPanel::refresh);
    connect(copy_, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(commands());
        copied_->setText(tr("Copied."));
        QTimer::singleShot(2500, copied_, [l = copied_] { l->clear(); });
    });
    connect(export_, &QPushButton::clicked, this, &DistributedPanel::exportRequested);
    connect(import_, &QPushButton::clicked, this, [this] {
        emit importRequested(folder_.isEmpty() ? QString() : QDir(folder_).filePath(QStringLiteral("model.onnx")));
    });
    refresh();
}

void DistributedPanel::setProjectFolder(const QString& folder) {
    folder_ = folder;
    refresh();
}

void DistributedPanel::setDataPath(const QString& path) {
    data_ = path;
    refresh();
}

void DistributedPanel::setHasWeights(bool on) {
    hasWeights_ = on;
    refresh();
}

QString DistributedPanel::commands() const { return view_->toPlainText(); }

QString DistributedPanel::commandsFor(const QString& folder, const QString& data, int processes, bool initWeights) {
    const QString dir =
        shellQuote(folder.isEmpty() ? QStringLiteral("model_pytorch") : QDir::toNativeSeparators(folder));
    const QString dataArg =
        data.isEmpty() ? QStringLiteral("/path/to/data") : shellQuote(QDir::toNativeSeparators(data));
    // Continuation lines keep every line short enough to read without scrolling.
    const QString cont = QStringLiteral(" \\\n    ");
    QString args = QStringLiteral("train.py --data %1").arg(dataArg) + cont + QStringLiteral("--out model.onnx");
    if (initWeights) args += QStringLiteral(" --init-weights .");
    const QString n = QString::number(processes);
    const QString workaround = QStringLiteral("--redirects 1 --tee 1");
    QStringList lines;
    lines << QStringLiteral("cd %1").arg(dir) << QString();
    lines << tr("# One CPU or one GPU:") << QStringLiteral("python3 ") + args << QString();
    lines << tr("# Several processes on this machine (CPUs: gloo, GPUs: NCCL):")
          << QStringLiteral("torchrun --standalone --nproc_per_node=%1 %2").arg(n, workaround) + cont + args
          << QString();
    lines << tr("# Several machines: on each its own --node_rank (0 on HOST0):")
          << QStringLiteral("torchrun --nnodes=2 --node_rank=0 --nproc_per_node=%1").arg(n) + cont + workaround + cont +
                 QStringLiteral("--master_addr=HOST0 --master_port=29500") + cont + args
          << QString();
    lines << tr("# Then import model.onnx (File ▸ Import ONNX…), or:")
          << QStringLiteral("convstudio-cli import model.onnx --out model.csmodel");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void DistributedPanel::refresh() { view_->setPlainText(commandsFor(folder_, data_, processes_->value(), hasWeights_)); }

}  // namespace cs::gui

#include "export/onnx_import_dialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/engine_message.h"
#include "graph/model.h"

namespace cs::gui {

OnnxImportDialog::OnnxImportDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Import ONNX Model"));
    setObjectName(QStringLiteral("onnxImportDialog"));
    title_ = new QLabel;
    title_->setWordWrap(true);
    message_ = new QLabel;
    message_->setObjectName(QStringLiteral("importMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setMinimumWidth(520);
    notes_ = new QListWidget;
    notes_->setObjectName(QStringLiteral("importNotes"));
    notes_->setWordWrap(true);
    notes_->setMaximumHeight(140);
    notes_->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    open_ = buttons->addButton(tr("&Open as Project"), QDialogButtonBox::AcceptRole);
    open_->setObjectName(QStringLiteral("openImported"));
    open_->setEnabled(false);
    cancel_ = buttons->button(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(message_);
    layout->addWidget(notes_);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

bool OnnxImportDialog::load(const QString& path) {
    ok_ = false;
    error_.clear();
    notes_->clear();
    title_->setText(QStringLiteral("<b>%1</b>").arg(QDir::toNativeSeparators(path).toHtmlEscaped()));
    report_ = {};
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        file_ = loadOnnxFile(QDir::fromNativeSeparators(path).toStdString(), &report_);
        // It must compile and take its weights to be of any use in the studio.
        Model model(file_.graph, file_.seed);
        if (file_.hasWeights()) applyWeights(file_, model);
        QStringList classes;
        for (std::size_t i = 0; i < file_.classNames.size() && i < 10; ++i)
            classes << QString::fromStdString(file_.classNames[i]);
        if (file_.classNames.size() > 10) classes << QStringLiteral("…");
        const Preprocessing& pre = file_.preprocessing;
        QString text;
        const Shape& in = model.inputShape();
        text += tr("Layers: %1, parameters: %2, input %3 × %4 × %5.")
                    .arg(file_.graph.nodes().size())
                    .arg(QLocale().toString(qlonglong(model.paramCount())))
                    .arg(in.height())
                    .arg(in.width())
                    .arg(in.channels());
        text +=
            QStringLiteral("<br>") +
            tr("Classes (%1): %2").arg(file_.classNames.size()).arg(classes.join(QStringLiteral(", ")).toHtmlEscaped());
        text += QStringLiteral("<br>") + (report_.classNamesFromMetadata
                                              ? tr("Class names from the file's metadata.")
                                              : tr("No class names in the file: numbered 0…N-1."));
        text +=
            QStringLiteral("<br>") +
            (report_.preprocessingFromMetadata
                 ? tr("Preprocessing from the metadata: %1 × %2 × %3.").arg(pre.height).arg(pre.width).arg(pre.channels)
                 : tr("No preprocessing in the metadata: pixels scaled to 0…1 (x/255) — check it in the "
                      "training settings."));
        if (report_.graphFromMetadata)
            text += QStringLiteral("<br>") + tr("Layer names and layout restored from ConvStudio's metadata.");
        text += QStringLiteral("<br><br>") + tr("It opens in the designer with its weights: inspect, fine-tune, "
                                                "evaluate or use it on the camera.");
        message_->setText(text);
        for (const std::string& n : report_.notes) notes_->addItem(QString::fromStdString(n));
        notes_->setVisible(!report_.notes.empty());
        ok_ = true;
    } catch (...) {
        error_ = currentExceptionText();
        message_->setText(QStringLiteral("<span style='color:#b3261e'><b>%1</b><br>%2</span>")
                              .arg(tr("This model cannot be imported:"), error_.toHtmlEscaped()));
        notes_->hide();
    }
    QApplication::restoreOverrideCursor();
    open_->setEnabled(ok_);
    open_->setVisible(ok_);
    cancel_->setText(ok_ ? tr("Cancel") : tr("&Close"));
    adjustSize();
    return ok_;
}

}  // namespace cs::gui

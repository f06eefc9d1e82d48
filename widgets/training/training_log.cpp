#include "training/training_log.h"

#include <QTime>

namespace cs::gui {

TrainingLog::TrainingLog(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setMaximumBlockCount(20000);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    setFont(mono);
    setPlaceholderText(tr("Each epoch and every warning of the run appears here."));
}

QString TrainingLog::epochLine(const EpochStats& e) {
    QString line = tr("Epoch %1/%2 — %3 s — loss %4 — accuracy %5")
                       .arg(e.epoch + 1)
                       .arg(e.epochs)
                       .arg(e.seconds, 0, 'f', 1)
                       .arg(e.loss, 0, 'f', 4)
                       .arg(e.accuracy, 0, 'f', 4);
    if (e.hasValidation)
        line += tr(" — val_loss %1 — val_accuracy %2").arg(e.valLoss, 0, 'f', 4).arg(e.valAccuracy, 0, 'f', 4);
    line += tr(" — lr %1").arg(double(e.learningRate), 0, 'g', 4);
    return line;
}

void TrainingLog::addEpoch(const EpochStats& e) { addLine(epochLine(e)); }

void TrainingLog::addLine(const QString& text, Kind kind) {
    const QString stamp = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    const QString body = text.toHtmlEscaped();
    QString html;
    switch (kind) {
        case Kind::Info:
            html = QStringLiteral("<span style='color:#888'>%1</span>&nbsp;&nbsp;%2").arg(stamp, body);
            break;
        case Kind::Warning:
            html =
                QStringLiteral("<span style='color:#888'>%1</span>&nbsp;&nbsp;<span style='color:#b9770e'>⚠ %2</span>")
                    .arg(stamp, body);
            break;
        case Kind::Error:
            html = QStringLiteral("<span style='color:#888'>%1</span>&nbsp;&nbsp;<b style='color:#c0392b'>✖ %2</b>")
                       .arg(stamp, body);
            break;
    }
    appendHtml(html);
}

}  // namespace cs::gui

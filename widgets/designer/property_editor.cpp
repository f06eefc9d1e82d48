#include "designer/property_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "common/engine_message.h"
#include "designer/layer_style.h"
#include "designer/model_document.h"
#include "designer/option_labels.h"
#include "layers/layer_registry.h"

namespace cs::gui {

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }

QLabel* makeValueLabel(QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
}  // namespace

PropertyEditor::PropertyEditor(ModelDocument* doc, QWidget* parent) : QWidget(parent), doc_(doc) {
    setObjectName(QStringLiteral("propertyEditor"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);

    placeholder_ = new QLabel(tr("Select a layer on the canvas to edit its options."), this);
    placeholder_->setWordWrap(true);
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setStyleSheet(QStringLiteral("color: #7a828e; padding: 24px;"));
    outer->addWidget(placeholder_);

    body_ = new QWidget(this);
    auto* layout = new QVBoxLayout(body_);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    auto* header = new QHBoxLayout;
    icon_ = new QLabel(body_);
    icon_->setFixedSize(28, 28);
    title_ = new QLabel(body_);
    QFont tf = title_->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() + 2);
    title_->setFont(tf);
    category_ = new QLabel(body_);
    category_->setStyleSheet(QStringLiteral("color: #6a707a;"));
    header->addWidget(icon_);
    header->addWidget(title_);
    header->addStretch();
    header->addWidget(category_);
    layout->addLayout(header);

    auto* idForm = new QFormLayout;
    idForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    nameEdit_ = new QLineEdit(body_);
    nameEdit_->setObjectName(QStringLiteral("nameEdit"));
    idForm->addRow(tr("Name"), nameEdit_);
    layout->addLayout(idForm);

    auto* optionsBox = new QFrame(body_);
    optionsBox->setFrameShape(QFrame::StyledPanel);
    form_ = new QFormLayout(optionsBox);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(optionsBox);

    auto* stats = new QFormLayout;
    output_ = makeValueLabel(body_);
    params_ = makeValueLabel(body_);
    macs_ = makeValueLabel(body_);
    stats->addRow(tr("Output shape"), output_);
    stats->addRow(tr("Parameters"), params_);
    stats->addRow(tr("Multiply-adds"), macs_);
    layout->addLayout(stats);

    error_ = new QLabel(body_);
    error_->setObjectName(QStringLiteral("errorLabel"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #a4161a; border: 1px solid #f5c2c0; border-radius: 4px; "
                       "padding: 6px; }"));
    layout->addWidget(error_);

    help_ = new QLabel(body_);
    help_->setWordWrap(true);
    help_->setStyleSheet(QStringLiteral("color: #4a515c; padding-top: 4px;"));
    help_->setTextFormat(Qt::RichText);
    layout->addWidget(help_);
    layout->addStretch();
    outer->addWidget(body_);

    connect(nameEdit_, &QLineEdit::editingFinished, this, [this] {
        const NodeSpec* n = doc_->node(id_);
        if (!n || nameEdit_->text() == qs(n->name)) return;
        if (!doc_->renameNode(id_, nameEdit_->text())) {
            nameEdit_->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #d93025; }"));
            nameEdit_->setToolTip(tr("Names must be unique and not empty."));
        } else {
            nameEdit_->setStyleSheet({});
            nameEdit_->setToolTip({});
        }
    });
    connect(doc_, &ModelDocument::nodeChanged, this, [this](int id) {
        if (id == id_) refreshValues();
    });
    connect(doc_, &ModelDocument::nodeRemoved, this, [this](int id) {
        if (id == id_) setNode(-1);
    });
    connect(doc_, &ModelDocument::documentReset, this, [this] { setNode(-1); });
    connect(doc_, &ModelDocument::checked, this, &PropertyEditor::refreshStatus);
    setNode(-1);
}

void PropertyEditor::setNode(int id) {
    id_ = doc_->node(id) ? id : -1;
    rebuild();
}

QString PropertyEditor::outputText() const { return output_->text(); }

void PropertyEditor::rebuild() {
    while (form_->rowCount() > 0) form_->removeRow(0);
    editors_.clear();
    resets_.clear();
    labels_.clear();
    const NodeSpec* n = doc_->node(id_);
    placeholder_->setVisible(!n);
    body_->setVisible(n != nullptr);
    if (!n) return;

    const LayerInfo* info = doc_->layerInfo(n->kind);
    const QString category = info ? qs(info->category) : QString();
    icon_->setPixmap(categoryIcon(category).pixmap(28, 28));
    title_->setText(qs(n->kind));
    category_->setText(categoryDisplayName(category));
    if (!info) {
        form_->addRow(new QLabel(tr("Unknown layer kind; it cannot be edited."), this));
        refreshValues();
        return;
    }

    for (const ParamSpec& p : info->params) {
        const QString name = qs(p.name);
        const QString help = paramHelp(p.help);
        QWidget* editor = nullptr;
        switch (p.type) {
            case ParamType::Int: {
                auto* spin = new QSpinBox(this);
                const double lo = std::max(p.min, double(std::numeric_limits<int>::min()));
                const double hi = std::min(p.max, double(std::numeric_limits<int>::max()));
                spin->setRange(int(lo), int(hi));
                spin->setKeyboardTracking(false);
                spin->setAccelerated(true);
                connect(spin, &QSpinBox::valueChanged, this,
                        [this, key = p.name](int v) { doc_->setOption(id_, key, v); });
                editor = spin;
                break;
            }
            case ParamType::Float: {
                auto* spin = new QDoubleSpinBox(this);
                spin->setDecimals(p.max - p.min <= 10 ? 4 : 3);
                spin->setRange(p.min, p.max);
                spin->setSingleStep(p.max - p.min <= 1.0 ? 0.05 : 0.1);
                spin->setKeyboardTracking(false);
                connect(spin, &QDoubleSpinBox::valueChanged, this,
                        [this, key = p.name](double v) { doc_->setOption(id_, key, v); });
                editor = spin;
                break;
            }
            case ParamType::Bool: {
                auto* box = new QCheckBox(this);
                connect(box, &QCheckBox::toggled, this, [this, key = p.name](bool v) { doc_->setOption(id_, key, v); });
                editor = box;
                break;
            }
            case ParamType::Choice: {
                auto* combo = new QComboBox(this);
                for (const std::string& c : p.choices) combo->addItem(qs(c));
                connect(combo, &QComboBox::activated, this, [this, combo, key = p.name](int) {
                    doc_->setOption(id_, key, combo->currentText().toStdString());
                });
                editor = combo;
                break;
            }
        }
        editor->setObjectName(name);
        QString tip = help;
        if (p.type == ParamType::Int || p.type == ParamType::Float)
            tip += QStringLiteral("\n") + tr("Range: %1 to %2").arg(p.min).arg(p.max);
        tip += QStringLiteral("\n") + tr("Default: %1").arg(qs(p.defaultValue.dump()));
        editor->setToolTip(tip);
        editor->installEventFilter(this);
        editor->setProperty("param", name);

        auto* reset = new QToolButton(this);
        reset->setText(QStringLiteral("↺"));
        reset->setAutoRaise(true);
        reset->setToolTip(tr("Reset to the default (%1)").arg(qs(p.defaultValue.dump())));
        connect(reset, &QToolButton::clicked, this, [this, key = p.name] { doc_->resetOption(id_, key); });

        auto* row = new QWidget(this);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->setSpacing(2);
        rowLayout->addWidget(editor, 1);
        rowLayout->addWidget(reset);
        auto* label = new QLabel(optionLabel(p.name), this);
        label->setToolTip(QStringLiteral("%1 (%2)").arg(help, name));
        form_->addRow(label, row);
        editors_.insert(name, editor);
        resets_.insert(name, reset);
        labels_.insert(name, label);
    }
    refreshValues();
    showHelp({});
}

void PropertyEditor::refreshValues() {
    const NodeSpec* n = doc_->node(id_);
    if (!n) return;
    if (!nameEdit_->hasFocus() || nameEdit_->text().isEmpty()) nameEdit_->setText(qs(n->name));
    const LayerInfo* info = doc_->layerInfo(n->kind);
    if (!info) return;
    nlohmann::json values;
    try {
        values = doc_->registry().validate(n->kind, n->options, n->name);
    } catch (const std::exception&) {
        values = n->options.is_object() ? n->options : nlohmann::json::object();
    }
    for (const ParamSpec& p : info->params) {
        const QString name = qs(p.name);
        QWidget* editor = editors_.value(name);
        if (!editor) continue;
        const nlohmann::json v = values.contains(p.name) ? values[p.name] : p.defaultValue;
        const QSignalBlocker block(editor);
        try {
            if (auto* spin = qobject_cast<QSpinBox*>(editor))
                // Clamped before the cast: an edited project may hold 1e300, which no int holds.
                spin->setValue(v.is_number()
                                   ? int(std::clamp(v.get<double>(), double(spin->minimum()), double(spin->maximum())))
                                   : spin->minimum());
            else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(editor))
                dspin->setValue(v.is_number() ? v.get<double>() : dspin->minimum());
            else if (auto* box = qobject_cast<QCheckBox*>(editor))
                box->setChecked(v.is_boolean() && v.get<bool>());
            else if (auto* combo = qobject_cast<QComboBox*>(editor))
                combo->setCurrentText(v.is_string() ? qs(v.get<std::string>()) : QString());
        } catch (const std::exception&) {
        }
        const bool explicitlySet = n->options.is_object() && n->options.contains(p.name);
        resets_.value(name)->setEnabled(explicitlySet);
        QFont f = labels_.value(name)->font();
        f.setBold(explicitlySet && v != p.defaultValue);
        labels_.value(name)->setFont(f);
    }
    refreshStatus();
}

void PropertyEditor::refreshStatus() {
    const NodeCheck* c = doc_->nodeCheck(id_);
    if (!doc_->node(id_) || !c) {
        error_->hide();
        return;
    }
    output_->setText(c->shapeKnown ? formatShape(c->output) : tr("unknown"));
    params_->setText(c->shapeKnown ? formatCount(c->params) : QStringLiteral("—"));
    macs_->setText(c->shapeKnown ? formatCompact(double(c->macs)) : QStringLiteral("—"));
    error_->setText(c->hasError() ? engineText(c->error) : QString());
    error_->setVisible(c->hasError());
}

void PropertyEditor::showHelp(const QString& param) {
    const NodeSpec* n = doc_->node(id_);
    const LayerInfo* info = n ? doc_->layerInfo(n->kind) : nullptr;
    if (!info) {
        help_->clear();
        return;
    }
    if (const ParamSpec* p = param.isEmpty() ? nullptr : info->param(param.toStdString()))
        help_->setText(
            QStringLiteral("<b>%1</b><br>%2").arg(param.toHtmlEscaped(), paramHelp(p->help).toHtmlEscaped()));
    else
        help_->setText(QStringLiteral("<b>%1</b><br>%2")
                           .arg(qs(info->kind).toHtmlEscaped(), layerHelp(info->kind, info->help).toHtmlEscaped()));
}

bool PropertyEditor::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::Enter)
        showHelp(watched->property("param").toString());
    return QWidget::eventFilter(watched, event);
}

}  // namespace cs::gui

#include "training/augment_form.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>

namespace cs::gui {

AugmentForm::AugmentForm(QWidget* parent) : QWidget(parent) {
    struct Spec {
        AugmentTransform AugmentOptions::*member;
        QString label, tip, suffix;
        double max, step, defaultAmount;
        int decimals;
    };
    const Spec specs[] = {
        {&AugmentOptions::shift,
         tr("Shift"),
         tr("Largest shift, as a fraction of the width and height"),
         {},
         0.5,
         0.01,
         0.1,
         2},
        {&AugmentOptions::rotate, tr("Rotate"), tr("Largest rotation either way"), tr(" °"), 180, 1, 10, 0},
        {&AugmentOptions::zoom, tr("Zoom"), tr("Scale drawn from 1 − amount to 1 + amount"), {}, 0.9, 0.01, 0.1, 2},
        {&AugmentOptions::hflip,
         tr("Flip horizontally"),
         tr("Mirror left-right (not for digits or text)"),
         {},
         0,
         0,
         0,
         0},
        {&AugmentOptions::vflip, tr("Flip vertically"), tr("Mirror top-bottom"), {}, 0, 0, 0, 0},
        {&AugmentOptions::brightness,
         tr("Brightness"),
         tr("Largest offset as a fraction of full scale"),
         {},
         1,
         0.01,
         0.1,
         2},
        {&AugmentOptions::contrast,
         tr("Contrast"),
         tr("Factor drawn from 1 − amount to 1 + amount"),
         {},
         0.9,
         0.01,
         0.2,
         2},
        {&AugmentOptions::noise,
         tr("Noise"),
         tr("Gaussian noise, standard deviation as a fraction of full scale"),
         {},
         0.5,
         0.01,
         0.03,
         2},
        {&AugmentOptions::erase,
         tr("Erase"),
         tr("Largest erased rectangle as a fraction of the image"),
         {},
         0.9,
         0.01,
         0.2,
         2},
        {&AugmentOptions::crop, tr("Pad and crop"), tr("Padding in pixels before a random crop of the same size"),
         tr(" px"), 16, 1, 2, 0},
    };
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(2);
    grid->addWidget(new QLabel(tr("Chance")), 0, 1);
    grid->addWidget(new QLabel(tr("Amount")), 0, 2);
    int r = 1;
    for (const Spec& s : specs) {
        Row row{s.member, new QCheckBox(s.label), new QDoubleSpinBox, nullptr, static_cast<float>(s.defaultAmount)};
        row.on->setToolTip(s.tip);
        row.probability->setRange(0.01, 1);
        row.probability->setSingleStep(0.05);
        row.probability->setDecimals(2);
        row.probability->setValue(0.5);
        row.probability->setToolTip(tr("Chance that an image gets this transform"));
        grid->addWidget(row.on, r, 0);
        grid->addWidget(row.probability, r, 1);
        if (s.max > 0) {
            row.amount = new QDoubleSpinBox;
            row.amount->setRange(0, s.max);
            row.amount->setSingleStep(s.step);
            row.amount->setDecimals(s.decimals);
            row.amount->setSuffix(s.suffix);
            row.amount->setValue(s.defaultAmount);
            row.amount->setToolTip(s.tip);
            grid->addWidget(row.amount, r, 2);
            connect(row.amount, &QDoubleSpinBox::valueChanged, this, &AugmentForm::changed);
        }
        auto sync = [p = row.probability, a = row.amount](bool on) {
            p->setEnabled(on);
            if (a) a->setEnabled(on);
        };
        sync(false);
        connect(row.on, &QCheckBox::toggled, this, sync);
        connect(row.on, &QCheckBox::toggled, this, &AugmentForm::changed);
        connect(row.probability, &QDoubleSpinBox::valueChanged, this, &AugmentForm::changed);
        rows_.push_back(row);
        ++r;
    }
}

void AugmentForm::setOptions(const AugmentOptions& options) {
    for (Row& row : rows_) {
        const AugmentTransform& t = options.*(row.member);
        const QSignalBlocker b1(row.on), b2(row.probability);
        row.on->setChecked(t.active());
        row.probability->setValue(t.active() ? t.probability : 0.5);
        row.probability->setEnabled(t.active());
        if (row.amount) {
            const QSignalBlocker b3(row.amount);
            row.amount->setValue(t.active() ? t.amount : row.defaultAmount);
            row.amount->setEnabled(t.active());
        }
    }
}

AugmentOptions AugmentForm::options() const {
    AugmentOptions o;
    for (const Row& row : rows_) {
        if (!row.on->isChecked()) continue;
        AugmentTransform& t = o.*(row.member);
        t.probability = static_cast<float>(row.probability->value());
        t.amount = row.amount ? static_cast<float>(row.amount->value()) : 0.f;
    }
    return o;
}

}  // namespace cs::gui

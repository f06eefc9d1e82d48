// The training settings form's class balance, driven by real keys and clicks: each choice in the
// combo gives TrainSettings with that balance (and emits changed()), loaded settings show theirs,
// explicit class weights are kept and named, and the form fits the training panel's narrowest
// width in English and in Chinese. With CONVSTUDIO_SCREENSHOTS=FOLDER set, the test also saves
// the panel as FOLDER/training_settings_{en,zh_CN}.png, and the combo's open list and tooltip
// as ..._list.png and ..._tooltip.png.
#include <QAbstractItemView>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLibraryInfo>
#include <QProcess>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QToolTip>
#include <QTranslator>
#include <QtTest>

#include "training/training_panel.h"
#include "training/training_settings_form.h"

using namespace cs;
using namespace cs::gui;

namespace {

const char* const kBalances[] = {"none", "weights", "oversample"};

QComboBox* balanceCombo(const TrainingSettingsForm& form) {
    return form.findChild<QComboBox*>(QStringLiteral("classBalance"));
}

// The zh_CN translation compiled from the source tree's .ts (the studio embeds its .qm; tests
// build their own with lrelease). Empty when lrelease is missing.
QString compileChineseTranslation(const QTemporaryDir& dir) {
    QString lrelease = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lrelease");
    if (!QFileInfo::exists(lrelease)) lrelease = QStringLiteral("/usr/lib/qt6/bin/lrelease");
    if (!QFileInfo::exists(lrelease)) return {};
    const QString qm = dir.filePath(QStringLiteral("convstudio_zh_CN.qm"));
    QProcess p;
    p.start(lrelease,
            {QStringLiteral(CONVSTUDIO_SOURCE_DIR "/translations/convstudio_zh_CN.ts"), QStringLiteral("-qm"), qm});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) return {};
    return qm;
}

}  // namespace

class TestTrainingSettingsForm : public QObject {
    Q_OBJECT
private slots:
    void defaultsToNoBalance();
    void keysChooseEachBalance();
    void popupClickChoosesABalance();
    void loadedSettingsShowTheirBalance();
    void explicitClassWeightsAreKeptAndNamed();
    void fitsTheNarrowestPanel_data();
    void fitsTheNarrowestPanel();
};

void TestTrainingSettingsForm::defaultsToNoBalance() {
    TrainingSettingsForm form;
    QComboBox* combo = balanceCombo(form);
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("none"));
    QCOMPARE(std::string(classBalanceName(form.settings().balance)), std::string("none"));
    QVERIFY(form.problem().isEmpty());
    // The tooltip explains every choice, and each item has its own.
    for (int i = 0; i < combo->count(); ++i) {
        QVERIFY(combo->toolTip().contains(combo->itemText(i).toHtmlEscaped()));
        QVERIFY(!combo->itemData(i, Qt::ToolTipRole).toString().isEmpty());
    }
}

void TestTrainingSettingsForm::keysChooseEachBalance() {
    TrainingSettingsForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QComboBox* combo = balanceCombo(form);
    combo->setFocus();
    QSignalSpy changed(&form, &TrainingSettingsForm::changed);
    for (const char* balance : {"weights", "oversample"}) {
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(std::string(classBalanceName(form.settings().balance)), std::string(balance));
        QCOMPARE(changed.count(), 1);
        QVERIFY(form.problem().isEmpty());
        changed.clear();
    }
    QTest::keyClick(combo, Qt::Key_Home);
    QCOMPARE(std::string(classBalanceName(form.settings().balance)), std::string("none"));
    QCOMPARE(changed.count(), 1);
    // The choice survives the trip through the model file's JSON.
    QTest::keyClick(combo, Qt::Key_End);
    QCOMPARE(std::string(classBalanceName(TrainSettings::fromJson(form.settings().toJson()).balance)),
             std::string("oversample"));
}

void TestTrainingSettingsForm::popupClickChoosesABalance() {
    TrainingSettingsForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QComboBox* combo = balanceCombo(form);
    QSignalSpy changed(&form, &TrainingSettingsForm::changed);
    QTest::mouseClick(combo, Qt::LeftButton);
    QAbstractItemView* view = combo->view();
    QTRY_VERIFY(view->isVisible());
    const QModelIndex weights = combo->model()->index(combo->findData(QStringLiteral("weights")), 0);
    const QPoint at = view->visualRect(weights).center();
    QTest::mouseMove(view->viewport(), at);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTRY_VERIFY(!view->isVisible());
    QCOMPARE(std::string(classBalanceName(form.settings().balance)), std::string("weights"));
    QCOMPARE(changed.count(), 1);
}

void TestTrainingSettingsForm::loadedSettingsShowTheirBalance() {
    TrainingSettingsForm form;
    QComboBox* combo = balanceCombo(form);
    QSignalSpy changed(&form, &TrainingSettingsForm::changed);
    for (const char* balance : kBalances) {
        TrainSettings s;
        s.balance = classBalanceFromName(balance);
        s.epochs = 7;
        form.setSettings(TrainSettings::fromJson(s.toJson()));
        QCOMPARE(changed.count(), 1);  // once, not once per field
        changed.clear();
        QCOMPARE(combo->currentData().toString(), QString::fromLatin1(balance));
        const TrainSettings back = form.settings();
        QCOMPARE(std::string(classBalanceName(back.balance)), std::string(balance));
        QCOMPARE(back.epochs, 7);
        QVERIFY(form.problem().isEmpty());
    }
}

void TestTrainingSettingsForm::explicitClassWeightsAreKeptAndNamed() {
    TrainingSettingsForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QLabel* note = nullptr;
    for (QLabel* l : form.findChildren<QLabel*>())
        if (l->isVisible() && l->text().contains(QStringLiteral("class weights"))) note = l;
    QVERIFY(!note);

    TrainSettings s;
    s.balance = ClassBalance::Weights;
    s.loss.classWeights = {1.f, 2.5f, 0.5f};
    form.setSettings(s);
    for (QLabel* l : form.findChildren<QLabel*>())
        if (l->isVisible() && l->text().contains(QStringLiteral("class weights"))) note = l;
    QVERIFY(note);
    QVERIFY2(note->text().contains(QStringLiteral("1, 2.5, 0.5")), qPrintable(note->text()));
    // Another choice keeps the weights (the trainer applies them with any balance).
    QTest::keyClick(balanceCombo(form), Qt::Key_Down);
    const TrainSettings back = form.settings();
    QCOMPARE(std::string(classBalanceName(back.balance)), std::string("oversample"));
    QCOMPARE(back.loss.classWeights, (std::vector<float>{1.f, 2.5f, 0.5f}));

    form.setSettings(TrainSettings{});
    QVERIFY(!note->isVisible());
}

void TestTrainingSettingsForm::fitsTheNarrowestPanel_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestTrainingSettingsForm::fitsTheNarrowestPanel() {
    QFETCH(QString, language);
    QTemporaryDir dir;
    QTranslator translator;
    if (language != QLatin1String("en")) {
        const QString qm = compileChineseTranslation(dir);
        if (qm.isEmpty()) QFAIL("lrelease is missing: install Debian's qt6-l10n-tools (scripts/install-deps.sh)");
        QVERIFY(translator.load(qm));
        QCoreApplication::installTranslator(&translator);
    }
    // The panel with its settings column at its narrowest, explicit weights shown.
    TrainingPanel panel;
    TrainSettings s;
    s.balance = ClassBalance::Weights;
    s.loss.classWeights = {1.f, 2.5f, 0.5f, 1.f, 1.f, 1.f, 1.f, 1.f, 1.f, 1.f};
    panel.form()->setSettings(s);
    panel.resize(1000, 1500);
    auto* split = panel.findChild<QSplitter*>();
    QVERIFY(split && split->orientation() == Qt::Horizontal);
    split->setSizes({0, 1000});  // each side at its minimum: the settings column 330 px
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(split->widget(0)->width(), 330);

    TrainingSettingsForm* form = panel.form();
    auto* scroll = panel.findChild<QScrollArea*>();
    QVERIFY(scroll);
    QComboBox* combo = balanceCombo(*form);
    // Pictures first, so they show what a failure below is about.
    const QString shots = qEnvironmentVariable("CONVSTUDIO_SCREENSHOTS");
    if (!shots.isEmpty()) {
        QDir().mkpath(shots);
        scroll->ensureWidgetVisible(combo);
        QVERIFY(split->widget(0)->grab().save(shots + QStringLiteral("/training_settings_%1.png").arg(language)));
        // And the combo's list, open.
        QTest::mouseClick(combo, Qt::LeftButton);
        QTRY_VERIFY(combo->view()->isVisible());
        QVERIFY(combo->view()->window()->grab().save(shots +
                                                     QStringLiteral("/training_settings_%1_list.png").arg(language)));
        combo->hidePopup();
        // And its tooltip.
        QToolTip::showText(combo->mapToGlobal(QPoint(0, combo->height())), combo->toolTip(), combo);
        const auto tip = [] {
            for (QWidget* w : QApplication::topLevelWidgets())
                if (w->inherits("QTipLabel") && w->isVisible()) return w;
            return static_cast<QWidget*>(nullptr);
        };
        QTRY_VERIFY(tip());
        QVERIFY(tip()->grab().save(shots + QStringLiteral("/training_settings_%1_tooltip.png").arg(language)));
        QToolTip::hideText();
    }
    QVERIFY2(form->width() <= scroll->viewport()->width(),
             qPrintable(QStringLiteral("the form is %1 px wide in a %2 px column")
                            .arg(form->width())
                            .arg(scroll->viewport()->width())));
    // Every choice of the combo reads in full in the combo itself.
    QStyleOptionComboBox opt;
    opt.initFrom(combo);
    const QRect textRect =
        combo->style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, combo);
    for (int i = 0; i < combo->count(); ++i)
        QVERIFY2(combo->fontMetrics().horizontalAdvance(combo->itemText(i)) <= textRect.width(),
                 qPrintable(QStringLiteral("'%1' does not fit %2 px").arg(combo->itemText(i)).arg(textRect.width())));
    if (language != QLatin1String("en"))  // (the translator uninstalls itself when destroyed)
        QVERIFY2(combo->itemText(1) != QLatin1String("Weight the loss by class frequency"), "untranslated");
}

QTEST_MAIN(TestTrainingSettingsForm)
#include "test_training_settings_form.moc"

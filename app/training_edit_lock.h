#pragma once
// While a model trains it cannot be edited: the designer canvas, the palette, the property
// editor, the undo history and the Edit and Model menus (with their shortcuts) are locked, and
// a banner on the canvas says why. The run itself uses a copy of the model taken at Start, so an edit that
// slips through (none should) cannot disturb it; the controller then keeps the weights apart.
#include <QLabel>
#include <QObject>
#include <QPointer>

class QMenu;
class QWidget;

namespace cs::gui {

class DesignerController;
class MainWindow;

class TrainingEditLock : public QObject {
    Q_OBJECT
public:
    TrainingEditLock(MainWindow& window, DesignerController* designer, QObject* parent = nullptr);

    void setLocked(bool locked, const QString& reason = {});
    bool isLocked() const { return locked_; }
    QLabel* banner() const { return banner_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void placeBanner();
    void filterMenu(QMenu* menu, bool install);

    MainWindow& window_;
    DesignerController* designer_;
    QPointer<QLabel> banner_;
    bool locked_ = false;
};

}  // namespace cs::gui

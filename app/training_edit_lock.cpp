#include "training_edit_lock.h"

#include <QAction>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QUndoView>

#include "designer/designer_view.h"
#include "designer/layer_palette.h"
#include "designer/property_editor.h"
#include "designer_controller.h"
#include "main_window.h"

namespace cs::gui {

TrainingEditLock::TrainingEditLock(MainWindow& window, DesignerController* designer, QObject* parent)
    : QObject(parent), window_(window), designer_(designer) {
    if (designer_) {
        banner_ = new QLabel(designer_->view());
        banner_->setObjectName(QStringLiteral("trainingLockBanner"));
        banner_->setStyleSheet(
            QStringLiteral("background: #fff3cd; color: #664d03; border: 1px solid #e0c36c; "
                           "border-radius: 4px; padding: 6px 10px;"));
        banner_->hide();
        designer_->view()->installEventFilter(this);
    }
}

void TrainingEditLock::filterMenu(QMenu* menu, bool install) {
    for (QAction* a : menu->actions()) {
        if (a->menu()) filterMenu(a->menu(), install);
        if (install)
            a->installEventFilter(this);
        else
            a->removeEventFilter(this);
    }
}

void TrainingEditLock::setLocked(bool locked, const QString& reason) {
    if (locked == locked_) {
        if (locked && banner_) banner_->setText(reason);
        return;
    }
    locked_ = locked;
    for (MainWindow::Menu m : {MainWindow::Menu::Edit, MainWindow::Menu::Model}) {
        QMenu* menu = window_.menu(m);
        filterMenu(menu, locked);
        menu->setEnabled(!locked);
        menu->setToolTip(locked ? reason : QString());
    }
    if (!designer_) return;
    DesignerView* view = designer_->view();
    view->setInteractive(!locked);
    view->setAcceptDrops(!locked);
    view->viewport()->setAcceptDrops(!locked);
    for (QWidget* w : {static_cast<QWidget*>(designer_->palette()), static_cast<QWidget*>(designer_->propertyEditor()),
                       static_cast<QWidget*>(designer_->historyView())})
        if (w) {
            w->setEnabled(!locked);
            w->setToolTip(locked ? reason : QString());
        }
    if (banner_) {
        banner_->setText(reason);
        banner_->setVisible(locked);
        placeBanner();
    }
}

void TrainingEditLock::placeBanner() {
    if (!banner_ || !designer_) return;
    banner_->adjustSize();
    const QWidget* view = designer_->view();
    banner_->move((view->width() - banner_->width()) / 2, 10);
    banner_->raise();
}

bool TrainingEditLock::eventFilter(QObject* watched, QEvent* event) {
    if (designer_ && watched == designer_->view()) {
        if (event->type() == QEvent::Resize) placeBanner();
        if (locked_ && event->type() == QEvent::KeyPress) {
            // Zoom keys still work; Delete, arrows (nudge) and typing do not.
            const auto* key = static_cast<QKeyEvent*>(event);
            const bool zoom = key->key() == Qt::Key_Plus || key->key() == Qt::Key_Minus ||
                              key->key() == Qt::Key_Equal || key->key() == Qt::Key_0;
            return !zoom;
        }
        return false;
    }
    // Shortcuts of the Edit and Model menus' actions while locked.
    return locked_ && event->type() == QEvent::Shortcut;
}

}  // namespace cs::gui

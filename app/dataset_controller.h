#pragma once
// The dataset the project trains on, chosen in a small dock: Fashion-MNIST when Debian's
// package is installed, the engine's built-in generated set, or any folder. The choice is the
// document's dataset source (a string the engine's loaders accept); a project that names none
// gets defaultSource() (the studio's project defaults).
// The dock describes the dataset (its classes and images, once the studio's dataset session
// has loaded it) and, apart from it, the model's outputs, whose names a preset takes from
// another dataset until training renames them. The dataset page (DatasetUi: thumbnail grid,
// statistics, augmentation preview, split editor, File-menu actions and dropped folders) shows
// and edits the same dataset.
// A dataset chosen in the dock (combo or folder) is not the project's yet: sourceChosen asks
// the dataset page to open it, and the page changes the project's dataset (one undoable step)
// only once it has loaded; a dataset that fails to load is reported and changes nothing.
#include <QObject>
#include <functional>

class QComboBox;
class QLabel;

class QTimer;

namespace cs::gui {

class DatasetSession;
class MainWindow;
class ModelDocument;

class DatasetController : public QObject {
    Q_OBJECT
public:
    DatasetController(MainWindow& window, ModelDocument& doc, DatasetSession& data, QObject* parent = nullptr);

    static QString fashionMnistDir();  // empty when not installed
    static QString defaultSource();    // Fashion-MNIST if present, else "builtin"
    QString currentSource() const;
    QComboBox* combo() const { return combo_; }
    // Replaces the folder dialog (tests): returns the chosen folder, empty for none.
    void setFolderPicker(std::function<QString()> picker) { pickFolder_ = std::move(picker); }
    void chooseFolder();

signals:
    void sourceChosen(const QString& source);  // to open; the project's until it has loaded

private:
    void refresh();
    void updateDetails();

    MainWindow* window_;
    ModelDocument* doc_;
    DatasetSession* data_;
    QComboBox* combo_;
    QLabel* details_;
    std::function<QString()> pickFolder_;
    QTimer* reloadTimer_;  // captures arrive in bursts: the counts follow once they pause
};

}  // namespace cs::gui

#pragma once
// What a user can do with one image from any thumbnail in the studio (dataset grid,
// misclassified gallery, confusion-matrix cell): the same verbs everywhere, so every image
// leads to the same detail view and the same undoable dataset edits.
#include <QMetaType>

namespace cs::gui {

enum class ImageAction {
    Open,           // the detail view: full size, label, the model's probabilities
    Probe,          // its feature maps on the Inspect page
    ShowInDataset,  // select it on the Dataset page
    Exclude,        // leave it out of training (toggles; undoable)
    Include,        // take it back into training
    Move,           // to another class folder (undoable); needs a class index
};

}  // namespace cs::gui

Q_DECLARE_METATYPE(cs::gui::ImageAction)

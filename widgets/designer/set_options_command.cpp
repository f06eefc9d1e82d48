#include "designer/set_options_command.h"

#include <QCoreApplication>

#include "designer/model_document.h"

namespace cs::gui {

SetOptionsCommand::SetOptionsCommand(ModelDocument* doc, int id, nlohmann::json options, std::string key,
                                     QUndoCommand* parent)
    : QUndoCommand(parent), doc_(doc), node_(id), new_(std::move(options)), key_(std::move(key)) {
    const NodeSpec* n = doc->node(id);
    const QString name = n ? QString::fromStdString(n->name) : QString();
    if (key_.empty())
        setText(QCoreApplication::translate("Commands", "Edit '%1'").arg(name));
    else
        setText(QCoreApplication::translate("Commands", "Set %1 of '%2'").arg(QString::fromStdString(key_), name));
}

void SetOptionsCommand::redo() {
    if (!haveOld_) {
        old_ = doc_->node(node_)->options;
        haveOld_ = true;
    }
    doc_->setNodeOptions(node_, new_);
}

void SetOptionsCommand::undo() { doc_->setNodeOptions(node_, old_); }

bool SetOptionsCommand::mergeWith(const QUndoCommand* other) {
    auto* o = static_cast<const SetOptionsCommand*>(other);
    if (o->node_ != node_ || o->key_ != key_) return false;
    new_ = o->new_;
    if (new_ == old_) setObsolete(true);
    return true;
}

}  // namespace cs::gui

#pragma once

#include <QDialog>
#include <QList>

#include <memory>

class QAction;
class QTableWidget;

namespace tc {

namespace Ui {
class ShortcutsDialog;
}

// Help → Keyboard shortcuts: built from the very QActions the menus use (after KeePassXC's
// KeyboardShortcutsDialog), so the list cannot drift from what the keys do. Actions without a
// shortcut and separators are left out; `&` mnemonics are removed from the names.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    // Each group is a menu's title and its actions (submenus are walked).
    struct Group
    {
        QString title;
        QList<QAction *> actions;
    };

    explicit ShortcutsDialog(const QList<Group> &groups, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    QTableWidget *table() const;
    // "Ctrl+K" as shown (native text), per action name, in the order listed.
    QStringList shortcutTexts() const;

private:
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

    std::unique_ptr<Ui::ShortcutsDialog> m_ui;
};

} // namespace tc

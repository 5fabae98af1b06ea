#include "ShortcutsDialog.h"

#include "ui_ShortcutsDialog.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

QString withoutMnemonic(QString text)
{
    // "&File" → "File"; "ファイル(&F)" → "ファイル"; "&&" stays one "&".
    static const QRegularExpression bracketed(u"\\(&[^)]\\)"_s);
    text.remove(bracketed);
    text.replace(u"&&"_s, u"\x01"_s);
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text.trimmed();
}

void collect(const QList<QAction *> &actions, QList<QAction *> &into)
{
    for (QAction *action : actions) {
        if (QMenu *menu = action->menu())
            collect(menu->actions(), into);
        else if (!action->isSeparator() && !action->shortcuts().isEmpty())
            into.append(action);
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<Group> &groups, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ShortcutsDialog>())
{
    m_ui->setupUi(this);
    QTableWidget *table = m_ui->shortcutsTable;
    table->setColumnCount(3);
    table->setHorizontalHeaderLabels({tr("Menu"), tr("Action"), tr("Shortcut")});
    int row = 0;
    for (const Group &group : groups) {
        QList<QAction *> actions;
        collect(group.actions, actions);
        for (const QAction *action : std::as_const(actions)) {
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts())
                keys.append(key.toString(QKeySequence::NativeText));
            table->insertRow(row);
            table->setItem(row, 0, new QTableWidgetItem(withoutMnemonic(group.title)));
            table->setItem(row, 1, new QTableWidgetItem(withoutMnemonic(action->text())));
            table->setItem(row, 2, new QTableWidgetItem(keys.join(tr(", "))));
            ++row;
        }
    }
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    if (row > 0)
        table->selectRow(0);
    table->setFocus();
}

ShortcutsDialog::~ShortcutsDialog() = default;

QTableWidget *ShortcutsDialog::table() const
{
    return m_ui->shortcutsTable;
}

QStringList ShortcutsDialog::shortcutTexts() const
{
    QStringList texts;
    for (int row = 0; row < table()->rowCount(); ++row)
        texts.append(table()->item(row, 2)->text());
    return texts;
}

} // namespace tc

#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace tc {

// An inline message above a view, for errors that are not questions (after KDE's
// KMessageWidget, as KeePassXC's MessageWidget): it says what happened and stays until closed
// or replaced, without blocking the agent who is on the phone.
class MessageBar final : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind = Kind::Error);
    QString text() const;
    Kind kind() const { return m_kind; }

public Q_SLOTS:
    void dismiss();

private:
    Q_DISABLE_COPY_MOVE(MessageBar)

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QToolButton *m_close = nullptr;
    Kind m_kind = Kind::Information;
};

} // namespace tc

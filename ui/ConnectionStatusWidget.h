#pragma once

#include <QWidget>

class QLabel;

namespace tc {

// The connection to the backend in the status bar, as an icon and a word, so that it is not
// told by colour alone: connected, reconnecting (the event stream is retrying) or offline (the
// explainer and the calendar still work).
class ConnectionStatusWidget final : public QWidget
{
    Q_OBJECT

public:
    enum class State { Connected, Reconnecting, Offline };

    explicit ConnectionStatusWidget(QWidget *parent = nullptr);

    State state() const { return m_state; }
    QString stateText() const;
    static QString describe(State state);

public Q_SLOTS:
    void setState(tc::ConnectionStatusWidget::State state);

Q_SIGNALS:
    void stateChanged(tc::ConnectionStatusWidget::State state);

private:
    Q_DISABLE_COPY_MOVE(ConnectionStatusWidget)

    void show(State state);

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    State m_state = State::Offline;
};

} // namespace tc

#include "ConnectionStatusWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace tc {

ConnectionStatusWidget::ConnectionStatusWidget(QWidget *parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_text(new QLabel(this))
{
    setObjectName(u"connectionStatus"_s);
    m_icon->setObjectName(u"connectionStatusIcon"_s);
    m_text->setObjectName(u"connectionStatusText"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_icon);
    layout->addWidget(m_text);
    show(m_state);
}

QString ConnectionStatusWidget::describe(State state)
{
    switch (state) {
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting:
        return tr("Reconnecting");
    case State::Offline:
        break;
    }
    return tr("Offline");
}

QString ConnectionStatusWidget::stateText() const
{
    return m_text->text();
}

void ConnectionStatusWidget::setState(State state)
{
    if (state == m_state)
        return;
    show(state);
    Q_EMIT stateChanged(state);
}

void ConnectionStatusWidget::show(State state)
{
    m_state = state;
    QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
    QString tip;
    switch (state) {
    case State::Connected:
        tip = tr("Connected to the backend: customer data and live events are current.");
        break;
    case State::Reconnecting:
        icon = QStyle::SP_BrowserReload;
        tip = tr("The connection to the backend was lost; trying again. What is shown may be "
                 "out of date.");
        break;
    case State::Offline:
        icon = QStyle::SP_MessageBoxWarning;
        tip = tr("Not connected to the backend: only the explainer and the service calendar "
                 "work.");
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    m_text->setText(describe(state));
    setToolTip(tip);
    setAccessibleName(tr("Connection: %1").arg(describe(state)));
    setAccessibleDescription(tip);
}

} // namespace tc

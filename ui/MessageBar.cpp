#include "MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

struct Look
{
    QStyle::StandardPixmap icon;
    QString background;
    QString border;
};

Look lookOf(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Information:
        return {QStyle::SP_MessageBoxInformation, u"#e3f2fd"_s, u"#64b5f6"_s};
    case MessageBar::Kind::Warning:
        return {QStyle::SP_MessageBoxWarning, u"#fff8e1"_s, u"#ffb300"_s};
    case MessageBar::Kind::Error:
        break;
    }
    return {QStyle::SP_MessageBoxCritical, u"#ffebee"_s, u"#e57373"_s};
}

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)),
      m_close(new QToolButton(this))
{
    setObjectName(u"messageBar"_s);
    setAttribute(Qt::WA_StyledBackground);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_text->setObjectName(u"messageBarText"_s);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_close->setObjectName(u"messageBarClose"_s);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    setAccessibleName(tr("Message"));
    hide();
}

void MessageBar::showMessage(const QString &text, Kind kind)
{
    m_kind = kind;
    const Look look = lookOf(kind);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(look.icon).pixmap(size, size));
    setStyleSheet(
        u"tc--MessageBar { background: %1; border: 1px solid %2; border-radius: 4px; }"_s.arg(
            look.background, look.border));
    m_text->setText(text);
    setAccessibleDescription(text);
    show();
}

QString MessageBar::text() const
{
    return isVisible() || !isHidden() ? m_text->text() : QString();
}

void MessageBar::dismiss()
{
    m_text->clear();
    hide();
}

} // namespace tc

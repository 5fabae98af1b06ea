#pragma once

#include "Clock.h"
#include "Protocol.h"

#include <QWidget>

#include <optional>

class QTextBrowser;

namespace tc {

struct CatalogEntry;

// What the teller reads aloud about one attempt: the code's explanation from the catalog
// (meaning, cause, what to tell) next to THIS customer's lock state of that account and its
// release time ("B84: locked until 00:00 JST (in 3 h 12 min), 5 of 5 failures today").
// Compact, for the pane beside the attempts; the Explain tab has the full explainer.
class CustomerScriptWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerScriptWidget(Clock clock, QWidget *parent = nullptr);

    // `entry` may be null (a success, or a code the catalog lacks); `account` is the attempt's
    // account as the customer detail has it, with its locks (nullopt when unknown).
    void setScript(const QString &code, const CatalogEntry *entry,
                   const std::optional<protocol::Account> &account);
    void clear();

    QString code() const { return m_code; }
    // The script as plain text (what a screen reader and the tests read).
    QString scriptText() const;
    QTextBrowser *browser() const { return m_browser; }

    // "B84: locked until 00:00 JST (in 3 h 12 min), 5 of 5 failures today" — the lead line.
    static QString leadLine(const QString &code, const CatalogEntry *entry,
                            const std::optional<protocol::Account> &account, const QDateTime &now);

public Q_SLOTS:
    // Recomputes "in 3 h 12 min" (the window calls it on a minute timer).
    void refresh();

private:
    Q_DISABLE_COPY_MOVE(CustomerScriptWidget)

    Clock m_clock;
    QTextBrowser *m_browser = nullptr;
    QString m_code;
    const CatalogEntry *m_entry = nullptr;
    std::optional<protocol::Account> m_account;
};

} // namespace tc

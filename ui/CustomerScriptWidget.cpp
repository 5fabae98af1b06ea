#include "CustomerScriptWidget.h"

#include "ErrorCatalog.h"
#include "LockSentence.h"
#include "UiLanguage.h"

#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

// The lock the code is about: the kind the code counts toward, else a lock that is on, else
// the identity lock (B84 counts toward nothing but is about the identity lock).
const protocol::AccountLock *lockFor(const CatalogEntry *entry, const protocol::Account &account)
{
    QString kind;
    if (entry && entry->counts == LockCounting::Pin)
        kind = u"pin"_s;
    else if (entry && entry->counts == LockCounting::Identity)
        kind = u"identity"_s;
    const protocol::AccountLock *found = nullptr;
    for (const protocol::AccountLock &lock : account.locks) {
        if (!kind.isEmpty() && lock.kind == kind)
            return &lock;
        if (lock.locked && !found)
            found = &lock;
    }
    if (found)
        return found;
    for (const protocol::AccountLock &lock : account.locks) {
        if (lock.kind == u"identity"_s)
            return &lock;
    }
    return nullptr;
}

} // namespace

CustomerScriptWidget::CustomerScriptWidget(Clock clock, QWidget *parent)
    : QWidget(parent), m_clock(std::move(clock)), m_browser(new QTextBrowser(this))
{
    setObjectName(u"customerScript"_s);
    m_browser->setObjectName(u"customerScriptText"_s);
    m_browser->setOpenLinks(false);
    m_browser->setAccessibleName(tr("What to tell the customer"));
    m_browser->setAccessibleDescription(
        tr("The selected attempt's code explained beside this customer's lock state"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    clear();
}

QString CustomerScriptWidget::leadLine(const QString &code, const CatalogEntry *entry,
                                       const std::optional<protocol::Account> &account,
                                       const QDateTime &now)
{
    const QString prefix =
        code.isEmpty() ? tr("No code (the step went through)") + u"; "_s : code + u": "_s;
    if (!account)
        return prefix + tr("no account of this customer is named by the attempt");
    const protocol::AccountLock *lock = lockFor(entry, *account);
    if (!lock)
        return prefix + tr("no lock today");
    return prefix + lockSentence(*lock, now, currentUiLanguage());
}

void CustomerScriptWidget::setScript(const QString &code, const CatalogEntry *entry,
                                     const std::optional<protocol::Account> &account)
{
    m_code = code;
    m_entry = entry;
    m_account = account;
    refresh();
}

void CustomerScriptWidget::clear()
{
    m_code.clear();
    m_entry = nullptr;
    m_account.reset();
    m_browser->setHtml(u"<p>%1</p>"_s.arg(
        tr("Select an attempt to see what to tell the customer.").toHtmlEscaped()));
}

QString CustomerScriptWidget::scriptText() const
{
    return m_browser->toPlainText();
}

void CustomerScriptWidget::refresh()
{
    if (m_code.isEmpty() && !m_account)
        return;
    const UiLanguage language = currentUiLanguage();
    const QDateTime now = m_clock();
    QString html =
        u"<p><b>%1</b></p>"_s.arg(leadLine(m_code, m_entry, m_account, now).toHtmlEscaped());
    if (m_account) {
        QStringList others;
        const protocol::AccountLock *main = lockFor(m_entry, *m_account);
        for (const protocol::AccountLock &lock : std::as_const(m_account->locks)) {
            if (!main || lock.kind != main->kind)
                others.append(lockSentence(lock, now, currentUiLanguage()).toHtmlEscaped());
        }
        if (!others.isEmpty())
            html += u"<p>%1</p>"_s.arg(others.join(u"<br>"_s));
    }
    if (m_entry) {
        const QString customerText =
            language == UiLanguage::English ? m_entry->customerMessageEn : m_entry->customerMessage;
        html += u"<h4>%1</h4><p>%2</p>"_s.arg(
            tr("Tell the customer").toHtmlEscaped(),
            staffText(m_entry->tellCustomer, language).toHtmlEscaped());
        html +=
            u"<h4>%1</h4><p>%2</p>"_s.arg(tr("What it means").toHtmlEscaped(),
                                          staffText(m_entry->meaning, language).toHtmlEscaped());
        html += u"<h4>%1</h4><p>%2</p>"_s.arg(tr("Usual cause").toHtmlEscaped(),
                                              staffText(m_entry->cause, language).toHtmlEscaped());
        html += u"<h4>%1</h4><p>%2</p>"_s.arg(
            tr("The customer saw").toHtmlEscaped(),
            tr("“%1”", "the message quoted word for word").arg(customerText).toHtmlEscaped());
    } else if (!m_code.isEmpty()) {
        html +=
            u"<p>%1</p>"_s.arg(tr("The catalog has no entry for %1.").arg(m_code).toHtmlEscaped());
    }
    m_browser->setHtml(html);
    setAccessibleDescription(m_browser->toPlainText().left(200));
}

} // namespace tc

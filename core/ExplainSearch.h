#pragma once

#include "ErrorCatalog.h"
#include "Faq.h"

#include <QList>
#include <QStringView>

namespace tc {

// What a result explains: a catalog code typed as such, a catalog message the customer reads
// out, or a question the customer asks.
enum class ExplainKind { Code, Message, Question };

struct ExplainHit
{
    ExplainKind kind = ExplainKind::Message;
    const CatalogEntry *catalogEntry = nullptr; // set for Code and Message
    const FaqEntry *faqEntry = nullptr; // set for Question
    double score = 0.0; // 0…1, higher is closer
};

// The one ranking of everything the explainer can answer: a code ("B84", "ｂ８４"), a message
// as the customer reads it out, and a question in the caller's words ("電話番号が分からない",
// "mail not arriving"), in one list, best first. An exact code comes first; then closeness
// decides, a message before a question on a tie.
class ExplainSearch final
{
public:
    // Both must outlive the search (the built-in ones are static).
    ExplainSearch(const ErrorCatalog &catalog, const Faq &faq);

    QList<ExplainHit> search(QStringView text, int limit = 8) const;

    const ErrorCatalog &catalog() const { return m_catalog; }
    const Faq &faq() const { return m_faq; }

private:
    const ErrorCatalog &m_catalog;
    const Faq &m_faq;
};

} // namespace tc

#include "ExplainSearch.h"

#include <algorithm>

namespace tc {
namespace {

// The questions about a code typed in full follow it: what callers with that message ask next.
constexpr double RelatedQuestionScore = 0.6;

int kindOrder(ExplainKind kind)
{
    return static_cast<int>(kind);
}

} // namespace

ExplainSearch::ExplainSearch(const ErrorCatalog &catalog, const Faq &faq)
    : m_catalog(catalog), m_faq(faq)
{ }

QList<ExplainHit> ExplainSearch::search(QStringView text, int limit) const
{
    const QStringView query = text.trimmed();
    if (limit <= 0 || query.isEmpty())
        return {};

    QList<ExplainHit> hits;
    const CatalogEntry *exact = m_catalog.find(query);
    if (exact)
        hits.append({ExplainKind::Code, exact, nullptr, 1.0});
    for (const CatalogMatch &match : m_catalog.matchMessage(query, limit)) {
        if (match.entry != exact)
            hits.append({ExplainKind::Message, match.entry, nullptr, match.score});
    }
    for (const FaqMatch &match : m_faq.match(query, limit))
        hits.append({ExplainKind::Question, nullptr, match.entry, match.score});
    if (exact) {
        for (const FaqEntry &entry : m_faq.entries()) {
            const bool listed = std::any_of(hits.cbegin(), hits.cend(), [&](const ExplainHit &hit) {
                return hit.faqEntry == &entry;
            });
            if (!listed && entry.relatedCodes.contains(exact->code))
                hits.append({ExplainKind::Question, nullptr, &entry, RelatedQuestionScore});
        }
    }

    std::stable_sort(hits.begin(), hits.end(), [](const ExplainHit &a, const ExplainHit &b) {
        const bool aCode = a.kind == ExplainKind::Code;
        const bool bCode = b.kind == ExplainKind::Code;
        if (aCode != bCode)
            return aCode;
        if (a.score != b.score)
            return a.score > b.score;
        return kindOrder(a.kind) < kindOrder(b.kind);
    });
    if (hits.size() > limit)
        hits.resize(limit);
    return hits;
}

} // namespace tc

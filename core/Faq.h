#pragma once

#include "ErrorCatalog.h"
#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tc {

// Where an answer sends the customer: staff then give the customer's branch or the
// institution's support desk along with the words to say.
enum class FaqReferral { None, Branch, SupportDesk };

// How another seed manual words the same question (and, where it differs, the answer), verbatim.
struct FaqSeedWording
{
    QString source; // e.g. "seed 000 §11 2.Q4"
    QString question;
    QString answer; // empty when that manual answers in the same words
};

// A question customers ask on the phone, with the words staff say in reply.
struct FaqEntry
{
    QString id; // stable: lower-case words joined by '-', e.g. "registered-phone-unknown"
    QString source; // where the Japanese wording comes from, e.g. "seed 001 §10 1.Q1"
    StaffText question; // ja as the seed prints it (unless questionFromSeeds is false)
    StaffText
        answer; // the words to say; ja as the seed prints it (unless answerFromSeeds is false)
    bool questionFromSeeds = false;
    bool answerFromSeeds = false;
    StaffText staffNote; // optional, always our words: what staff should know beside the answer
    FaqReferral referTo = FaqReferral::None;
    QStringList keywords; // words customers use, both languages ("電話番号", "not arriving")
    QStringList relatedCodes; // catalog codes the question is about, e.g. "B84"
    QList<FaqSeedWording> alsoInSeeds;
};

struct FaqMatch
{
    const FaqEntry *entry = nullptr;
    double score = 0.0; // 0…1, higher is closer
};

// The frequently asked questions of the seeds, read from a reviewed JSON file compiled in
// (resources/faq/faq.json), kept beside the error catalog and matched with its normalisation.
class Faq final
{
public:
    // The compiled-in FAQ. Aborts at start if the compiled-in file is invalid (a build error).
    static const Faq &builtIn();

    // Parses and validates an FAQ document (unique well-formed ids, all texts present).
    static Result<Faq> fromJson(const QByteArray &json);

    const QList<FaqEntry> &entries() const { return m_entries; }
    const FaqEntry *find(QStringView id) const;

    // Questions that resemble what the caller asks, in either language, best first; only
    // matches worth showing. Keywords found in the text and a question read out (partly, or
    // spelt otherwise) both count; texts are compared as ErrorCatalog::normalizedForMatching
    // leaves them.
    QList<FaqMatch> match(QStringView askedText, int limit = 5) const;

private:
    struct MatchTarget
    {
        qsizetype entryIndex = 0;
        QString normalized;
    };

    void prepareMatching();

    QList<FaqEntry> m_entries;
    QHash<QString, qsizetype> m_indexOfId;
    QList<MatchTarget> m_questions; // question texts, every language and seed wording
    QList<MatchTarget> m_keywords;
};

} // namespace tc

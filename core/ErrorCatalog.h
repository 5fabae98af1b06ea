#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tc {

// A text the staff read, in both UI languages.
struct StaffText
{
    QString ja;
    QString en;
};

enum class LockCounting { None, Identity, Pin };

// One message a customer can see, with what staff need to know about it.
struct CatalogEntry
{
    QString code; // stable: one upper-case letter and two digits, e.g. "B84"
    QString screen; // "①"…"⑥" where the seeds place it, empty when it can appear anywhere
    int httpStatus = 400; // what the API answers with this code
    QString customerMessage; // exactly as the customer reads it (Japanese)
    QString customerMessageEn; // the same in English, for staff using the English UI
    bool fromSeeds = false; // true: worded as the seeds print it; false: worded by us
    LockCounting counts = LockCounting::None; // whether it counts toward a lock
    StaffText meaning; // what happened
    StaffText cause; // the usual cause
    StaffText tellCustomer; // what to tell the customer
    QStringList aliases; // other wordings customers read out (e.g. what finance apps say)
};

struct CatalogMatch
{
    const CatalogEntry *entry = nullptr;
    double score = 0.0; // 0…1, higher is closer
};

// The one catalog of customer-visible messages, read from a reviewed JSON file compiled in
// (resources/catalog/error-catalog.json).
class ErrorCatalog final
{
public:
    // The compiled-in catalog. Aborts at start if the compiled-in file is invalid (a build error).
    static const ErrorCatalog &builtIn();

    // Parses and validates a catalog document (unique well-formed codes, all texts present).
    static Result<ErrorCatalog> fromJson(const QByteArray &json);

    const QList<CatalogEntry> &entries() const { return m_entries; }

    // By code; tolerant of case and full-width characters ("ｂ８４" finds B84).
    const CatalogEntry *find(QStringView code) const;

    // Entries whose message (or an alias) resembles what a customer reads out: partial text,
    // full-width/half-width, kana and spacing or punctuation differences are tolerated. Best
    // first; only matches worth showing (empty when nothing resembles the text).
    QList<CatalogMatch> matchMessage(QStringView spokenText, int limit = 5) const;

    // The form texts are compared in: NFKC, upper case, no spaces or punctuation, katakana for
    // hiragana, and the catalog's kanji words replaced by their readings ("ただ今" and "ただいま"
    // both become "タダイマ"), so that a message typed as heard compares equal to the printed one.
    static QString normalizedForMatching(QStringView text);

    // How closely a text resembles a target, both as normalizedForMatching leaves them, 0…1: the
    // measure matchMessage ranks messages by (a contained piece of text first, then the share of
    // common character pairs). For other lists matched the same way (the FAQ).
    static double resemblance(const QString &normalizedText, const QString &normalizedTarget);

private:
    // A text an entry can be recognised by, prepared once at load so that matching can run on
    // every keystroke.
    struct MatchTarget
    {
        qsizetype entryIndex = 0;
        QString normalized;
        QList<quint64> bigrams; // sorted, with repeats: a multiset for Dice similarity
    };

    void prepareMatching();

    QList<CatalogEntry> m_entries;
    QList<MatchTarget> m_targets;
};

} // namespace tc

#include "Faq.h"

#include "EntryDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace tc {
namespace {

using entrydoc::entryError;
using entrydoc::isTidyText;

constexpr int SupportedVersion = 1;

// A keyword found in what the caller says places the question among the answers; how much of
// the text the keywords cover orders the questions ("電話番号が分からない" is all keywords of one
// question, "変更" only part of "機種変更").
constexpr double KeywordBase = 0.55;
constexpr double KeywordCoverWeight = 0.4;
// The start of a keyword while the agent is still typing it ("機種" for "機種変更").
constexpr double KeywordPrefixScore = 0.5;
constexpr qsizetype MinPrefixLength = 2;
// Below an exact match of a code or of a whole message: a question is the answer to what the
// caller asks, a code or a message is what the caller reads out.
constexpr double MaxQuestionScore = 0.99;
constexpr double MatchThreshold = 0.5;

bool isIdForm(const QString &id)
{
    if (id.isEmpty() || id.startsWith(u'-') || id.endsWith(u'-') || id.contains(u"--"_s))
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
    });
}

bool isCodeForm(const QString &code)
{
    return code.size() == 3 && code.at(0) >= u'A' && code.at(0) <= u'Z' && code.at(1).isDigit()
        && code.at(2).isDigit();
}

const QStringList &allowedEntryFields()
{
    static const QStringList fields = {
        u"id"_s,
        u"source"_s,
        u"question"_s,
        u"answer"_s,
        u"question_from_seeds"_s,
        u"answer_from_seeds"_s,
        u"staff_note"_s,
        u"refer_to"_s,
        u"keywords"_s,
        u"related_codes"_s,
        u"also_in_seeds"_s,
    };
    return fields;
}

Result<FaqEntry> parseEntry(const QJsonValue &value, qsizetype index)
{
    if (!value.isObject())
        return Error {u"entries[%1]"_s.arg(index), u"entry %1: must be a JSON object"_s.arg(index)};
    const QJsonObject object = value.toObject();
    FaqEntry entry;

    const QJsonValue id = object.value(u"id"_s);
    if (!id.isString() || !isIdForm(id.toString())) {
        return entryError(index, QString(), u"id"_s,
                          u"must be lower-case letters and digits joined by '-', e.g. "
                          u"\"registered-phone-unknown\""_s);
    }
    entry.id = id.toString();

    for (const QString &key : object.keys()) {
        if (!allowedEntryFields().contains(key))
            return entryError(index, entry.id, key, u"is not a known field"_s);
    }

    const auto text = [&](const QJsonValue &v, const QString &field,
                          QString &target) -> std::optional<Error> {
        if (v.isUndefined())
            return entryError(index, entry.id, field, u"is missing"_s);
        if (!v.isString() || !isTidyText(v.toString())) {
            return entryError(index, entry.id, field,
                              u"must be a non-empty string without leading or trailing spaces"_s);
        }
        target = v.toString();
        return std::nullopt;
    };
    const auto staffText = [&](const QString &field, StaffText &target) -> std::optional<Error> {
        const QJsonValue v = object.value(field);
        if (v.isUndefined())
            return entryError(index, entry.id, field, u"is missing"_s);
        if (!v.isObject()) {
            return entryError(index, entry.id, field,
                              u"must be an object {\"ja\": …, \"en\": …}"_s);
        }
        const QJsonObject texts = v.toObject();
        for (const QString &key : texts.keys()) {
            if (key != u"ja"_s && key != u"en"_s) {
                return entryError(index, entry.id, field % u'.' % key,
                                  u"is not a known field (only \"ja\" and \"en\")"_s);
            }
        }
        if (auto error = text(texts.value(u"ja"_s), field % u".ja"_s, target.ja))
            return error;
        return text(texts.value(u"en"_s), field % u".en"_s, target.en);
    };
    const auto flag = [&](const QString &field, bool &target) -> std::optional<Error> {
        const QJsonValue v = object.value(field);
        if (!v.isBool())
            return entryError(index, entry.id, field, u"must be true or false"_s);
        target = v.toBool();
        return std::nullopt;
    };
    const auto array = [&](const QString &field) -> Result<QJsonArray> {
        const QJsonValue v = object.value(field);
        if (v.isUndefined())
            return entryError(index, entry.id, field, u"is missing"_s);
        if (!v.isArray())
            return entryError(index, entry.id, field, u"must be an array"_s);
        return v.toArray();
    };

    if (auto error = text(object.value(u"source"_s), u"source"_s, entry.source))
        return *error;
    if (auto error = staffText(u"question"_s, entry.question))
        return *error;
    if (auto error = staffText(u"answer"_s, entry.answer))
        return *error;
    if (auto error = flag(u"question_from_seeds"_s, entry.questionFromSeeds))
        return *error;
    if (auto error = flag(u"answer_from_seeds"_s, entry.answerFromSeeds))
        return *error;
    if (object.contains(u"staff_note"_s)) {
        if (auto error = staffText(u"staff_note"_s, entry.staffNote))
            return *error;
    }

    const QString referTo = object.value(u"refer_to"_s).toString();
    if (referTo == u"none"_s) {
        entry.referTo = FaqReferral::None;
    } else if (referTo == u"branch"_s) {
        entry.referTo = FaqReferral::Branch;
    } else if (referTo == u"support_desk"_s) {
        entry.referTo = FaqReferral::SupportDesk;
    } else {
        return entryError(index, entry.id, u"refer_to"_s,
                          u"must be \"none\", \"branch\" or \"support_desk\""_s);
    }

    Result<QJsonArray> keywords = array(u"keywords"_s);
    if (!keywords)
        return keywords.error();
    if (keywords->isEmpty())
        return entryError(index, entry.id, u"keywords"_s, u"must name at least one keyword"_s);
    QSet<QString> seen;
    for (qsizetype i = 0; i < keywords->size(); ++i) {
        const QString field = u"keywords[%1]"_s.arg(i);
        QString keyword;
        if (auto error = text(keywords->at(i), field, keyword))
            return *error;
        // A keyword with (almost) nothing left to compare would be found in every text.
        const QString normalized = ErrorCatalog::normalizedForMatching(keyword);
        if (normalized.size() < 2) {
            return entryError(index, entry.id, field,
                              u"has fewer than two letters or digits to match on"_s);
        }
        if (seen.contains(normalized))
            return entryError(index, entry.id, field, u"repeats another keyword"_s);
        seen.insert(normalized);
        entry.keywords.append(keyword);
    }

    Result<QJsonArray> codes = array(u"related_codes"_s);
    if (!codes)
        return codes.error();
    for (qsizetype i = 0; i < codes->size(); ++i) {
        const QString code = codes->at(i).toString();
        if (!isCodeForm(code) || entry.relatedCodes.contains(code)) {
            return entryError(index, entry.id, u"related_codes[%1]"_s.arg(i),
                              u"must be a catalog code such as \"B84\", named once"_s);
        }
        entry.relatedCodes.append(code);
    }

    Result<QJsonArray> wordings = array(u"also_in_seeds"_s);
    if (!wordings)
        return wordings.error();
    for (qsizetype i = 0; i < wordings->size(); ++i) {
        const QString field = u"also_in_seeds[%1]"_s.arg(i);
        const QJsonObject wording = wordings->at(i).toObject();
        for (const QString &key : wording.keys()) {
            if (key != u"source"_s && key != u"question"_s && key != u"answer"_s)
                return entryError(index, entry.id, field % u'.' % key, u"is not a known field"_s);
        }
        FaqSeedWording seed;
        if (auto error = text(wording.value(u"source"_s), field % u".source"_s, seed.source))
            return *error;
        if (auto error = text(wording.value(u"question"_s), field % u".question"_s, seed.question))
            return *error;
        if (wording.contains(u"answer"_s)) {
            if (auto error = text(wording.value(u"answer"_s), field % u".answer"_s, seed.answer))
                return *error;
        }
        entry.alsoInSeeds.append(std::move(seed));
    }
    return entry;
}

// The share of the text's characters that lie inside one of the keywords found in it.
double keywordCover(const QString &text, const QList<const QString *> &found)
{
    QList<bool> covered(text.size(), false);
    for (const QString *keyword : found) {
        for (qsizetype at = text.indexOf(*keyword); at >= 0; at = text.indexOf(*keyword, at + 1))
            std::fill(covered.begin() + at, covered.begin() + at + keyword->size(), true);
    }
    return double(std::count(covered.cbegin(), covered.cend(), true)) / double(text.size());
}

} // namespace

const Faq &Faq::builtIn()
{
    static const Faq faq =
        entrydoc::compiledIn<Faq>(u":/faq/faq.json"_s, "FAQ", "resources/faq/faq.json");
    return faq;
}

Result<Faq> Faq::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error {u"json"_s,
                      u"the FAQ is not valid JSON (at offset %1): %2"_s.arg(parseError.offset)
                          .arg(parseError.errorString())};
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.keys() != QStringList {u"entries"_s, u"version"_s}) {
        return Error {u"json"_s,
                      u"the FAQ must be a JSON object with \"version\" and \"entries\" only"_s};
    }
    if (std::optional<Error> version = entrydoc::versionError(root, SupportedVersion, u"FAQ"_s))
        return *version;
    const QJsonArray list = root.value(u"entries"_s).toArray();
    if (list.isEmpty())
        return Error {u"entries"_s, u"\"entries\" must be a non-empty array of entries"_s};

    Faq faq;
    for (qsizetype i = 0; i < list.size(); ++i) {
        Result<FaqEntry> entry = parseEntry(list.at(i), i);
        if (!entry)
            return entry.error();
        if (const auto previous = faq.m_indexOfId.constFind(entry->id);
            previous != faq.m_indexOfId.cend()) {
            return entryError(i, entry->id, u"id"_s,
                              u"repeats the id of entry %1"_s.arg(*previous));
        }
        faq.m_indexOfId.insert(entry->id, i);
        faq.m_entries.append(std::move(entry).value());
    }
    faq.prepareMatching();
    return faq;
}

const FaqEntry *Faq::find(QStringView id) const
{
    const auto index = m_indexOfId.constFind(id.toString());
    return index == m_indexOfId.cend() ? nullptr : &m_entries.at(*index);
}

QList<FaqMatch> Faq::match(QStringView askedText, int limit) const
{
    if (limit <= 0)
        return {};
    const QString asked = ErrorCatalog::normalizedForMatching(askedText);
    if (asked.size() < MinPrefixLength)
        return {};

    QList<double> scores(m_entries.size(), 0.0);
    for (const MatchTarget &question : m_questions) {
        double &score = scores[question.entryIndex];
        score = std::max(score, ErrorCatalog::resemblance(asked, question.normalized));
    }

    QList<QList<const QString *>> found(m_entries.size());
    QList<bool> prefixTyped(m_entries.size(), false);
    for (const MatchTarget &keyword : m_keywords) {
        if (asked.contains(keyword.normalized))
            found[keyword.entryIndex].append(&keyword.normalized);
        else if (keyword.normalized.startsWith(asked))
            prefixTyped[keyword.entryIndex] = true;
    }
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        double keywordScore = 0.0;
        if (!found.at(i).isEmpty())
            keywordScore = KeywordBase + KeywordCoverWeight * keywordCover(asked, found.at(i));
        else if (prefixTyped.at(i))
            keywordScore = KeywordPrefixScore;
        scores[i] = std::min(std::max(scores.at(i), keywordScore), MaxQuestionScore);
    }

    QList<qsizetype> ranked;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (scores.at(i) >= MatchThreshold)
            ranked.append(i);
    }
    // Ties keep the order of the file, which follows the seeds.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](qsizetype a, qsizetype b) { return scores.at(a) > scores.at(b); });
    if (ranked.size() > limit)
        ranked.resize(limit);

    QList<FaqMatch> matches;
    for (const qsizetype index : ranked)
        matches.append(FaqMatch {&m_entries.at(index), scores.at(index)});
    return matches;
}

void Faq::prepareMatching()
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const FaqEntry &entry = m_entries.at(i);
        QSet<QString> seen;
        const auto addQuestion = [&](const QString &text) {
            QString normalized = ErrorCatalog::normalizedForMatching(text);
            if (normalized.size() >= 2 && !seen.contains(normalized)) {
                seen.insert(normalized);
                m_questions.append(MatchTarget {i, std::move(normalized)});
            }
        };
        addQuestion(entry.question.ja);
        addQuestion(entry.question.en);
        for (const FaqSeedWording &seed : entry.alsoInSeeds)
            addQuestion(seed.question);
        for (const QString &keyword : entry.keywords)
            m_keywords.append(MatchTarget {i, ErrorCatalog::normalizedForMatching(keyword)});
    }
}

} // namespace tc

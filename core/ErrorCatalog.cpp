#include "ErrorCatalog.h"

#include "EntryDocument.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

using namespace Qt::StringLiterals;

namespace tc {
namespace {

using entrydoc::entryError;
using entrydoc::isTidyText;

constexpr int SupportedVersion = 1;

// Scores are 0…1. A text found inside a message (or a message inside the text) is placed above
// any fuzzy resemblance short of a near-copy; how much of the message it covers, and whether the
// customer read from its start, order the containing messages among themselves.
constexpr double ContainmentBase = 0.75;
constexpr double ContainmentCoverageWeight = 0.2;
constexpr double PrefixBonus = 0.05;
// Fraction of the typed bigrams found in a message, scaled down so that scattered fragments
// never outrank a contiguous piece of text.
constexpr double CoverWeight = 0.7;
constexpr double MatchThreshold = 0.45;
// Shorter fragments ("デス", "オ") occur in nearly every message and would match all of them.
constexpr qsizetype MinContainmentLength = 4;
// Below this the share of common bigrams says little (two bigrams are found almost anywhere).
constexpr qsizetype MinCoverBigrams = 5;

bool isAsciiUpper(QChar c)
{
    return c.unicode() >= u'A' && c.unicode() <= u'Z';
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isCodeForm(QStringView code)
{
    return code.size() == 3 && isAsciiUpper(code.at(0)) && isAsciiDigit(code.at(1))
        && isAsciiDigit(code.at(2));
}

char32_t hiraganaToKatakana(char32_t c)
{
    // ぁ…ゖ and the iteration marks ゝゞ sit exactly 0x60 below their katakana.
    if ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E)
        return c + 0x60;
    return c;
}

// Every step of normalizedForMatching except the variant table.
QString foldCharacters(QStringView text)
{
    const QString folded = text.toString().normalized(QString::NormalizationForm_KC).toUpper();
    std::u32string kept;
    kept.reserve(static_cast<std::size_t>(folded.size()));
    for (const uint codePoint : folded.toUcs4()) {
        const char32_t c = hiraganaToKatakana(codePoint);
        // Letters include the long-vowel mark ー and 々; spaces, punctuation and symbols go.
        if (QChar::isLetterOrNumber(c) || QChar::isMark(c))
            kept.push_back(c);
    }
    return QString::fromUcs4(kept.data(), static_cast<qsizetype>(kept.size()));
}

// Callers read messages aloud and tellers type what they hear, mostly in kana, or with another
// spelling of the same word: "ただいま" for "ただ今", "お取り扱い" for "お取扱い", "ください" for
// "下さい", "問い合わせ" for "問合せ". NFKC and kana folding cannot relate those, so both sides
// are rewritten with this table to the words' readings. It covers the words of the catalog's
// messages; a word missing here still matches itself and only loses the kana-typed reading.
struct VariantSpelling
{
    const char16_t *spelling;
    const char16_t *reading;
};

constexpr VariantSpelling VariantSpellings[] = {
    {u"ただ今", u"ただいま"},
    {u"只今", u"ただいま"},
    {u"取り扱い", u"とりあつかい"},
    {u"取扱い", u"とりあつかい"},
    {u"取り扱", u"とりあつかい"},
    {u"取扱", u"とりあつかい"},
    {u"問い合わせ", u"といあわせ"},
    {u"問い合せ", u"といあわせ"},
    {u"問合わせ", u"といあわせ"},
    {u"問合せ", u"といあわせ"},
    {u"下さい", u"ください"},
    {u"窓口", u"まどぐち"},
    {u"照会", u"しょうかい"},
    {u"詳しく", u"くわしく"},
    {u"本サービス", u"ほんさーびす"},
    {u"理由", u"りゆう"},
    {u"本人", u"ほんにん"},
    {u"認証中", u"にんしょうちゅう"},
    {u"認証", u"にんしょう"},
    {u"情報", u"じょうほう"},
    {u"誤って", u"あやまって"},
    {u"誤り", u"あやまり"},
    {u"項目", u"こうもく"},
    {u"確認", u"かくにん"},
    {u"再度", u"さいど"},
    {u"入力", u"にゅうりょく"},
    {u"指定", u"してい"},
    {u"口座", u"こうざ"},
    {u"時間", u"じかん"},
    {u"行って", u"おこなって"},
    {u"了承", u"りょうしょう"},
    {u"受付", u"うけつけ"},
    {u"混雑", u"こんざつ"},
    {u"利用", u"りよう"},
    {u"調整", u"ちょうせい"},
    {u"連絡", u"れんらく"},
    {u"急ぎ", u"いそぎ"},
    {u"場合", u"ばあい"},
    {u"中止", u"ちゅうし"},
    {u"連携", u"れんけい"},
    {u"着信", u"ちゃくしん"},
    {u"待ち", u"まち"},
    {u"暗証番号", u"あんしょうばんごう"},
    {u"番号", u"ばんごう"},
    {u"電話", u"でんわ"},
    {u"届出", u"とどけで"},
    {u"届け", u"とどけ"},
    {u"お客様", u"おきゃくさま"},
    {u"お客さま", u"おきゃくさま"},
    {u"解除", u"かいじょ"},
    {u"失効", u"しっこう"},
    {u"許可", u"きょか"},
    {u"有効", u"ゆうこう"},
    {u"期限", u"きげん"},
    {u"期間", u"きかん"},
    {u"終了", u"しゅうりょう"},
    {u"えーぴーあい", u"API"},
};

class VariantTable
{
public:
    VariantTable()
    {
        for (const VariantSpelling &v : VariantSpellings) {
            m_variants.append(
                {foldCharacters(QStringView(v.spelling)), foldCharacters(QStringView(v.reading))});
        }
        // Longest first, so that 認証中 wins over 認証 and 取扱い over 取扱.
        std::stable_sort(m_variants.begin(), m_variants.end(), [](const auto &a, const auto &b) {
            return a.first.size() > b.first.size();
        });
        for (qsizetype i = 0; i < m_variants.size(); ++i)
            m_byFirstChar[m_variants.at(i).first.at(0).unicode()].append(i);
    }

    QString apply(const QString &text) const
    {
        QString out;
        out.reserve(text.size() * 2);
        qsizetype i = 0;
        while (i < text.size()) {
            const auto candidates = m_byFirstChar.constFind(text.at(i).unicode());
            bool replaced = false;
            if (candidates != m_byFirstChar.cend()) {
                const QStringView rest = QStringView(text).sliced(i);
                for (const qsizetype index : *candidates) {
                    const auto &[spelling, reading] = m_variants.at(index);
                    if (rest.startsWith(spelling)) {
                        out += reading;
                        i += spelling.size();
                        replaced = true;
                        break;
                    }
                }
            }
            if (!replaced) {
                out += text.at(i);
                ++i;
            }
        }
        return out;
    }

private:
    QList<std::pair<QString, QString>> m_variants;
    QHash<char16_t, QList<qsizetype>> m_byFirstChar;
};

const VariantTable &variantTable()
{
    static const VariantTable table;
    return table;
}

QList<quint64> bigramsOf(const QString &normalized)
{
    const QList<uint> codePoints = normalized.toUcs4();
    QList<quint64> bigrams;
    if (codePoints.size() < 2)
        return bigrams;
    bigrams.reserve(codePoints.size() - 1);
    for (qsizetype i = 0; i + 1 < codePoints.size(); ++i)
        bigrams.append((quint64(codePoints.at(i)) << 32) | codePoints.at(i + 1));
    std::sort(bigrams.begin(), bigrams.end());
    return bigrams;
}

// Size of the multiset intersection of two sorted lists.
qsizetype commonCount(const QList<quint64> &a, const QList<quint64> &b)
{
    qsizetype common = 0;
    auto i = a.cbegin();
    auto j = b.cbegin();
    while (i != a.cend() && j != b.cend()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return common;
}

double similarity(const QString &spoken, const QList<quint64> &spokenBigrams, const QString &target,
                  const QList<quint64> &targetBigrams)
{
    if (spoken == target)
        return 1.0;
    const qsizetype spokenLength = spoken.size();
    const qsizetype targetLength = target.size();
    if (spokenLength >= MinContainmentLength && targetLength > spokenLength) {
        const qsizetype at = target.indexOf(spoken);
        if (at >= 0) {
            return ContainmentBase
                + ContainmentCoverageWeight * double(spokenLength) / double(targetLength)
                + (at == 0 ? PrefixBonus : 0.0);
        }
    }
    if (targetLength >= MinContainmentLength && spokenLength > targetLength
        && spoken.contains(target)) {
        return ContainmentBase
            + ContainmentCoverageWeight * double(targetLength) / double(spokenLength);
    }
    const qsizetype common = commonCount(spokenBigrams, targetBigrams);
    if (common == 0)
        return 0.0;
    const double dice = 2.0 * double(common) / double(spokenBigrams.size() + targetBigrams.size());
    const double cover = spokenBigrams.size() >= MinCoverBigrams
        ? CoverWeight * double(common) / double(spokenBigrams.size())
        : 0.0;
    return std::max(dice, cover);
}

// Codes written in the text ("理由コードは B84"): an upper-case letter and two digits that are
// not part of a longer run of letters or digits. The text is already normalized (upper-case,
// no spaces).
QList<QStringView> mentionedCodes(QStringView normalized)
{
    QList<QStringView> found;
    for (qsizetype i = 0; i + 3 <= normalized.size(); ++i) {
        const QStringView candidate = normalized.sliced(i, 3);
        if (!isCodeForm(candidate))
            continue;
        const bool startsRun =
            i == 0 || !(isAsciiUpper(normalized.at(i - 1)) || isAsciiDigit(normalized.at(i - 1)));
        const bool endsRun = i + 3 == normalized.size() || !isAsciiDigit(normalized.at(i + 3));
        if (startsRun && endsRun)
            found.append(candidate);
    }
    return found;
}

// ---- validation of the catalog document ----

bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && std::trunc(d) == d;
}

const QStringList &allowedEntryFields()
{
    static const QStringList fields = {
        u"code"_s,
        u"screen"_s,
        u"http_status"_s,
        u"customer_message"_s,
        u"customer_message_en"_s,
        u"from_seeds"_s,
        u"counts"_s,
        u"meaning"_s,
        u"cause"_s,
        u"tell_customer"_s,
        u"aliases"_s,
    };
    return fields;
}

Result<CatalogEntry> parseEntry(const QJsonValue &value, qsizetype index)
{
    if (!value.isObject()) {
        return Error {u"entries[%1]"_s.arg(index), u"entry %1: must be a JSON object"_s.arg(index)};
    }
    const QJsonObject object = value.toObject();
    CatalogEntry entry;

    const QJsonValue code = object.value(u"code"_s);
    if (!code.isString() || !isCodeForm(code.toString())) {
        return entryError(index, QString(), u"code"_s,
                          u"must be a string of one upper-case letter and two digits, e.g. "
                          u"\"B84\""_s);
    }
    entry.code = code.toString();

    for (const QString &key : object.keys()) {
        if (!allowedEntryFields().contains(key))
            return entryError(index, entry.code, key, u"is not a known field"_s);
    }

    const auto requiredText = [&](const QString &field, QString &target) -> std::optional<Error> {
        const QJsonValue v = object.value(field);
        if (v.isUndefined())
            return entryError(index, entry.code, field, u"is missing"_s);
        if (!v.isString())
            return entryError(index, entry.code, field, u"must be a string"_s);
        if (!isTidyText(v.toString())) {
            return entryError(index, entry.code, field,
                              u"must be non-empty, without leading or trailing spaces"_s);
        }
        target = v.toString();
        return std::nullopt;
    };
    const auto staffText = [&](const QString &field, StaffText &target) -> std::optional<Error> {
        const QJsonValue v = object.value(field);
        if (v.isUndefined())
            return entryError(index, entry.code, field, u"is missing"_s);
        if (!v.isObject()) {
            return entryError(index, entry.code, field,
                              u"must be an object {\"ja\": …, \"en\": …}"_s);
        }
        const QJsonObject texts = v.toObject();
        for (const QString &key : texts.keys()) {
            if (key != u"ja"_s && key != u"en"_s) {
                return entryError(index, entry.code, field % u'.' % key,
                                  u"is not a known field (only \"ja\" and \"en\")"_s);
            }
        }
        for (const QString &language : {u"ja"_s, u"en"_s}) {
            const QJsonValue text = texts.value(language);
            if (!text.isString() || !isTidyText(text.toString())) {
                return entryError(index, entry.code, field % u'.' % language,
                                  u"must be a non-empty string without leading or trailing "
                                  u"spaces"_s);
            }
        }
        target = StaffText {texts.value(u"ja"_s).toString(), texts.value(u"en"_s).toString()};
        return std::nullopt;
    };

    if (object.contains(u"screen"_s)) {
        static const QStringList screens = {QString(), u"①"_s, u"②"_s, u"③"_s,
                                            u"④"_s,    u"⑤"_s, u"⑥"_s};
        const QJsonValue screen = object.value(u"screen"_s);
        if (!screen.isString() || !screens.contains(screen.toString())) {
            return entryError(index, entry.code, u"screen"_s,
                              u"must be one of \"①\"…\"⑥\" or \"\""_s);
        }
        entry.screen = screen.toString();
    }

    const QJsonValue status = object.value(u"http_status"_s);
    if (status.isUndefined())
        return entryError(index, entry.code, u"http_status"_s, u"is missing"_s);
    if (!isInteger(status) || status.toDouble() < 400 || status.toDouble() > 599) {
        return entryError(index, entry.code, u"http_status"_s,
                          u"must be an integer from 400 to 599"_s);
    }
    entry.httpStatus = static_cast<int>(status.toDouble());

    if (auto error = requiredText(u"customer_message"_s, entry.customerMessage))
        return *error;
    if (auto error = requiredText(u"customer_message_en"_s, entry.customerMessageEn))
        return *error;

    const QJsonValue fromSeeds = object.value(u"from_seeds"_s);
    if (fromSeeds.isUndefined())
        return entryError(index, entry.code, u"from_seeds"_s, u"is missing"_s);
    if (!fromSeeds.isBool())
        return entryError(index, entry.code, u"from_seeds"_s, u"must be true or false"_s);
    entry.fromSeeds = fromSeeds.toBool();

    const QJsonValue counts = object.value(u"counts"_s);
    if (counts.isUndefined())
        return entryError(index, entry.code, u"counts"_s, u"is missing"_s);
    const QString countsText = counts.toString();
    if (countsText == u"none"_s) {
        entry.counts = LockCounting::None;
    } else if (countsText == u"identity"_s) {
        entry.counts = LockCounting::Identity;
    } else if (countsText == u"pin"_s) {
        entry.counts = LockCounting::Pin;
    } else {
        return entryError(index, entry.code, u"counts"_s,
                          u"must be \"none\", \"identity\" or \"pin\""_s);
    }

    if (auto error = staffText(u"meaning"_s, entry.meaning))
        return *error;
    if (auto error = staffText(u"cause"_s, entry.cause))
        return *error;
    if (auto error = staffText(u"tell_customer"_s, entry.tellCustomer))
        return *error;

    if (object.contains(u"aliases"_s)) {
        const QJsonValue aliases = object.value(u"aliases"_s);
        if (!aliases.isArray()) {
            return entryError(index, entry.code, u"aliases"_s, u"must be an array of strings"_s);
        }
        QSet<QString> seen;
        const QJsonArray list = aliases.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString field = u"aliases[%1]"_s.arg(i);
            const QJsonValue alias = list.at(i);
            if (!alias.isString() || !isTidyText(alias.toString())) {
                return entryError(index, entry.code, field,
                                  u"must be a non-empty string without leading or trailing "
                                  u"spaces"_s);
            }
            // An alias with (almost) nothing left to compare would resemble every text.
            const QString normalized = ErrorCatalog::normalizedForMatching(alias.toString());
            if (normalized.size() < 2) {
                return entryError(index, entry.code, field,
                                  u"has fewer than two letters or digits to match on"_s);
            }
            if (seen.contains(normalized))
                return entryError(index, entry.code, field, u"repeats another alias"_s);
            seen.insert(normalized);
            entry.aliases.append(alias.toString());
        }
    }
    return entry;
}

} // namespace

const ErrorCatalog &ErrorCatalog::builtIn()
{
    static const ErrorCatalog catalog = entrydoc::compiledIn<ErrorCatalog>(
        u":/catalog/error-catalog.json"_s, "error catalog", "resources/catalog/error-catalog.json");
    return catalog;
}

Result<ErrorCatalog> ErrorCatalog::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error {
            u"json"_s,
            u"the error catalog is not valid JSON (at offset %1): %2"_s.arg(parseError.offset)
                .arg(parseError.errorString())};
    }
    if (!document.isObject()) {
        return Error {u"json"_s,
                      u"the error catalog must be a JSON object with \"version\" and "
                      u"\"entries\""_s};
    }
    const QJsonObject root = document.object();
    for (const QString &key : root.keys()) {
        if (key != u"version"_s && key != u"entries"_s) {
            return Error {key,
                          u"\"%1\" is not a known top-level field (only \"version\" and "
                          u"\"entries\")"_s.arg(key)};
        }
    }
    if (std::optional<Error> version = entrydoc::versionError(root, SupportedVersion, u"catalog"_s))
        return *version;
    const QJsonValue entries = root.value(u"entries"_s);
    if (!entries.isArray() || entries.toArray().isEmpty()) {
        return Error {u"entries"_s, u"\"entries\" must be a non-empty array of entries"_s};
    }

    ErrorCatalog catalog;
    QHash<QString, qsizetype> firstIndexOfCode;
    const QJsonArray list = entries.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        Result<CatalogEntry> entry = parseEntry(list.at(i), i);
        if (!entry)
            return entry.error();
        const QString code = entry->code;
        if (const auto previous = firstIndexOfCode.constFind(code);
            previous != firstIndexOfCode.cend()) {
            return entryError(i, code, u"code"_s, u"repeats the code of entry %1"_s.arg(*previous));
        }
        firstIndexOfCode.insert(code, i);
        catalog.m_entries.append(std::move(entry).value());
    }
    catalog.prepareMatching();
    return catalog;
}

const CatalogEntry *ErrorCatalog::find(QStringView code) const
{
    QString key = code.toString().normalized(QString::NormalizationForm_KC).toUpper();
    key.removeIf([](QChar c) { return c.isSpace(); });
    for (const CatalogEntry &entry : m_entries) {
        if (entry.code == key)
            return &entry;
    }
    return nullptr;
}

QList<CatalogMatch> ErrorCatalog::matchMessage(QStringView spokenText, int limit) const
{
    if (limit <= 0)
        return {};
    const QString spoken = normalizedForMatching(spokenText);
    if (spoken.isEmpty())
        return {};

    QList<double> scores(m_entries.size(), 0.0);
    QList<bool> mentioned(m_entries.size(), false);
    for (const QStringView code : mentionedCodes(spoken)) {
        if (const CatalogEntry *entry = find(code)) {
            const qsizetype index = entry - m_entries.constData();
            mentioned[index] = true;
            scores[index] = 1.0;
        }
    }

    const QList<quint64> spokenBigrams = bigramsOf(spoken);
    for (const MatchTarget &target : m_targets) {
        double &score = scores[target.entryIndex];
        score =
            std::max(score, similarity(spoken, spokenBigrams, target.normalized, target.bigrams));
    }

    QList<qsizetype> ranked;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (mentioned.at(i) || scores.at(i) >= MatchThreshold)
            ranked.append(i);
    }
    // A code the customer reads out names the entry outright; ties keep catalog order.
    std::stable_sort(ranked.begin(), ranked.end(), [&](qsizetype a, qsizetype b) {
        if (mentioned.at(a) != mentioned.at(b))
            return mentioned.at(a);
        return scores.at(a) > scores.at(b);
    });

    QList<CatalogMatch> matches;
    for (const qsizetype index : ranked) {
        if (matches.size() >= limit)
            break;
        matches.append(CatalogMatch {&m_entries.at(index), std::min(scores.at(index), 1.0)});
    }
    return matches;
}

QString ErrorCatalog::normalizedForMatching(QStringView text)
{
    return variantTable().apply(foldCharacters(text));
}

double ErrorCatalog::resemblance(const QString &normalizedText, const QString &normalizedTarget)
{
    return similarity(normalizedText, bigramsOf(normalizedText), normalizedTarget,
                      bigramsOf(normalizedTarget));
}

void ErrorCatalog::prepareMatching()
{
    m_targets.clear();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const CatalogEntry &entry = m_entries.at(i);
        QSet<QString> seen;
        const auto add = [&](const QString &text) {
            QString normalized = normalizedForMatching(text);
            if (normalized.size() < 2 || seen.contains(normalized))
                return;
            seen.insert(normalized);
            QList<quint64> bigrams = bigramsOf(normalized);
            m_targets.append(MatchTarget {i, std::move(normalized), std::move(bigrams)});
        };
        add(entry.customerMessage);
        for (const QString &alias : entry.aliases)
            add(alias);
    }
}

} // namespace tc

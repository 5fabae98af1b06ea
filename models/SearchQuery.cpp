#include "SearchQuery.h"

#include "KanaName.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

// Dashes an IME or a pasted document may put between digits.
bool isDash(QChar c)
{
    switch (c.unicode()) {
    case u'-':
    case u'‐': // U+2010 hyphen
    case u'‑': // U+2011 non-breaking hyphen
    case u'‒': // U+2012 figure dash
    case u'–': // U+2013 en dash
    case u'—': // U+2014 em dash
    case u'−': // U+2212 minus
    case u'ー': // U+30FC, what a kana IME types for '-'
    case u'ｰ': // U+FF70, its half-width form
        return true;
    default:
        return false;
    }
}

} // namespace

SearchQuery SearchQuery::parse(QStringView text)
{
    // NFKC: full-width digits, hyphen-minus and space become ASCII.
    const QString folded = text.toString().normalized(QString::NormalizationForm_KC).trimmed();
    if (folded.isEmpty())
        return {};

    // Digits and separators only: an account or a phone number.
    QString digits;
    QString shape; // digit runs' lengths, separated by '|'
    bool numeric = true;
    int run = 0;
    for (QChar c : folded) {
        if (c.isDigit() && c.unicode() < 0x80) {
            digits += c;
            ++run;
        } else if (isDash(c) || c.isSpace() || c == u'(' || c == u')') {
            if (run > 0)
                shape += QString::number(run) + u'|';
            run = 0;
        } else {
            numeric = false;
            break;
        }
    }
    if (numeric && !digits.isEmpty()) {
        if (run > 0)
            shape += QString::number(run) + u'|';
        SearchQuery query;
        if (shape == "3|7|"_L1) {
            query.kind = Kind::Account;
            query.branchCode = digits.left(3);
            query.accountNumber = digits.mid(3);
        } else if (digits.size() == 10 || digits.size() == 11) {
            query.kind = Kind::Phone;
            query.phone = digits;
        }
        return query;
    }

    if (isKanaName(folded)) {
        const QString name = normalizedKanaName(folded);
        if (name.size() >= minimumKanaLength)
            return {.kind = Kind::NameKana, .nameKana = name};
    }
    return {};
}

QUrlQuery SearchQuery::urlQuery() const
{
    QUrlQuery query;
    switch (kind) {
    case Kind::Account:
        query.addQueryItem(u"branch_code"_s, branchCode);
        query.addQueryItem(u"account_number"_s, accountNumber);
        break;
    case Kind::Phone:
        query.addQueryItem(u"phone"_s, phone);
        break;
    case Kind::NameKana:
        query.addQueryItem(u"name_kana"_s, nameKana);
        break;
    case Kind::None:
        break;
    }
    return query;
}

} // namespace tc

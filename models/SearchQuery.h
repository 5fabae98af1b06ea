#pragma once

#include <QString>
#include <QStringView>
#include <QUrlQuery>

namespace tc {

// What the teller typed into the search field, read as one of the staff API's three ways of
// finding a customer (GET /api/v1/staff/customers):
// - "005-1234567", "005 1234567": branch code and account number (3 + 7 digits);
// - 10 or 11 digits, with or without hyphens, spaces or parentheses: a phone number;
// - kana in any form (half-width, full-width katakana, hiragana; spaces ignored), at least two
//   characters: the start of the name.
// Full-width digits and hyphens count as their ASCII forms (an IME's output). Anything else,
// including a number still being typed, is nothing to search yet.
struct SearchQuery
{
    enum class Kind { None, Account, Phone, NameKana };

    static constexpr int minimumKanaLength = 2;

    Kind kind = Kind::None;
    QString branchCode; // Account
    QString accountNumber; // Account
    QString phone; // Phone: digits only
    QString nameKana; // NameKana: full-width katakana without spaces

    static SearchQuery parse(QStringView text);

    bool isSearchable() const { return kind != Kind::None; }
    // The query parameters of the search call.
    QUrlQuery urlQuery() const;

    friend bool operator==(const SearchQuery &, const SearchQuery &) = default;
};

} // namespace tc

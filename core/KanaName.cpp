#include "KanaName.h"

namespace tc {

QString normalizedKanaName(QStringView name)
{
    // NFKC turns half-width katakana into full-width and composes ﾃﾞ into デ.
    const QString composed = name.toString().normalized(QString::NormalizationForm_KC);
    QString result;
    result.reserve(composed.size());
    for (QChar c : composed) {
        if (c.isSpace())
            continue;
        const char16_t u = c.unicode();
        // Hiragana ぁ–ゖ sit exactly 0x60 below their katakana.
        if (u >= 0x3041 && u <= 0x3096)
            result.append(QChar(char16_t(u + 0x60)));
        else
            result.append(c);
    }
    return result;
}

bool isKanaName(QStringView name)
{
    const QString normalized = normalizedKanaName(name);
    if (normalized.isEmpty())
        return false;
    for (QChar c : normalized) {
        const char16_t u = c.unicode();
        const bool katakana = u >= 0x30A1 && u <= 0x30FA;
        const bool mark = u == 0x30FC /* ー */ || u == 0x30FB /* ・ */;
        if (!katakana && !mark)
            return false;
    }
    return true;
}

} // namespace tc

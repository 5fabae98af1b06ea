#pragma once

// What the error catalog and the FAQ (JSON documents of "entries", shipped and validated the
// same way) say about one entry, so a broken document reads the same whichever it is.
#include "Result.h"

#include <QString>
#include <QStringBuilder>

namespace tc::entrydoc {

// "entries[3].meaning": entry 3 (B84): "meaning" must be …; `id` names the entry when known.
inline Error entryError(qsizetype index, const QString &id, const QString &field,
                        const QString &problem)
{
    using namespace Qt::StringLiterals;
    const QString entry =
        id.isEmpty() ? u"entry %1"_s.arg(index) : u"entry %1 (%2)"_s.arg(index).arg(id);
    return Error {u"entries[%1].%2"_s.arg(index).arg(field),
                  entry % u": \""_s % field % u"\" "_s % problem};
}

// Text an entry shows: present, and without stray spaces or newlines at its ends.
inline bool isTidyText(const QString &text)
{
    return !text.isEmpty() && text.trimmed() == text;
}

} // namespace tc::entrydoc

#pragma once

// The error catalog and the FAQ are JSON documents of "entries", compiled in and validated the
// same way: what is said about a broken one reads the same whichever it is.
#include "Result.h"

#include <QFile>
#include <QJsonObject>
#include <QString>
#include <QStringBuilder>

#include <optional>

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

// The document's "version": the only format of `documentName` this program reads.
inline std::optional<Error> versionError(const QJsonObject &root, int supported,
                                         const QString &documentName)
{
    using namespace Qt::StringLiterals;
    if (root.value(u"version"_s).toDouble() == supported)
        return std::nullopt;
    return Error {
        u"version"_s,
        u"\"version\" must be %1 (the only %2 format this program reads)"_s.arg(supported).arg(
            documentName)};
}

// The document compiled into the program (`resource`, built from `source`), parsed by
// T::fromJson; a missing or broken one ends the program, as nothing can be explained without it.
template<typename T>
T compiledIn(const QString &resource, const char *what, const char *source)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("The compiled-in %s %s is missing: %s", what, qUtf8Printable(file.fileName()),
               qUtf8Printable(file.errorString()));
    }
    Result<T> parsed = T::fromJson(file.readAll());
    if (!parsed) {
        qFatal("The compiled-in %s %s is invalid (%s): %s", what, source,
               qUtf8Printable(parsed.error().key), qUtf8Printable(parsed.error().message));
    }
    return std::move(parsed).value();
}

} // namespace tc::entrydoc

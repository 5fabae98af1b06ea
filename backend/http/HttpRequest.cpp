#include "HttpRequest.h"

#include "ErrorCodes.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

#include <optional>

using namespace Qt::StringLiterals;

namespace tc::backend::http {
namespace {

Error refused(const QString &why)
{
    return {QString(codes::MalformedRequest), why};
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Strict percent-decoding: QByteArray::fromPercentEncoding passes "%zz" through unchanged,
// which would let two spellings of one path differ.
std::optional<QByteArray> percentDecoded(QByteArrayView raw)
{
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c != '%') {
            out.append(c);
            continue;
        }
        if (i + 2 >= raw.size())
            return std::nullopt;
        const int high = hexValue(raw[i + 1]);
        const int low = hexValue(raw[i + 2]);
        if (high < 0 || low < 0)
            return std::nullopt;
        out.append(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return out;
}

bool hasControlCharacter(QByteArrayView bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            return true;
    }
    return false;
}

// Strict UTF-8 (overlong forms and surrogates are errors, as the decoder treats them).
std::optional<QString> utf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &lowerCaseName) const
{
    return headerValues(lowerCaseName).join(", ");
}

QList<QByteArray> HttpRequest::headerValues(const QByteArray &lowerCaseName) const
{
    QList<QByteArray> values;
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            values.append(value);
    }
    return values;
}

bool HttpRequest::hasHeader(const QByteArray &lowerCaseName) const
{
    for (const auto &header : headers) {
        if (header.first == lowerCaseName)
            return true;
    }
    return false;
}

Result<QJsonObject> HttpRequest::jsonObject() const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return refused(u"the body is not a JSON object"_s);
    return document.object();
}

Result<RequestTarget> HttpRequest::parseTarget(QByteArrayView rawTarget)
{
    // Origin form only: absolute form, authority form (CONNECT) and "*" (OPTIONS) have no use
    // here and only widen what has to be validated.
    if (rawTarget.isEmpty() || rawTarget.front() != '/')
        return refused(u"the request target is not an absolute path"_s);
    for (const char c : rawTarget) {
        const auto u = static_cast<unsigned char>(c);
        // RFC 3986 allows only visible ASCII in a target; raw UTF-8 or a backslash would let
        // one path have several spellings. A fragment is never sent by a conforming client.
        if (u <= 0x20 || u >= 0x7f || c == '\\' || c == '#')
            return refused(u"the request target contains a character that must be encoded"_s);
    }

    const qsizetype question = rawTarget.indexOf('?');
    const QByteArrayView rawPath = question < 0 ? rawTarget : rawTarget.first(question);
    const QByteArrayView rawQuery =
        question < 0 ? QByteArrayView() : rawTarget.sliced(question + 1);

    RequestTarget target;
    const QList<QByteArray> rawSegments = rawPath.sliced(1).toByteArray().split('/');
    for (const QByteArray &rawSegment : rawSegments) {
        const std::optional<QByteArray> decoded = percentDecoded(rawSegment);
        if (!decoded)
            return refused(u"the path has an invalid percent-encoding"_s);
        // Encoded slashes would change where segments end; dot segments are how paths escape
        // the route they appear to name; NUL and control characters truncate or forge logs.
        if (decoded->contains('/') || *decoded == "." || *decoded == ".." || decoded->contains('\\')
            || hasControlCharacter(*decoded))
            return refused(u"the path contains a forbidden segment or character"_s);
        std::optional<QString> segment = utf8(*decoded);
        if (!segment)
            return refused(u"the path is not valid UTF-8"_s);
        target.segments.append(std::move(*segment));
    }
    target.path = u'/' + target.segments.join(u'/');

    if (!rawQuery.isEmpty()) {
        const std::optional<QByteArray> decoded = percentDecoded(rawQuery);
        if (!decoded || hasControlCharacter(*decoded) || !utf8(*decoded))
            return refused(u"the query is not valid percent-encoded UTF-8"_s);
        target.query.setQuery(QString::fromLatin1(rawQuery));
    }
    return target;
}

} // namespace tc::backend::http

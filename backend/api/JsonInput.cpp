#include "JsonInput.h"

#include "ErrorCodes.h"

#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace tc::backend::api {

namespace {

Error malformed(const QString &why)
{
    return Error {QString(codes::MalformedRequest), why};
}

} // namespace

Result<JsonInput> JsonInput::read(const http::HttpRequest &request, const QList<Field> &fields)
{
    JsonInput input;
    QJsonObject object;
    // A call that takes no fields may come without a body at all.
    if (!request.body.trimmed().isEmpty() || !fields.isEmpty()) {
        Result<QJsonObject> parsed = request.jsonObject();
        if (!parsed)
            return parsed.error();
        object = parsed.value();
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const auto spec = std::find_if(fields.cbegin(), fields.cend(),
                                       [&](const Field &f) { return f.name == it.key(); });
        if (spec == fields.cend())
            return malformed(u"unknown field '%1'"_s.arg(it.key().left(40)));
        const QJsonValue value = it.value();
        if (value.isNull())
            continue;
        switch (spec->type) {
        case FieldType::String:
            if (!value.isString())
                return malformed(u"'%1' must be a string"_s.arg(spec->name));
            if (value.toString().size() > spec->maxLength)
                return malformed(
                    u"'%1' is longer than %2 characters"_s.arg(spec->name).arg(spec->maxLength));
            break;
        case FieldType::Boolean:
            if (!value.isBool())
                return malformed(u"'%1' must be true or false"_s.arg(spec->name));
            break;
        }
        input.m_values.insert(spec->name, value);
    }
    return input;
}

Result<QHash<QString, QString>> readForm(const http::HttpRequest &request)
{
    const QByteArray type = request.header("content-type").toLower();
    if (!type.startsWith("application/x-www-form-urlencoded"))
        return malformed(u"expected application/x-www-form-urlencoded"_s);
    // '+' means a space in forms; QUrlQuery leaves it alone.
    const QString body = QString::fromUtf8(QByteArray(request.body).replace('+', ' '));
    if (body.contains(QChar::ReplacementCharacter))
        return malformed(u"the form is not valid UTF-8"_s);
    const QUrlQuery query(body);
    QHash<QString, QString> values;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (values.contains(key))
            return malformed(u"parameter '%1' given more than once"_s.arg(key.left(40)));
        if (value.size() > 2048)
            return malformed(u"parameter '%1' is too long"_s.arg(key.left(40)));
        values.insert(key, value);
    }
    return values;
}

} // namespace tc::backend::api

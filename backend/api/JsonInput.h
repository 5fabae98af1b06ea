#pragma once

#include "Result.h"
#include "http/HttpRequest.h"

#include <QHash>
#include <QJsonValue>
#include <QString>

namespace tc::backend::api {

enum class FieldType { String, Boolean };

struct Field
{
    QString name;
    FieldType type = FieldType::String;
    int maxLength = 256; // String: longer texts are refused, not truncated
};

// The fields of a JSON object body, checked: an object, only the listed fields, each of its
// type and length. An absent field reads as empty / false: whether it was required is the
// caller's rule (the seeds answer missing fields with their own message, B01). Any other
// problem is G01.
class JsonInput final
{
public:
    static Result<JsonInput> read(const http::HttpRequest &request, const QList<Field> &fields);

    QString string(const QString &name) const { return m_values.value(name).toString(); }
    bool boolean(const QString &name) const { return m_values.value(name).toBool(); }

private:
    QHash<QString, QJsonValue> m_values;
};

// application/x-www-form-urlencoded bodies (the OAuth endpoints, RFC 6749): each parameter at
// most once; an Error (G01) otherwise.
Result<QHash<QString, QString>> readForm(const http::HttpRequest &request);

} // namespace tc::backend::api

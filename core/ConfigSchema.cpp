#include "ConfigSchema.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

std::optional<bool> parseBoolean(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == "true"_L1 || t == "yes"_L1 || t == "on"_L1 || t == "1"_L1)
        return true;
    if (t == "false"_L1 || t == "no"_L1 || t == "off"_L1 || t == "0"_L1)
        return false;
    return std::nullopt;
}

std::optional<std::pair<QString, quint16>> parseHostPort(const QString &text)
{
    // IPv6 literals are written in brackets, as in URLs: [::1]:8443.
    static const QRegularExpression pattern(
        u"^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):([0-9]{1,5})$"_s);
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const uint port = match.captured(2).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    QString host = match.captured(1);
    if (host.startsWith(u'['))
        host = host.mid(1, host.size() - 2);
    return std::pair {host, static_cast<quint16>(port)};
}

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            items << trimmed;
    }
    return items;
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1), current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QString typeName(const ConfigKeySpec &spec)
{
    switch (spec.type) {
    case ConfigValueType::String:
        return u"text"_s;
    case ConfigValueType::Integer:
        return u"integer %1–%2"_s.arg(spec.minimum).arg(spec.maximum);
    case ConfigValueType::Boolean:
        return u"true/false"_s;
    case ConfigValueType::Choice:
        return u"one of: "_s + spec.choices.join(u", "_s);
    case ConfigValueType::HostPort:
        return u"host:port"_s;
    case ConfigValueType::StringList:
        return u"comma-separated list"_s;
    }
    return {};
}

// Converts one raw value, or says why it cannot be.
Result<QVariant> convert(const ConfigKeySpec &spec, const QString &text)
{
    const auto bad = [&](const QString &why) {
        return Error {spec.key, u"%1: '%2' is not valid: %3"_s.arg(spec.key, text, why)};
    };
    switch (spec.type) {
    case ConfigValueType::String:
        return QVariant(text.trimmed());
    case ConfigValueType::Integer: {
        bool ok = false;
        const qint64 number = text.trimmed().toLongLong(&ok);
        if (!ok)
            return bad(u"expected an integer"_s);
        if (number < spec.minimum || number > spec.maximum)
            return bad(u"expected %1 to %2"_s.arg(spec.minimum).arg(spec.maximum));
        return QVariant(number);
    }
    case ConfigValueType::Boolean:
        if (const auto value = parseBoolean(text))
            return QVariant(*value);
        return bad(u"expected true or false"_s);
    case ConfigValueType::Choice:
        if (spec.choices.contains(text.trimmed()))
            return QVariant(text.trimmed());
        return bad(u"expected one of "_s + spec.choices.join(u", "_s));
    case ConfigValueType::HostPort:
        if (const auto hostPort = parseHostPort(text))
            return QVariant(text.trimmed());
        return bad(u"expected host:port, for example 127.0.0.1:8443"_s);
    case ConfigValueType::StringList:
        return QVariant(splitList(text));
    }
    return bad(u"unsupported type"_s);
}

} // namespace

ConfigSchema &ConfigSchema::add(ConfigKeySpec spec)
{
    Q_ASSERT_X(!find(spec.key), "ConfigSchema::add", "duplicate key");
    m_keys.append(std::move(spec));
    return *this;
}

const ConfigKeySpec *ConfigSchema::find(const QString &key) const
{
    const auto it = std::find_if(m_keys.cbegin(), m_keys.cend(),
                                 [&](const ConfigKeySpec &spec) { return spec.key == key; });
    return it == m_keys.cend() ? nullptr : &*it;
}

QString ConfigSchema::closestKey(const QString &unknown) const
{
    QString best;
    int bestDistance = 4; // farther than this is no longer a plausible typo
    for (const ConfigKeySpec &spec : m_keys) {
        const int distance = editDistance(unknown.toLower(), spec.key.toLower());
        if (distance < bestDistance) {
            bestDistance = distance;
            best = spec.key;
        }
    }
    return best;
}

Result<ConfigValues> ConfigSchema::validate(const QList<std::pair<QString, QString>> &raw) const
{
    ConfigValues values;
    QStringList problems;
    QString firstKey;
    const auto report = [&](const QString &key, const QString &message) {
        if (firstKey.isEmpty())
            firstKey = key;
        problems << message;
    };

    for (const auto &[key, text] : raw) {
        const ConfigKeySpec *spec = find(key);
        if (!spec) {
            const QString suggestion = closestKey(key);
            report(key,
                   suggestion.isEmpty()
                       ? u"%1: unknown key"_s.arg(key)
                       : u"%1: unknown key (did you mean %2?)"_s.arg(key, suggestion));
            continue;
        }
        if (values.m_explicit.contains(key)) {
            report(key, u"%1: given more than once"_s.arg(key));
            continue;
        }
        const Result<QVariant> converted = convert(*spec, text);
        if (!converted) {
            report(key, converted.error().message);
            continue;
        }
        values.m_values.insert(key, converted.value());
        values.m_explicit.insert(key, true);
    }

    for (const ConfigKeySpec &spec : m_keys) {
        if (values.m_values.contains(spec.key))
            continue;
        if (!spec.defaultValue.isValid()) {
            report(spec.key, u"%1: required key is missing (%2)"_s.arg(spec.key, spec.description));
            continue;
        }
        values.m_values.insert(spec.key, spec.defaultValue);
    }

    if (!problems.isEmpty())
        return Error {firstKey, problems.join(u'\n')};
    return values;
}

QString ConfigSchema::describe() const
{
    QString text;
    for (const ConfigKeySpec &spec : m_keys) {
        const QString fallback = spec.defaultValue.isValid() ? u"default: "_s
                + (spec.defaultValue.typeId() == QMetaType::QStringList
                       ? spec.defaultValue.toStringList().join(u", "_s)
                       : spec.defaultValue.toString())
                                                             : u"required"_s;
        text +=
            u"%1  (%2; %3)\n    %4\n"_s.arg(spec.key, typeName(spec), fallback, spec.description);
    }
    return text;
}

QString ConfigValues::string(const QString &key) const
{
    Q_ASSERT_X(m_values.contains(key), "ConfigValues", "key not in schema");
    return m_values.value(key).toString();
}

qint64 ConfigValues::integer(const QString &key) const
{
    Q_ASSERT_X(m_values.contains(key), "ConfigValues", "key not in schema");
    return m_values.value(key).toLongLong();
}

bool ConfigValues::boolean(const QString &key) const
{
    Q_ASSERT_X(m_values.contains(key), "ConfigValues", "key not in schema");
    return m_values.value(key).toBool();
}

QStringList ConfigValues::list(const QString &key) const
{
    Q_ASSERT_X(m_values.contains(key), "ConfigValues", "key not in schema");
    return m_values.value(key).toStringList();
}

std::pair<QString, quint16> ConfigValues::hostPort(const QString &key) const
{
    const auto parsed = parseHostPort(string(key));
    Q_ASSERT_X(parsed, "ConfigValues", "host:port validated at load");
    return parsed.value_or(std::pair {QString(), quint16(0)});
}

} // namespace tc

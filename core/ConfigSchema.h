#pragma once

#include "Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <utility>

namespace tc {

enum class ConfigValueType {
    String,
    Integer,
    Boolean, // true/false, yes/no, on/off, 1/0
    Choice, // one of ConfigKeySpec::choices
    HostPort, // host:port, port 0–65535 (0: any free port)
    StringList, // comma-separated
};

// One key a configuration file may contain. A key without a default is required.
struct ConfigKeySpec
{
    QString key; // "section/name", as QSettings spells INI keys
    ConfigValueType type = ConfigValueType::String;
    QVariant defaultValue; // invalid: the key is required
    QString description; // one line for the operator
    qint64 minimum = 0; // Integer only
    qint64 maximum = 0; // Integer only
    QStringList choices; // Choice only
};

// The values of a configuration after validation: every known key present, typed.
class ConfigValues final
{
public:
    QString string(const QString &key) const;
    qint64 integer(const QString &key) const;
    bool boolean(const QString &key) const;
    QStringList list(const QString &key) const;
    std::pair<QString, quint16> hostPort(const QString &key) const;
    // Whether the file set the key (rather than the default applying).
    bool isExplicit(const QString &key) const { return m_explicit.contains(key); }

private:
    friend class ConfigSchema;
    QHash<QString, QVariant> m_values;
    QHash<QString, bool> m_explicit;
};

// Declares the keys a program accepts and checks raw key/value pairs against them: unknown
// keys (a typo must never be silently ignored), missing required keys and bad values are all
// reported, each line naming its key.
class ConfigSchema final
{
public:
    ConfigSchema &add(ConfigKeySpec spec);

    const QList<ConfigKeySpec> &keys() const { return m_keys; }
    const ConfigKeySpec *find(const QString &key) const;

    // `raw` holds what the file said, key → text (QSettings' list values joined back).
    Result<ConfigValues> validate(const QList<std::pair<QString, QString>> &raw) const;

    // The documentation of every key, as `--help-config` prints it.
    QString describe() const;

private:
    QString closestKey(const QString &unknown) const;
    QList<ConfigKeySpec> m_keys;
};

} // namespace tc

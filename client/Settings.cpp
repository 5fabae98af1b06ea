#include "Settings.h"

#include <QFile>
#include <QSettings>
#include <QSslCertificate>
#include <QTemporaryDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

// Every key the console stores.
const QString geometryKey = u"MainWindow/geometry"_s;
const QString tabKey = u"MainWindow/tab"_s;
const QString backendUrlKey = u"Backend/url"_s;
const QString backendCaKey = u"Backend/caFile"_s;
const QString transferTimeoutKey = u"Backend/transferTimeoutSeconds"_s;
const QString idleLockKey = u"Session/idleLockMinutes"_s;
const QString lastUsernameKey = u"Session/lastUsername"_s;
// Followed by the view's key; '/' in a key makes INI groups, which QSettings reads back alike.
const QString viewStatePrefix = u"ViewState/"_s;

} // namespace

Settings::Settings(std::unique_ptr<QSettings> settings, std::unique_ptr<QTemporaryDir> ownedDir)
    : m_ownedDir(std::move(ownedDir)), m_settings(std::move(settings))
{ }

Settings::~Settings() = default;

std::unique_ptr<Settings> Settings::forUser()
{
    return std::unique_ptr<Settings>(new Settings(std::make_unique<QSettings>(
        QSettings::IniFormat, QSettings::UserScope, u"TellerConsole"_s, u"teller-console"_s)));
}

std::unique_ptr<Settings> Settings::inFile(const QString &path)
{
    return std::unique_ptr<Settings>(
        new Settings(std::make_unique<QSettings>(path, QSettings::IniFormat)));
}

std::unique_ptr<Settings> Settings::temporary()
{
    auto dir = std::make_unique<QTemporaryDir>();
    auto settings =
        std::make_unique<QSettings>(dir->filePath(u"teller-console.conf"_s), QSettings::IniFormat);
    return std::unique_ptr<Settings>(new Settings(std::move(settings), std::move(dir)));
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

QByteArray Settings::mainWindowGeometry() const
{
    return m_settings->value(geometryKey).toByteArray();
}

void Settings::setMainWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(geometryKey, geometry);
}

int Settings::mainWindowTab() const
{
    return m_settings->value(tabKey, 0).toInt();
}

void Settings::setMainWindowTab(int index)
{
    m_settings->setValue(tabKey, index);
}

QString Settings::backendUrl() const
{
    return m_settings->value(backendUrlKey).toString();
}

void Settings::setBackendUrl(const QString &url)
{
    m_settings->setValue(backendUrlKey, url.trimmed());
}

QString Settings::backendCaFile() const
{
    return m_settings->value(backendCaKey).toString();
}

void Settings::setBackendCaFile(const QString &path)
{
    m_settings->setValue(backendCaKey, path);
}

int Settings::transferTimeoutSeconds() const
{
    const int seconds =
        m_settings->value(transferTimeoutKey, defaultTransferTimeoutSeconds).toInt();
    return seconds > 0 ? seconds : defaultTransferTimeoutSeconds;
}

void Settings::setTransferTimeoutSeconds(int seconds)
{
    m_settings->setValue(transferTimeoutKey, seconds);
}

Result<client::ConnectionSettings> Settings::connectionSettings() const
{
    return connectionSettingsFrom(backendUrl(), backendCaFile(), transferTimeoutSeconds());
}

Result<client::ConnectionSettings> Settings::connectionSettingsFrom(const QString &url,
                                                                    const QString &caFile,
                                                                    int transferTimeoutSeconds)
{
    if (url.trimmed().isEmpty())
        return Error {u"backend_url"_s, tr("No backend address is set.")};
    if (caFile.isEmpty())
        return Error {u"ca_file"_s, tr("No CA certificate file is set.")};
    QFile file(caFile);
    if (!file.exists())
        return Error {u"ca_file"_s, tr("The CA certificate file %1 does not exist.").arg(caFile)};
    if (!file.open(QIODevice::ReadOnly))
        return Error {
            u"ca_file"_s,
            tr("The CA certificate file %1 cannot be read: %2").arg(caFile, file.errorString())};
    QList<QSslCertificate> ca = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (ca.isEmpty()) {
        file.seek(0);
        ca = QSslCertificate::fromData(file.readAll(), QSsl::Der);
    }
    if (ca.isEmpty())
        return Error {u"ca_file"_s,
                      tr("The file %1 holds no certificate (PEM or DER).").arg(caFile)};
    client::ConnectionSettings connection {.baseUrl = QUrl(url.trimmed(), QUrl::StrictMode),
                                           .pinnedCa = ca,
                                           .transferTimeoutMs = transferTimeoutSeconds * 1000};
    if (const QString problem = connection.validate(); !problem.isEmpty())
        return Error {u"backend_url"_s, problem};
    return connection;
}

int Settings::idleLockMinutes() const
{
    return std::max(0, m_settings->value(idleLockKey, defaultIdleLockMinutes).toInt());
}

void Settings::setIdleLockMinutes(int minutes)
{
    m_settings->setValue(idleLockKey, std::max(0, minutes));
}

QString Settings::lastUsername() const
{
    return m_settings->value(lastUsernameKey).toString();
}

void Settings::setLastUsername(const QString &username)
{
    m_settings->setValue(lastUsernameKey, username);
}

QByteArray Settings::viewState(const QString &viewKey) const
{
    return m_settings->value(viewStatePrefix + viewKey).toByteArray();
}

void Settings::setViewState(const QString &viewKey, const QByteArray &state)
{
    m_settings->setValue(viewStatePrefix + viewKey, state);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace tc

#include "Settings.h"

#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace tc {

namespace {

// Every key the console stores.
const QString geometryKey = u"MainWindow/geometry"_s;
const QString tabKey = u"MainWindow/tab"_s;
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

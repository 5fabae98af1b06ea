#pragma once

#include "BackendClient.h"
#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

class QSettings;
class QTemporaryDir;

namespace tc {

// The console's persistent settings, typed, in one place: no QSettings key strings elsewhere.
// Nothing secret is ever kept here (the refresh token belongs to the OS keychain).
class Settings final
{
    Q_DECLARE_TR_FUNCTIONS(tc::Settings)

public:
    static constexpr int defaultIdleLockMinutes = 10;
    static constexpr int defaultTransferTimeoutSeconds = 15;

    // The user's settings (~/.config/TellerConsole/teller-console.conf).
    static std::unique_ptr<Settings> forUser();
    // Settings in an INI file at a path.
    static std::unique_ptr<Settings> inFile(const QString &path);
    // Settings in a fresh temporary file removed with the object (for tests).
    static std::unique_ptr<Settings> temporary();

    ~Settings();

    QString fileName() const;

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);

    // The tab of the main window shown last.
    int mainWindowTab() const;
    void setMainWindowTab(int index);

    // Where the backend is ("https://host:port") and the file of the CA certificate it is
    // pinned to; empty until set.
    QString backendUrl() const;
    void setBackendUrl(const QString &url);
    QString backendCaFile() const;
    void setBackendCaFile(const QString &path);
    // Seconds a call may go without data before it fails with Kind::Timeout.
    int transferTimeoutSeconds() const;
    void setTransferTimeoutSeconds(int seconds);
    // The connection these settings describe (the CA file read), or a sentence saying what is
    // wrong with them.
    Result<client::ConnectionSettings> connectionSettings() const;
    // The same from values not saved yet (the settings dialog checks what the user typed).
    static Result<client::ConnectionSettings>
    connectionSettingsFrom(const QString &url, const QString &caFile, int transferTimeoutSeconds);

    // Idle minutes before the console locks itself (0: never); the server's idle limit, when
    // it sends one, caps it (Session).
    int idleLockMinutes() const;
    void setIdleLockMinutes(int minutes);

    // The user name of the last sign-in, filled in next time (never the password).
    QString lastUsername() const;
    void setLastUsername(const QString &username);

    // A table's header state (QHeaderView::saveState: widths, order, sort, hidden columns) by
    // the view's key ("customer/attempts", …); empty when never saved.
    QByteArray viewState(const QString &viewKey) const;
    void setViewState(const QString &viewKey, const QByteArray &state);

    void sync();

private:
    Q_DISABLE_COPY_MOVE(Settings)

    explicit Settings(std::unique_ptr<QSettings> settings,
                      std::unique_ptr<QTemporaryDir> ownedDir = {});

    std::unique_ptr<QTemporaryDir> m_ownedDir;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace tc

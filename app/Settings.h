#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

class QSettings;
class QTemporaryDir;

namespace tc {

// The console's persistent settings, typed, in one place: no QSettings key strings elsewhere.
class Settings final
{
public:
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

#pragma once

#include <QDialog>

#include <memory>

namespace tc {

class Settings;

namespace client {
class BackendClient;
}

namespace Ui {
class SettingsDialog;
}

// The console's settings a person may change: the backend's address, the CA certificate file
// it is pinned to, how long an answer may take, and the idle lock. Saving checks them first and
// says what is wrong inline; "Test connection" asks the backend's health call with exactly what
// is typed, before anything is saved.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(Settings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // What the last check or connection test said (empty when nothing is wrong or untested).
    QString problemText() const;
    QString testResultText() const;
    bool isTesting() const;

public Q_SLOTS:
    void testConnection();
    // Saves and closes when the values make a usable connection; otherwise says why and stays.
    void accept() override;

Q_SIGNALS:
    // The saved connection differs from the one before: the console reconnects.
    void connectionChanged();
    void connectionTested(bool ok);

private:
    Q_DISABLE_COPY_MOVE(SettingsDialog)

    void chooseCaFile();
    void showProblem(const QString &text);
    void showTestResult(bool ok, const QString &text);

    Settings &m_settings;
    std::unique_ptr<Ui::SettingsDialog> m_ui;
    // Only for "Test connection": a client of its own, so the console's session is untouched.
    std::unique_ptr<client::BackendClient> m_probe;
};

} // namespace tc

#pragma once

#include <QWidget>

#include <memory>

namespace tc::client {
struct ClientError;
}

namespace tc {

namespace Ui {
class LockScreen;
}

// What the main window shows in place of the desk while the console is locked: who is signed
// in, why it is locked, the password (and the authenticator code when the server asks for it).
// The desk is only hidden behind it, so whatever was typed or selected there is still there
// after unlocking. Failures are said inline; the password field is cleared after each.
class LockScreen final : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(QWidget *parent = nullptr);
    ~LockScreen() override;

    // Fresh fields for this lock: `user` as the status bar names the staff member.
    void prepare(const QString &user, const QString &reason);
    void setBusy(bool busy);
    // Inline, the password cleared; S02 shows the code field.
    void showFailure(const client::ClientError &error);
    QString errorText() const;

Q_SIGNALS:
    void unlockRequested(const QString &password, const QString &totp);
    void signOutRequested();

private:
    Q_DISABLE_COPY_MOVE(LockScreen)

    void submit();

    std::unique_ptr<Ui::LockScreen> m_ui;
};

} // namespace tc

#pragma once

#include <QDialog>

#include <memory>

namespace tc::client {
struct ClientError;
}

namespace tc {

namespace Ui {
class SignInDialog;
}

// Staff sign-in: user name, password and, when the institution asks for it (S02), the
// authenticator code. The same dialog unlocks a locked console: the user name is then fixed and
// only the password (and code) is asked. It says what went wrong inline and stays open.
class SignInDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(QWidget *parent = nullptr);
    ~SignInDialog() override;

    // Sign-in of anyone (the last user name filled in).
    void setSignInMode(const QString &lastUsername);
    // Unlock by the signed-in user; `reason` says why it is locked.
    void setUnlockMode(const QString &username, const QString &reason);
    bool isUnlockMode() const { return m_unlock; }

    void setBusy(bool busy);
    // Inline, the password cleared; S02 shows the code field.
    void showFailure(const client::ClientError &error);
    QString username() const;
    QString errorText() const;

Q_SIGNALS:
    void submitted(const QString &username, const QString &password, const QString &totp);
    // "Settings…": the backend's address or CA need changing before anyone can sign in.
    void settingsRequested();

private:
    Q_DISABLE_COPY_MOVE(SignInDialog)

    void submit();

    std::unique_ptr<Ui::SignInDialog> m_ui;
    bool m_unlock = false;
};

} // namespace tc

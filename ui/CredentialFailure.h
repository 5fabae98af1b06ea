#pragma once

class QLabel;
class QLineEdit;

namespace tc::client {
struct ClientError;
}

namespace tc {

// The password fields the sign-in dialog and the lock screen share.
struct CredentialFields
{
    QLineEdit *passwordEdit = nullptr;
    QLabel *totpLabel = nullptr;
    QLineEdit *totpEdit = nullptr;
    QLabel *errorLabel = nullptr;
};

// A refused sign-in or unlock: asks for the authenticator code when the server wants it,
// otherwise says why and clears the password for the next try.
void showCredentialFailure(const client::ClientError &error, const CredentialFields &fields);

} // namespace tc

#include "ClientError.h"

#include "ErrorCatalog.h"

#include <QLocale>

namespace tc::client {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tc::client::ClientError", text);
}

// The staff text in the UI language. The client sits below the models, whose UiLanguage says
// the same: the installed translator set QLocale's default to the UI language.
QString inUiLanguage(const StaffText &text)
{
    const bool english = QLocale().language() == QLocale::English;
    if (english && !text.en.isEmpty())
        return text.en;
    return text.ja.isEmpty() ? text.en : text.ja;
}

} // namespace

QString ClientError::text() const
{
    switch (kind) {
    case Kind::Tls:
        // The detail (Qt's words for the certificate problem) is what IT needs to fix it.
        return detail.isEmpty()
            ? tr("The backend's certificate could not be verified against the pinned CA; "
                 "nothing was sent. Ask IT to check the console's settings.")
            : tr("The backend's certificate could not be verified against the pinned CA (%1); "
                 "nothing was sent. Ask IT to check the console's settings.")
                  .arg(detail);
    case Kind::Unreachable:
        return tr("The backend cannot be reached. Check the network; the console keeps "
                  "trying.");
    case Kind::Timeout:
        return tr("The backend did not answer in time. Try again in a moment.");
    case Kind::SessionExpired:
        return tr("Your session has ended. Sign in again; the screen stays as it is.");
    case Kind::Forbidden:
        return tr("Your role or branch does not allow this (another branch's account, or "
                  "supervisors only); ask the account's branch or a supervisor.");
    case Kind::Decode:
        return tr("The backend's answer could not be read (a newer or older backend?). Tell "
                  "IT.");
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::Catalog:
        break;
    }
    if (const CatalogEntry *entry = ErrorCatalog::builtIn().find(code))
        return code + QStringLiteral(": ") + inUiLanguage(entry->meaning);
    if (!serverMessage.isEmpty())
        return code.isEmpty() ? serverMessage : code + QStringLiteral(": ") + serverMessage;
    return tr("The backend refused the request (HTTP %1).").arg(httpStatus);
}

} // namespace tc::client

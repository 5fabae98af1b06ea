#include "StaffSessionApi.h"

#include "ErrorCodes.h"
#include "JsonInput.h"
#include "StaffAccounts.h"

using namespace Qt::StringLiterals;

namespace tc::backend::staff {

using api::FieldType;
using api::JsonInput;
using http::HttpRequest;
using http::HttpResponse;

namespace {

HttpResponse errorResponse(const Error &error)
{
    // Bad input says what was wrong (never the refusals of sign-in: S01 is one answer).
    HttpResponse response = error.key == codes::MalformedRequest && !error.message.isEmpty()
        ? HttpResponse::error(QStringView(error.key), {{u"detail"_s, error.message}})
        : HttpResponse::error(QStringView(error.key));
    // RFC 6750 §3: a refused bearer token says which scheme the resource wants.
    if (error.key == codes::StaffSessionEnded)
        response.setHeader("WWW-Authenticate", "Bearer realm=\"staff\", error=\"invalid_token\"");
    return response;
}

} // namespace

void registerStaffSessionApi(http::Router &router, StaffAccounts &accounts)
{
    router.add("POST", u"/api/v1/staff/session"_s, [&accounts](const HttpRequest &request) {
        const auto input =
            JsonInput::read(request,
                            {{u"username"_s, FieldType::String, 64},
                             {u"password"_s, FieldType::String, StaffAccounts::MaxPasswordLength},
                             {u"totp"_s, FieldType::String, 16}});
        if (!input)
            return errorResponse(input.error());
        const QString username = input->string(u"username"_s);
        const QString password = input->string(u"password"_s);
        if (username.isEmpty() || password.isEmpty())
            return errorResponse(
                Error {QString(codes::MalformedRequest), u"username and password are required"_s});
        const auto signedIn =
            accounts.signIn(username, password, input->string(u"totp"_s), request.peer.toString());
        if (!signedIn)
            return errorResponse(signedIn.error());
        return HttpResponse::json(200, signInJson(signedIn.value()));
    });

    router.add("POST", u"/api/v1/staff/session/refresh"_s, [&accounts](const HttpRequest &request) {
        const auto input = JsonInput::read(request, {{u"refresh_token"_s}});
        if (!input)
            return errorResponse(input.error());
        const QString token = input->string(u"refresh_token"_s);
        if (token.isEmpty())
            return errorResponse(
                Error {QString(codes::MalformedRequest), u"refresh_token is required"_s});
        const auto refreshed = accounts.refresh(token, request.peer.toString());
        if (!refreshed)
            return errorResponse(refreshed.error());
        return HttpResponse::json(200, signInJson(refreshed.value()));
    });

    router.add("DELETE", u"/api/v1/staff/session"_s, [&accounts](const HttpRequest &request) {
        const auto caller =
            accounts.authenticate(request.header("authorization"), request.peer.toString());
        if (!caller)
            return errorResponse(caller.error());
        if (Status ended = accounts.signOut(caller.value()); !ended)
            return errorResponse(ended.error());
        HttpResponse response;
        response.status = 204;
        return response;
    });
}

} // namespace tc::backend::staff

#include "Simulator.h"

#include "Crypto.h"
#include "PublicApi.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcBackendDemo)

namespace tc::backend::demo {

struct Simulator::Run
{
    int serial = 0;
    Behaviour behaviour = Behaviour::Success;
    DemoCustomer customer;
    QString flowId;
    QString verifier;
    QString state;
    QString destination;
    QDateTime expiresAt;
    QString cancelAt; // with Behaviour::Cancel: the step at which the customer gives up
    int typos = 0;
    int wrongPins = 0;
    bool confirmedEarly = false;
    bool retriedAfterLock = false;
    bool done = false;
    // Receiver of the run's timers and replies: deleting it drops whatever is still pending.
    QObject *context = nullptr;
};

QString behaviourName(Behaviour behaviour)
{
    switch (behaviour) {
    case Behaviour::Success:
        return u"success"_s;
    case Behaviour::BirthDateTypo:
        return u"birth-date-typo"_s;
    case Behaviour::TyposUntilLocked:
        return u"typos-until-locked"_s;
    case Behaviour::ConfirmEarly:
        return u"confirm-before-calling"_s;
    case Behaviour::CallLate:
        return u"calls-late"_s;
    case Behaviour::WrongPin:
        return u"wrong-pin"_s;
    case Behaviour::WrongPinsUntilLocked:
        return u"wrong-pins-until-locked"_s;
    case Behaviour::Cancel:
        return u"gives-up"_s;
    case Behaviour::DenyConsent:
        return u"denies-consent"_s;
    case Behaviour::NoCashCard:
        return u"no-cash-card"_s;
    }
    return u"unknown"_s;
}

namespace {

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString codeOf(int status, const QJsonObject &body)
{
    const QString code = body.value(u"code"_s).toString();
    if (!code.isEmpty())
        return code;
    return status == 0 ? u"network-error"_s : u"http-%1"_s.arg(status);
}

} // namespace

Simulator::Simulator(SimulatorSettings settings, QNetworkAccessManager *network, const Clock &clock,
                     QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_network(network), m_clock(clock),
      m_random(m_settings.seed)
{
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setCaCertificates(m_settings.caCertificates); // pinned: the demo CA only
    m_timer.setInterval(std::max(m_settings.intervalMs, 10));
    connect(&m_timer, &QTimer::timeout, this, &Simulator::spawn);

    QHash<QString, int> unluckyPerInstitution;
    for (const DemoCustomer &customer : std::as_const(m_settings.customers)) {
        if (!customer.cashCard) {
            m_noCard << &customer;
            continue;
        }
        m_eligible << &customer;
    }
    // A handful of accounts per institution attract the lock-prone customers, so locks and
    // B84 pile up where staff can watch them. The first rows of the CSV stay clear of them:
    // those are the ones a trainee walking the flow by hand picks first.
    for (qsizetype i = 50; i < m_eligible.size() && m_unlucky.size() < 12; i += 97) {
        const DemoCustomer *customer = m_eligible.at(i);
        if (unluckyPerInstitution[customer->institutionId]++ < 6)
            m_unlucky << customer;
    }
}

Simulator::~Simulator()
{
    stop();
}

void Simulator::start()
{
    if (m_eligible.isEmpty()) {
        qCWarning(lcBackendDemo) << "simulator: no customers with a cash card to simulate";
        return;
    }
    m_stopping = false;
    m_timer.start();
    QTimer::singleShot(0, this, &Simulator::spawn);
}

void Simulator::stop()
{
    m_stopping = true;
    m_timer.stop();
    const QSet<QNetworkReply *> inFlight = std::exchange(m_inFlight, {});
    for (QNetworkReply *reply : inFlight) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    for (const std::shared_ptr<Run> &run : std::as_const(m_runs))
        delete run->context;
    m_runs.clear();
}

Behaviour Simulator::chooseBehaviour()
{
    if (!m_settings.script.isEmpty())
        return m_settings.script.at(m_scriptIndex++ % m_settings.script.size());
    static const QList<std::pair<Behaviour, int>> weights {{Behaviour::Success, 30},
                                                           {Behaviour::BirthDateTypo, 14},
                                                           {Behaviour::TyposUntilLocked, 7},
                                                           {Behaviour::ConfirmEarly, 12},
                                                           {Behaviour::CallLate, 4},
                                                           {Behaviour::WrongPin, 9},
                                                           {Behaviour::WrongPinsUntilLocked, 4},
                                                           {Behaviour::Cancel, 9},
                                                           {Behaviour::DenyConsent, 5},
                                                           {Behaviour::NoCashCard, 3}};
    int total = 0;
    for (const auto &[behaviour, weight] : weights)
        total += weight;
    int pick = int(m_random.bounded(total));
    for (const auto &[behaviour, weight] : weights) {
        if (pick < weight)
            return behaviour;
        pick -= weight;
    }
    return Behaviour::Success;
}

const DemoCustomer &Simulator::chooseCustomer(Behaviour behaviour)
{
    if (behaviour == Behaviour::NoCashCard && !m_noCard.isEmpty())
        return *m_noCard.at(m_random.bounded(int(m_noCard.size())));
    int unluckyPercent = 8; // someone locked earlier comes back: B84
    if (behaviour == Behaviour::TyposUntilLocked || behaviour == Behaviour::WrongPinsUntilLocked)
        unluckyPercent = 75;
    else if (behaviour == Behaviour::BirthDateTypo)
        unluckyPercent = 30;
    if (!m_unlucky.isEmpty() && int(m_random.bounded(100)) < unluckyPercent)
        return *m_unlucky.at(m_random.bounded(int(m_unlucky.size())));
    return *m_eligible.at(m_random.bounded(int(m_eligible.size())));
}

void Simulator::spawn()
{
    if (m_stopping || m_runs.size() >= m_settings.maxConcurrent)
        return;
    auto run = std::make_shared<Run>();
    run->serial = ++m_started;
    run->behaviour = chooseBehaviour();
    if (run->behaviour == Behaviour::NoCashCard && m_noCard.isEmpty())
        run->behaviour = Behaviour::Success;
    run->customer = chooseCustomer(run->behaviour);
    static const QStringList cancelSteps {u"account"_s, u"customer"_s, u"phone"_s, u"pin"_s,
                                          u"consent"_s};
    run->cancelAt = cancelSteps.at(m_random.bounded(int(cancelSteps.size())));
    run->context = new QObject(this);
    m_runs.insert(run.get(), run);
    startFlow(run);
}

void Simulator::finish(const std::shared_ptr<Run> &run, const QString &outcome)
{
    if (run->done)
        return;
    run->done = true;
    ++m_finished;
    qCDebug(lcBackendDemo).noquote()
        << "simulated customer" << run->serial << behaviourName(run->behaviour) << "→" << outcome;
    run->context->deleteLater();
    m_runs.remove(run.get());
    Q_EMIT customerFinished(behaviourName(run->behaviour), outcome);
    // A scripted, one-at-a-time simulation goes on as soon as the previous customer is done.
    if (m_settings.maxConcurrent == 1 && !m_stopping)
        QTimer::singleShot(0, this, &Simulator::spawn);
}

void Simulator::later(const std::shared_ptr<Run> &run, const std::function<void()> &next)
{
    const int maxMs = std::max(m_settings.thinkTimeMs, 0);
    const int delay = maxMs == 0 ? 0 : maxMs / 3 + int(m_random.bounded(maxMs - maxMs / 3 + 1));
    QTimer::singleShot(delay, run->context, next);
}

void Simulator::send(const std::shared_ptr<Run> &run, const QByteArray &method, const QString &path,
                     const QByteArray &body,
                     const QList<std::pair<QByteArray, QByteArray>> &headers, const Answer &answer)
{
    QNetworkRequest request(m_settings.baseUrl.resolved(QUrl(path)));
    request.setSslConfiguration(m_tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(30000);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    m_inFlight.insert(reply);
    connect(reply, &QNetworkReply::finished, run->context, [this, reply, answer] {
        m_inFlight.remove(reply);
        reply->deleteLater();
        if (m_stopping)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 0)
            qCDebug(lcBackendDemo) << "simulator request failed:" << reply->errorString();
        answer(status, object);
    });
}

void Simulator::postJson(const std::shared_ptr<Run> &run, const QString &path,
                         const QJsonObject &body, const Answer &answer)
{
    send(run, "POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
         {{"Content-Type", "application/json"}}, answer);
}

bool Simulator::cancelHere(const std::shared_ptr<Run> &run, const QString &step)
{
    if (run->behaviour != Behaviour::Cancel || run->cancelAt != step)
        return false;
    postJson(
        run, u"/api/v1/flows/%1/cancel"_s.arg(run->flowId), {},
        [this, run](int status, const QJsonObject &body) { finish(run, codeOf(status, body)); });
    return true;
}

void Simulator::startFlow(const std::shared_ptr<Run> &run)
{
    run->verifier = crypto::randomToken(32);
    run->state = crypto::randomToken(8);
    const QJsonObject body {
        {u"institution"_s, run->customer.institutionId},
        {u"client_id"_s, m_settings.clientId},
        {u"redirect_uri"_s, m_settings.redirectUri},
        {u"state"_s, run->state},
        {u"code_challenge"_s, base64Url(crypto::sha256(run->verifier.toLatin1()))},
        {u"code_challenge_method"_s, u"S256"_s},
        {u"scope"_s, u"accounts"_s}};
    postJson(run, u"/api/v1/flows"_s, body, [this, run](int status, const QJsonObject &answer) {
        if (status != 201)
            return finish(run, codeOf(status, answer));
        run->flowId = answer.value(u"flow_id"_s).toString();
        later(run, [this, run] { submitAccount(run); });
    });
}

void Simulator::submitAccount(const std::shared_ptr<Run> &run)
{
    if (cancelHere(run, u"account"_s))
        return;
    const QJsonObject body {{u"branch_code"_s, run->customer.branchCode},
                            {u"account_type"_s, run->customer.accountType},
                            {u"account_number"_s, run->customer.accountNumber}};
    postJson(run, u"/api/v1/flows/%1/account"_s.arg(run->flowId), body,
             [this, run](int status, const QJsonObject &answer) {
                 if (status != 200)
                     return finish(run, codeOf(status, answer)); // B84, B11, …
                 later(run, [this, run] { submitCustomer(run); });
             });
}

void Simulator::submitCustomer(const std::shared_ptr<Run> &run)
{
    if (cancelHere(run, u"customer"_s))
        return;
    const bool typo = run->behaviour == Behaviour::TyposUntilLocked
        || (run->behaviour == Behaviour::BirthDateTypo && run->typos == 0);
    QDate birth = run->customer.birthDate;
    if (typo) {
        // The usual slips: a neighbouring day, the wrong year, month and day swapped.
        switch (m_random.bounded(3)) {
        case 0:
            birth = birth.addDays(birth.day() > 1 ? -1 : 1);
            break;
        case 1:
            birth = birth.addYears(1);
            break;
        default:
            birth = birth.month() != birth.day() && birth.day() <= 12
                ? QDate(birth.year(), birth.day(), birth.month())
                : birth.addDays(10);
        }
    }
    QString phone = run->customer.phone;
    if (m_random.bounded(2) == 0) // some type it with hyphens
        phone = phone.left(3) + u'-' + phone.mid(3, 4) + u'-' + phone.mid(7);
    const QString email = u"demo-customer-%1@example.jp"_s.arg(run->serial);
    const QJsonObject body {{u"name_kana"_s, run->customer.nameKana},
                            {u"birth_date"_s, birth.toString(Qt::ISODate)},
                            {u"phone"_s, phone},
                            {u"email"_s, email},
                            {u"email_confirm"_s, email}};
    postJson(run, u"/api/v1/flows/%1/customer"_s.arg(run->flowId), body,
             [this, run](int status, const QJsonObject &answer) {
                 const QString code = codeOf(status, answer);
                 if (status == 200) {
                     run->destination = answer.value(u"destination_number"_s).toString();
                     run->expiresAt = QDateTime::fromString(
                         answer.value(u"expires_at"_s).toString(), Qt::ISODateWithMs);
                     return later(run, [this, run] { phoneStep(run); });
                 }
                 if (code == u"B21"_s) {
                     ++run->typos;
                     return later(run, [this, run] { submitCustomer(run); });
                 }
                 if (code == u"B83"_s && !run->retriedAfterLock) {
                     // Locked now; the customer tries again straight away and meets B84.
                     run->retriedAfterLock = true;
                     return later(run, [this, run] { startFlow(run); });
                 }
                 finish(run, code);
             });
}

void Simulator::phoneStep(const std::shared_ptr<Run> &run)
{
    if (cancelHere(run, u"phone"_s))
        return;
    if (run->behaviour == Behaviour::ConfirmEarly && !run->confirmedEarly) {
        run->confirmedEarly = true;
        postJson(run, u"/api/v1/flows/%1/phone"_s.arg(run->flowId), {},
                 [this, run](int status, const QJsonObject &answer) {
                     // C01, or C03 when someone else rang the shared destination number in
                     // the window: either way this customer has not called yet and goes on to.
                     const QString code = codeOf(status, answer);
                     if (code != u"C01"_s && code != u"C03"_s)
                         return finish(run, code);
                     later(run, [this, run] {
                         call(run, [this, run] { later(run, [this, run] { confirmPhone(run); }); });
                     });
                 });
        return;
    }
    if (run->behaviour == Behaviour::CallLate && m_clock.now() <= run->expiresAt.addSecs(1)) {
        // Still inside the window: look at the clock again in a second (the demo clock may be
        // moved forward by a trainer, so no fixed wait).
        QTimer::singleShot(1000, run->context, [this, run] { phoneStep(run); });
        return;
    }
    call(run, [this, run] { later(run, [this, run] { confirmPhone(run); }); });
}

void Simulator::call(const std::shared_ptr<Run> &run, const std::function<void()> &then)
{
    const QDateTime now = m_clock.now();
    const QByteArray body =
        QJsonDocument(QJsonObject {{u"caller"_s, run->customer.phone},
                                   {u"dialed"_s, run->destination},
                                   {u"at"_s, now.toUTC().toString(Qt::ISODateWithMs)}})
            .toJson(QJsonDocument::Compact);
    const QByteArray timestamp = QByteArray::number(now.toSecsSinceEpoch());
    send(run, "POST", u"/api/v1/telephony/calls"_s, body,
         {{"Content-Type", "application/json"},
          {"X-Telephony-Timestamp", timestamp},
          {"X-Telephony-Signature",
           "sha256=" + api::telephonySignature(m_settings.telephonySecret, timestamp, body)}},
         [this, run, then](int status, const QJsonObject &answer) {
             if (status != 202)
                 return finish(run, codeOf(status, answer));
             then();
         });
}

void Simulator::confirmPhone(const std::shared_ptr<Run> &run)
{
    postJson(run, u"/api/v1/flows/%1/phone"_s.arg(run->flowId), {},
             [this, run](int status, const QJsonObject &answer) {
                 if (status != 200)
                     return finish(run, codeOf(status, answer)); // C02 for the late caller
                 later(run, [this, run] { submitPin(run); });
             });
}

void Simulator::submitPin(const std::shared_ptr<Run> &run)
{
    if (cancelHere(run, u"pin"_s))
        return;
    const bool wrong = run->behaviour == Behaviour::WrongPinsUntilLocked
        || (run->behaviour == Behaviour::WrongPin && run->wrongPins == 0);
    QString pin = run->customer.pin;
    if (wrong)
        pin = QString::number((pin.toInt() + 1 + int(m_random.bounded(9998))) % 10000)
                  .rightJustified(4, u'0');
    postJson(run, u"/api/v1/flows/%1/pin"_s.arg(run->flowId), {{u"pin"_s, pin}},
             [this, run](int status, const QJsonObject &answer) {
                 const QString code = codeOf(status, answer);
                 if (status == 200)
                     return later(run, [this, run] { consent(run); });
                 if (code == u"D01"_s) {
                     ++run->wrongPins;
                     return later(run, [this, run] { submitPin(run); });
                 }
                 finish(run, code); // D83, D84, …
             });
}

void Simulator::consent(const std::shared_ptr<Run> &run)
{
    if (cancelHere(run, u"consent"_s))
        return;
    const bool deny = run->behaviour == Behaviour::DenyConsent;
    postJson(run, u"/api/v1/flows/%1/consent"_s.arg(run->flowId),
             {{u"agree_terms"_s, true}, {u"decision"_s, deny ? u"deny"_s : u"allow"_s}},
             [this, run, deny](int status, const QJsonObject &answer) {
                 if (status != 200)
                     return finish(run, codeOf(status, answer));
                 if (deny)
                     return finish(run, u"E02"_s);
                 const QUrlQuery query(QUrl(answer.value(u"redirect_uri"_s).toString()));
                 exchangeCode(run, query.queryItemValue(u"code"_s));
             });
}

void Simulator::exchangeCode(const std::shared_ptr<Run> &run, const QString &code)
{
    // What the app's server does next: the code and verifier for tokens, then the account.
    QUrlQuery form;
    const auto encoded = [](const QString &value) {
        return QString::fromLatin1(QUrl::toPercentEncoding(value));
    };
    form.addQueryItem(u"grant_type"_s, u"authorization_code"_s);
    form.addQueryItem(u"code"_s, encoded(code));
    form.addQueryItem(u"redirect_uri"_s, encoded(m_settings.redirectUri));
    form.addQueryItem(u"code_verifier"_s, encoded(run->verifier));
    const QByteArray credentials = QUrl::toPercentEncoding(m_settings.clientId) + ':'
        + QUrl::toPercentEncoding(m_settings.clientSecret);
    const QByteArray basic = credentials.toBase64();
    send(run, "POST", u"/oauth/token"_s, form.toString(QUrl::FullyEncoded).toLatin1(),
         {{"Content-Type", "application/x-www-form-urlencoded"},
          {"Authorization", "Basic " + basic}},
         [this, run](int status, const QJsonObject &answer) {
             if (status != 200)
                 return finish(run, codeOf(status, answer));
             const QByteArray token = answer.value(u"access_token"_s).toString().toLatin1();
             send(run, "GET", u"/api/v1/accounts/me"_s, {}, {{"Authorization", "Bearer " + token}},
                  [this, run](int accountStatus, const QJsonObject &account) {
                      finish(run,
                             accountStatus == 200 ? u"linked"_s : codeOf(accountStatus, account));
                  });
         });
}

} // namespace tc::backend::demo

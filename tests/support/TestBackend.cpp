#include "TestBackend.h"

#include "AuditKeys.h"
#include "Crypto.h"
#include "Database.h"
#include "Directory.h"
#include "FlowService.h"
#include "MustSucceed.h"
#include "PasswordHasher.h"
#include "TokyoTime.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace tc::test {

StandardData seedStandardData(backend::Database &database, const backend::FlowService &flows,
                              const QString &clientSecret)
{
    using namespace backend;
    StandardData data;
    const auto must = [](const auto &result, const char *what) {
        if (!result)
            qFatal("seeding %s: %s", what, qPrintable(result.error().message));
    };
    const auto id = [&must](const Result<qint64> &result, const char *what) {
        must(result, what);
        return result.value();
    };
    QSqlDatabase db = database.connection();
    must(Directory::addInstitution(
             db,
             {.id = StandardData::institution,
              .name = u"兵庫ひまわり信用組合"_s,
              .authenticationNumbers = {u"0120000001"_s, u"0120000002"_s, u"0120000003"_s}}),
         "institution");
    data.branchId =
        id(Directory::addBranch(
               db, {StandardData::institution, u"001"_s, u"本店営業部"_s, u"078-631-7751"_s}),
           "branch");
    const qint64 customer = id(Directory::addCustomer(db,
                                                      {StandardData::institution, u"データタロウ"_s,
                                                       QDate(1980, 4, 1), StandardData::phone}),
                               "customer");
    data.accountId = id(Directory::addAccount(db,
                                              {.customerId = customer,
                                               .branchId = data.branchId,
                                               .accountType = u"ordinary"_s,
                                               .accountNumber = u"1234567"_s,
                                               .balance = 120000}),
                        "account");
    must(Directory::setPinDigest(db, data.accountId,
                                 flows.pinDigest(data.accountId, StandardData::pin)),
         "PIN");
    const qint64 noCard = id(
        Directory::addCustomer(
            db, {StandardData::institution, u"カードナシ"_s, QDate(1990, 1, 1), u"0786319999"_s}),
        "customer without card");
    data.noCardAccountId = id(Directory::addAccount(db,
                                                    {.customerId = noCard,
                                                     .branchId = data.branchId,
                                                     .accountType = u"savings"_s,
                                                     .accountNumber = u"7654321"_s,
                                                     .cashCardIssued = false}),
                              "account without card");
    must(Directory::addClientApp(db,
                                 {.clientId = StandardData::clientId,
                                  .name = u"しんくみアプリ with CRECO"_s,
                                  .provider = u"アイ・ティ・リアライズ株式会社"_s,
                                  .secretHash = crypto::sha256(clientSecret.toUtf8()),
                                  .redirectUris = {StandardData::redirectUri},
                                  .institutionIds = {StandardData::institution}}),
         "client app");
    return data;
}

qint64 addStaff(backend::Database &database, const QString &institutionId, const QString &username,
                backend::staff::StaffRole role, const QString &branchCode, const QString &password)
{
    using namespace backend;
    const Result<QString> hash = staff::PasswordHasher::hash(password);
    if (!hash)
        qFatal("staff password hash: %s", qPrintable(hash.error().message));
    QSqlDatabase db = database.connection();
    QVariant branchId = QVariant(QMetaType::fromType<qint64>());
    if (!branchCode.isEmpty()) {
        auto branch =
            runQuery(db, u"SELECT id FROM branches WHERE institution_id = ? AND code = ?"_s,
                     {institutionId, branchCode}, u"find branch"_s);
        if (!branch || !branch.value().next())
            qFatal("addStaff: no branch %s", qPrintable(branchCode));
        branchId = branch.value().value(0).toLongLong();
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto added = runQuery(db,
                          u"INSERT INTO staff_users (institution_id, username, display_name, role, "
                          "branch_id, password_hash, created_at, password_changed_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                          {institutionId, username, QString(u"テスト "_s + username),
                           staff::roleName(role), branchId, hash.value(), now, now},
                          u"add staff"_s);
    if (!added || !added.value().next())
        qFatal("addStaff %s: %s", qPrintable(username),
               qPrintable(added ? u"no id"_s : added.error().message));
    return added.value().value(0).toLongLong();
}

QDateTime tokyoTime(int year, int month, int day, int hour, int minute, int second, int millisecond)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, millisecond),
                     tokyoTimeZone())
        .toUTC();
}

QDateTime quietTokyoAfternoon()
{
    return tokyoTime(2026, 11, 24, 14, 0);
}

QByteArray TestBackend::Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

TestBackend::TestBackend() = default;
TestBackend::~TestBackend()
{
    m_network.reset();
    m_service.reset();
}

Status TestBackend::start(const QString &engine,
                          const std::function<void(backend::BackendSettings &)> &adjust)
{
    if (Status made = m_certificates.create(); !made)
        return made;
    if (!m_keys.isValid())
        return Error {u"keys"_s, u"no temporary directory"_s};
    for (const auto &[name, fill] :
         {std::pair {u"pin.key"_s, 'p'}, std::pair {u"hook.key"_s, 'h'}}) {
        QFile file(m_keys.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray(40, fill)) != 40)
            return Error {u"keys"_s, u"cannot write %1"_s.arg(name)};
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }

    backend::BackendSettings settings;
    settings.server.listenHost = u"127.0.0.1"_s;
    settings.server.listenPort = 0;
    settings.server.certificateFile = m_certificates.serverCertificatePath();
    settings.server.privateKeyFile = m_certificates.serverKeyPath();
    settings.pinKeyFile = m_keys.filePath(u"pin.key"_s);
    settings.telephonySecretFile = m_keys.filePath(u"hook.key"_s);
    settings.audit.signingKeyFile = m_keys.filePath(u"audit.key"_s);
    settings.audit.checkpointFile = m_keys.filePath(u"audit-checkpoints.log"_s);
    if (!QFile::exists(settings.audit.signingKeyFile)) {
        if (auto made = backend::audit::writeNewSigningKey(settings.audit.signingKeyFile); !made)
            return made.error();
    }
    settings.database = m_databases.create(engine);
    settings.callsPerAddressPerMinute = 100000;
    settings.flowsPerAppPerMinute = 100000;
    settings.staff.signInsPerAddressPerMinute = 100000;
    if (adjust)
        adjust(settings);

    m_clock = std::make_shared<backend::ManualClock>(quietTokyoAfternoon());
    auto service = backend::BackendService::start(settings, m_clock);
    if (!service)
        return service.error();
    m_service = std::move(service.value());
    m_data = seedStandardData(m_service->database(), m_service->flows());

    m_network = std::make_unique<QNetworkAccessManager>();
    return Success {};
}

std::unique_ptr<TestBackend> TestBackend::started(const QString &engine)
{
    auto backend = std::make_unique<TestBackend>();
    if (Status begun = backend->start(engine); !begun)
        qFatal("backend: %s", qPrintable(begun.error().message));
    return backend;
}

QString TestBackend::baseUrl() const
{
    return u"https://127.0.0.1:%1"_s.arg(m_service->port());
}

TestBackend::Reply TestBackend::request(const QByteArray &method, const QString &path,
                                        const QByteArray &body,
                                        const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(baseUrl() + path));
    request.setSslConfiguration(
        TestCertificates::clientConfiguration(m_certificates.caCertificate()));
    request.setTransferTimeout(30000);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append({pair.first, pair.second});
    reply->deleteLater();
    return result;
}

TestBackend::Reply TestBackend::postJson(const QString &path, const QJsonObject &object)
{
    return request("POST", path, QJsonDocument(object).toJson(QJsonDocument::Compact),
                   {{"Content-Type", "application/json"}});
}

QString TestBackend::signInStaff(const QString &username, const QString &password,
                                 const QString &totp)
{
    QJsonObject body {{u"username"_s, username}, {u"password"_s, password}};
    if (!totp.isEmpty())
        body.insert(u"totp"_s, totp);
    const Reply reply = postJson(u"/api/v1/staff/session"_s, body);
    if (reply.status != 200)
        qFatal("staff sign-in of %s: %d %s", qPrintable(username), reply.status,
               reply.body.constData());
    return reply.json.value(u"access_token"_s).toString();
}

QString TestBackend::staffToken(const QString &username, backend::staff::StaffRole role,
                                const QString &branchCode, const QString &institutionId)
{
    addStaff(m_service->database(), institutionId, username, role, branchCode, staffPassword);
    return signInStaff(username);
}

qint64 TestBackend::auditRows(const QString &username, const QString &action, const QString &result,
                              const std::optional<QString> &target)
{
    QString sql = u"SELECT COUNT(*) FROM audit_log WHERE username = ? AND action = ?"_s;
    QVariantList values {username, action};
    if (target) {
        sql += u" AND target = ?"_s;
        values.append(*target);
    }
    if (!result.isEmpty()) {
        sql += u" AND details LIKE ?"_s;
        values.append(QString(u"%\"result\":\""_s + result + u"\"%"_s));
    }
    return mustCount(m_service->database().connection(), sql, values, "audit rows");
}

std::pair<QByteArray, QByteArray> TestBackend::bearer(const QString &accessToken)
{
    return {"Authorization", "Bearer " + accessToken.toLatin1()};
}

} // namespace tc::test

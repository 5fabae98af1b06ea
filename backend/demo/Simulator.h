#pragma once

#include "Clock.h"
#include "DemoData.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace tc::backend::demo {

// What a simulated customer does, with the weight it gets when none is scripted.
enum class Behaviour {
    Success, // ①–⑥ in one go, then the app fetches the account
    BirthDateTypo, // one wrong birth date (B21), then right
    TyposUntilLocked, // wrong until the lock (B83), then tries again at once (B84)
    ConfirmEarly, // presses 確定する before calling (C01), then calls
    CallLate, // calls after the 120 s window (C02)
    WrongPin, // one wrong PIN (D01), then right
    WrongPinsUntilLocked, // wrong PINs until the PIN lock (D83)
    Cancel, // 中止する at a random step (E03)
    DenyConsent, // 拒否する on ⑥ (E02)
    NoCashCard, // an account without a cash card (B11)
};

QString behaviourName(Behaviour behaviour);

struct SimulatorSettings
{
    QUrl baseUrl; // https://127.0.0.1:PORT of the backend itself
    QList<QSslCertificate> caCertificates; // the demo CA, pinned
    QByteArray telephonySecret; // signs the "phone network's" webhook
    QString clientId;
    QString clientSecret;
    QString redirectUri;
    QList<DemoCustomer> customers;
    quint32 seed = 1;
    int intervalMs = 4000; // a new customer this often
    int thinkTimeMs = 2500; // at most this long between two steps of one customer
    int maxConcurrent = 12; // customers on the screens at the same time
    // When set, customers behave in this order (cycled) instead of by weighted chance.
    QList<Behaviour> script;
};

// The demo's built-in customers: they walk the flow over HTTPS against the backend's own port
// with realistic mistakes, so staff watching the console see failures, locks (B84 piles up on a
// few "unlucky" accounts) and new linkages as they happen. Everything is asynchronous on the
// thread that owns the simulator; stop() (or destruction) aborts what is in flight.
class Simulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Simulator)

public:
    // `network` and `clock` must outlive the simulator; the clock stamps the simulated calls.
    Simulator(SimulatorSettings settings, QNetworkAccessManager *network, const Clock &clock,
              QObject *parent = nullptr);
    ~Simulator() override;

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    int started() const { return m_started; }
    int finished() const { return m_finished; }

Q_SIGNALS:
    // One customer is done: the behaviour and the last answer (a catalog code, or "linked").
    void customerFinished(const QString &behaviour, const QString &outcome);

private:
    struct Run;
    using Answer = std::function<void(int status, const QJsonObject &body)>;

    void spawn();
    Behaviour chooseBehaviour();
    const DemoCustomer &chooseCustomer(Behaviour behaviour);
    void startFlow(const std::shared_ptr<Run> &run);
    void submitAccount(const std::shared_ptr<Run> &run);
    void submitCustomer(const std::shared_ptr<Run> &run);
    void phoneStep(const std::shared_ptr<Run> &run);
    void call(const std::shared_ptr<Run> &run, const std::function<void()> &then);
    void confirmPhone(const std::shared_ptr<Run> &run);
    void submitPin(const std::shared_ptr<Run> &run);
    void consent(const std::shared_ptr<Run> &run);
    void exchangeCode(const std::shared_ptr<Run> &run, const QString &code);
    bool cancelHere(const std::shared_ptr<Run> &run, const QString &step);
    void finish(const std::shared_ptr<Run> &run, const QString &outcome);
    void later(const std::shared_ptr<Run> &run, const std::function<void()> &next);
    void send(const std::shared_ptr<Run> &run, const QByteArray &method, const QString &path,
              const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers,
              const Answer &answer);
    void postJson(const std::shared_ptr<Run> &run, const QString &path, const QJsonObject &body,
                  const Answer &answer);

    SimulatorSettings m_settings;
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
    QSslConfiguration m_tls;
    QTimer m_timer;
    QList<const DemoCustomer *> m_eligible;
    QList<const DemoCustomer *> m_unlucky; // where the lock-prone customers gather
    QList<const DemoCustomer *> m_noCard;
    QHash<Run *, std::shared_ptr<Run>> m_runs;
    QSet<QNetworkReply *> m_inFlight;
    int m_started = 0;
    int m_finished = 0;
    int m_scriptIndex = 0;
    bool m_stopping = false;
    QRandomGenerator m_random;
};

} // namespace tc::backend::demo

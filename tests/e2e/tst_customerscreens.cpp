// The customer screens ①–⑥ in a real browser: headless Chromium (Debian's) driven by
// playwright-core (tests/e2e/screens-browser/) clicks and types through the flow the way a
// customer does, against the real BackendService over TLS, and takes a screenshot of each
// screen into the build tree (test-output/screens/) for people to look at.
#include "E2eHarness.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace tc;

class TestCustomerScreens final : public QObject
{
    Q_OBJECT

    test::E2eHarness m_harness;
    QString m_chromium;

private Q_SLOTS:
    void initTestCase()
    {
        m_chromium = QStandardPaths::findExecutable(u"chromium"_s);
        QVERIFY2(!m_chromium.isEmpty(), "chromium not found (scripts/install-deps installs it)");
        const QString prepared = m_harness.prepare(QStringLiteral(SCREENS_BROWSER_SOURCE_DIR),
                                                   QStringLiteral(SCREENS_BROWSER_WORK_DIR));
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
    }

    void walkScreens()
    {
        const QString started = m_harness.start(u"sqlite"_s);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const QString outDir = QStringLiteral(SCREENSHOT_DIR);
        QDir(outDir).removeRecursively();
        QVERIFY(QDir().mkpath(outDir));

        QProcessEnvironment environment = m_harness.environment();
        environment.insert(u"TC_CHROMIUM"_s, m_chromium);
        environment.insert(u"TC_SCREENSHOT_DIR"_s, outDir);
        const QJsonObject report = m_harness.runNode(u"screens.mjs"_s, environment, 240'000);
        QVERIFY2(report.value(u"ok"_s).toBool(), qPrintable(report.value(u"failure"_s).toString()));

        const QJsonArray screenshots = report.value(u"screenshots"_s).toArray();
        qInfo().noquote() << report.value(u"checks"_s).toArray().size() << "checks passed;"
                          << screenshots.size() << "screenshots in" << outDir;
        QCOMPARE(screenshots.size(), 10);
        for (const QJsonValue &file : screenshots)
            QVERIFY2(QFileInfo(file.toString()).size() > 1000, qPrintable(file.toString()));
    }

    void cleanup() { m_harness.stop(); }
};

QTEST_GUILESS_MAIN(TestCustomerScreens)
#include "tst_customerscreens.moc"
